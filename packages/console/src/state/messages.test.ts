import { describe, expect, it } from 'vitest';
import { message } from '../test-support/fixtures';
import {
  authorOf,
  customerMessagesAfter,
  hasGap,
  mergeMessages,
  transcriptToText,
} from './messages';

describe('mergeMessages', () => {
  it('orders by seq whatever the arrival order', () => {
    const merged = mergeMessages([message(2)], [message(4), message(1), message(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps a message once when it arrives twice (ack and live echo)', () => {
    const merged = mergeMessages([message(1), message(2)], [message(2), message(3)]);
    expect(merged.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('returns the same array when nothing is new, so renders can be skipped', () => {
    const existing = [message(1), message(2)];
    expect(mergeMessages(existing, [message(2)])).toBe(existing);
    expect(mergeMessages(existing, [])).toBe(existing);
  });

  it('lets the incoming copy of a seq win', () => {
    const merged = mergeMessages([message(1, { text: 'old' })], [message(1, { text: 'new' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.text).toBe('new');
  });

  it('does not keep one id under two seqs', () => {
    const merged = mergeMessages([message(1, { id: 'x' })], [message(2, { id: 'x' })]);
    expect(merged.map((m) => m.seq)).toEqual([2]);
  });

  it('does not mutate its inputs', () => {
    const existing = [message(3), message(1)];
    mergeMessages(existing, [message(2)]);
    expect(existing.map((m) => m.seq)).toEqual([3, 1]);
  });
});

describe('hasGap', () => {
  it('spots a skipped seq', () => {
    expect(hasGap([message(1), message(2), message(4)])).toBe(true);
  });

  it('accepts a contiguous tail that does not start at 1', () => {
    expect(hasGap([message(5), message(6), message(7)])).toBe(false);
    expect(hasGap([])).toBe(false);
  });
});

describe('customerMessagesAfter', () => {
  it('counts only customer messages newer than what was seen', () => {
    const list = [message(1), message(2, { role: 'assistant' }), message(3), message(4)];
    expect(customerMessagesAfter(list, 2)).toBe(2);
  });
});

describe('authorOf / transcriptToText', () => {
  it('names every role', () => {
    expect(authorOf(message(1), 'Dana')).toBe('Dana');
    expect(authorOf(message(1))).toBe('Customer');
    expect(authorOf(message(1, { role: 'agent', authorName: 'Alex' }))).toBe('Alex');
    expect(authorOf(message(1, { role: 'assistant' }))).toBe('Assistant');
    expect(authorOf(message(1, { role: 'system' }))).toBe('System');
  });

  it('writes one paragraph per message', () => {
    const text = transcriptToText([message(1, { text: 'hi' }), message(2, { role: 'system' })]);
    expect(text).toBe(
      '[2025-01-01T12:00:01.000Z] #1 Customer:\nhi\n\n[2025-01-01T12:00:02.000Z] #2 System:\nmessage 2',
    );
  });

  it('names the files a message carried', () => {
    const file = { id: 'a1', name: 'mug.png', mime: 'image/png' as const, size: 10 };
    const text = transcriptToText([message(1, { text: '', attachments: [file] })]);
    expect(text).toBe('[2025-01-01T12:00:01.000Z] #1 Customer:\n[attached: mug.png (image/png)]');
  });
});
