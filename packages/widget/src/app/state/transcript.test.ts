import type { ChatMessage } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { contiguousSeq, hasGap, mergeMessages, newMessages } from './transcript';

function msg(seq: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    role: 'assistant',
    text: `message ${seq}`,
    authorName: null,
    clientId: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

const seqs = (messages: ChatMessage[]) => messages.map((m) => m.seq);

describe('mergeMessages', () => {
  it('orders by seq whatever the arrival order', () => {
    expect(seqs(mergeMessages([], [msg(3), msg(1), msg(2)]))).toEqual([1, 2, 3]);
    expect(seqs(mergeMessages([msg(1), msg(4)], [msg(3), msg(2)]))).toEqual([1, 2, 3, 4]);
  });

  it('never duplicates: ack + broadcast, or a replay after reconnect', () => {
    const held = [msg(1), msg(2)];
    const merged = mergeMessages(held, [msg(2), msg(3), msg(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
    expect(seqs(mergeMessages(merged, merged))).toEqual([1, 2, 3]);
  });

  it('keeps the first copy of a seq and ignores a known id under another seq', () => {
    const merged = mergeMessages([msg(1)], [msg(1, { text: 'changed' }), msg(2, { id: 'm1' })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.text).toBe('message 1');
  });

  it('returns the same array when nothing is new (no re-render)', () => {
    const held = [msg(1)];
    expect(mergeMessages(held, [msg(1)])).toBe(held);
    expect(mergeMessages(held, [])).toBe(held);
  });

  it('lists the added messages', () => {
    const before = [msg(1)];
    const after = mergeMessages(before, [msg(1), msg(2)]);
    expect(seqs(newMessages(before, after))).toEqual([2]);
    expect(newMessages(after, after)).toEqual([]);
  });
});

describe('contiguousSeq / hasGap', () => {
  it('is the last seq with no hole before it', () => {
    expect(contiguousSeq([])).toBe(0);
    expect(contiguousSeq([msg(1), msg(2), msg(3)])).toBe(3);
    expect(contiguousSeq([msg(1), msg(2), msg(5)])).toBe(2);
    expect(contiguousSeq([msg(2), msg(3)])).toBe(0);
  });

  it('detects a hole so the client syncs instead of skipping messages', () => {
    expect(hasGap([])).toBe(false);
    expect(hasGap([msg(1), msg(2)])).toBe(false);
    expect(hasGap([msg(1), msg(3)])).toBe(true);
    expect(hasGap([msg(4)])).toBe(true);
  });
});
