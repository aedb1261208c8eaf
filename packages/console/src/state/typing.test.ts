import { describe, expect, it } from 'vitest';
import { message } from '../test-support/fixtures';
import {
  customerTypingUntil,
  typingAfterMessages,
  typingToSend,
  TYPING_EXPIRY_MS,
  TYPING_REFRESH_MS,
  type TypingSent,
} from './typing';

/** Feeds reply-box changes through the throttle; returns what was sent. */
function typeInto(steps: { id?: string; hasText: boolean; at: number }[]) {
  let sent: TypingSent = new Map();
  const out: string[] = [];
  for (const { id = 'c1', hasText, at } of steps) {
    const next = typingToSend(sent, id, hasText, at);
    if (!next) continue;
    sent = next.sent;
    out.push(`${id}:${next.typing}@${at}`);
  }
  return out;
}

describe('typingToSend', () => {
  it('sends true at the start of a burst, then at most once per refresh interval', () => {
    const keys = Array.from({ length: 60 }, (_, i) => ({ hasText: true, at: i * 100 }));
    expect(typeInto(keys)).toEqual([
      'c1:true@0',
      `c1:true@${TYPING_REFRESH_MS}`,
      `c1:true@${2 * TYPING_REFRESH_MS}`,
    ]);
  });

  it('sends false once when the box is cleared, and nothing for a box that sent nothing', () => {
    expect(
      typeInto([
        { hasText: false, at: 0 },
        { hasText: true, at: 10 },
        { hasText: false, at: 20 },
        { hasText: false, at: 30 },
        { hasText: true, at: 40 }, // a new burst: at once, not throttled by the last
      ]),
    ).toEqual(['c1:true@10', 'c1:false@20', 'c1:true@40']);
  });

  it('throttles each conversation on its own', () => {
    expect(
      typeInto([
        { id: 'c1', hasText: true, at: 0 },
        { id: 'c2', hasText: true, at: 100 },
        { id: 'c1', hasText: true, at: 200 },
        { id: 'c2', hasText: false, at: 300 },
      ]),
    ).toEqual(['c1:true@0', 'c2:true@100', 'c2:false@300']);
  });
});

describe("the customer's indicator", () => {
  it('lasts TYPING_EXPIRY_MS from the last event; false hides it', () => {
    expect(customerTypingUntil(true, 1_000)).toBe(1_000 + TYPING_EXPIRY_MS);
    expect(customerTypingUntil(false, 1_000)).toBeNull();
  });

  it("ends with the customer's message, not with an agent's or the assistant's", () => {
    expect(typingAfterMessages(5_000, [message(3, { role: 'agent' })])).toBe(5_000);
    expect(typingAfterMessages(5_000, [message(3, { role: 'assistant' }), message(4)])).toBeNull();
  });
});
