import type { ChatMessage } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import {
  createTypingSender,
  peerTyping,
  typingAfterMessages,
  typingAt,
  TYPING_EXPIRY_MS,
  TYPING_REFRESH_MS,
} from './typing';

function sender() {
  let t = 1_000;
  const sent: boolean[] = [];
  const s = createTypingSender(
    (typing) => sent.push(typing),
    () => t,
  );
  return { s, sent, advance: (ms: number) => void (t += ms) };
}

const message = (role: ChatMessage['role']): ChatMessage => ({
  id: `m-${role}`,
  conversationId: 'c1',
  seq: 1,
  role,
  text: 'hi',
  authorName: null,
  clientId: null,
  createdAt: new Date(0).toISOString(),
});

describe('createTypingSender', () => {
  it('sends true at once, then at most once per refresh interval while keys are pressed', () => {
    const { s, sent, advance } = sender();
    s.input(true);
    for (let i = 0; i < 20; i++) {
      advance(100); // 2 s of typing, ten keys a second
      s.input(true);
    }
    expect(sent).toEqual([true]);
    advance(TYPING_REFRESH_MS - 2_000);
    s.input(true);
    expect(sent).toEqual([true, true]);
  });

  it('sends false once on stop (send, blur) and after clearing, and only after a true', () => {
    const { s, sent, advance } = sender();
    s.stop();
    s.input(false);
    expect(sent).toEqual([]);
    s.input(true);
    s.stop();
    s.stop();
    expect(sent).toEqual([true, false]);
    // Typing again right after stopping is a new burst: announced at once.
    advance(10);
    s.input(true);
    s.input(false);
    s.input(false);
    expect(sent).toEqual([true, false, true, false]);
  });
});

describe('the agent typing indicator', () => {
  it('lasts TYPING_EXPIRY_MS after the last refresh, and a refresh extends it', () => {
    const shown = peerTyping({ typing: true, agentName: 'Sam' }, 10_000);
    expect(shown).toEqual({ name: 'Sam', until: 10_000 + TYPING_EXPIRY_MS });
    expect(typingAt(shown, 10_000 + TYPING_EXPIRY_MS - 1)).toBe(shown);
    expect(typingAt(shown, 10_000 + TYPING_EXPIRY_MS)).toBeNull();
    const refreshed = peerTyping({ typing: true, agentName: 'Sam' }, 13_000);
    expect(typingAt(refreshed, 10_000 + TYPING_EXPIRY_MS)).toBe(refreshed);
    expect(typingAt(null, 0)).toBeNull();
  });

  it('is withdrawn by typing: false', () => {
    expect(peerTyping({ typing: false, agentName: 'Sam' }, 0)).toBeNull();
  });

  it("ends when the agent's message arrives, not the customer's or the assistant's", () => {
    const shown = peerTyping({ typing: true, agentName: 'Sam' }, 0);
    expect(typingAfterMessages(shown, [message('customer'), message('system')])).toBe(shown);
    expect(typingAfterMessages(shown, [message('customer'), message('agent')])).toBeNull();
    expect(typingAfterMessages(null, [message('agent')])).toBeNull();
  });
});
