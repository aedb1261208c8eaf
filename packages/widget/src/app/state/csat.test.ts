import type { ChatMessage } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import {
  csatAfterMessages,
  csatAnswered,
  csatPayload,
  csatSending,
  editCsat,
  openCsat,
  reopenCsat,
} from './csat';

function msg(seq: number, role: ChatMessage['role'], conversationId = 'c1'): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId,
    seq,
    role,
    text: `message ${seq}`,
    authorName: null,
    clientId: null,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

const resolved = () => openCsat('c1', [msg(1, 'customer'), msg(2, 'agent'), msg(3, 'system')]);

describe('csat state', () => {
  it('opens after the messages held when the conversation was resolved, nothing chosen', () => {
    expect(resolved()).toEqual({
      conversationId: 'c1',
      since: 3,
      rating: null,
      comment: '',
      pending: false,
      error: null,
      saved: null,
      editing: false,
    });
  });

  it('goes once the customer writes after the resolution (a new episode), not before', () => {
    const csat = resolved();
    expect(csatAfterMessages(csat, [msg(2, 'customer'), msg(4, 'assistant')])).toBe(csat);
    expect(csatAfterMessages(csat, [msg(4, 'customer', 'c2')])).toBe(csat);
    expect(csatAfterMessages(csat, [msg(4, 'customer')])).toBeNull();
    expect(csatAfterMessages(null, [msg(4, 'customer')])).toBeNull();
  });

  it('keeps the choice and comment; a new rating clears the last error', () => {
    let csat = editCsat(resolved(), { rating: 4 });
    csat = editCsat(csat, { comment: 'Quick and kind' });
    expect(csat).toMatchObject({ rating: 4, comment: 'Quick and kind' });
    csat = csatAnswered(csatSending(csat!), 'c1', {
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Slow down' },
    });
    expect(csat).toMatchObject({
      rating: 4,
      comment: 'Quick and kind',
      pending: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect(editCsat(csat, { comment: 'Quick' })?.error).not.toBeNull();
    expect(editCsat(csat, { rating: 5 })).toMatchObject({ rating: 5, error: null });
  });

  it('ignores changes while the rating is on its way', () => {
    const sending = csatSending(editCsat(resolved(), { rating: 2 })!);
    expect(editCsat(sending, { rating: 5 })).toBe(sending);
  });

  it('thanks once stored, offers the form again, and says when a rating was replaced', () => {
    let csat = csatAnswered(csatSending(editCsat(resolved(), { rating: 4 })!), 'c1', {
      ok: true,
      data: { rating: 4, replaced: false },
    });
    expect(csat).toMatchObject({ saved: { rating: 4, replaced: false }, editing: false });
    csat = reopenCsat(csat);
    expect(csat).toMatchObject({ editing: true, rating: 4 });
    csat = csatAnswered(csatSending(editCsat(csat, { rating: 2 })!), 'c1', {
      ok: true,
      data: { rating: 2, replaced: true },
    });
    expect(csat).toMatchObject({ saved: { rating: 2, replaced: true }, editing: false });
    expect(reopenCsat(resolved())).toEqual(resolved()); // nothing sent yet: nothing to reopen
  });

  it("drops an answer for a prompt that has gone or another conversation's", () => {
    const ok = { ok: true as const, data: { rating: 3, replaced: false } };
    expect(csatAnswered(null, 'c1', ok)).toBeNull();
    const other = openCsat('c2', []);
    expect(csatAnswered(other, 'c1', ok)).toBe(other);
  });

  it('sends the trimmed comment, and none when it is blank', () => {
    const csat = { ...resolved(), rating: 5 };
    expect(csatPayload({ ...csat, comment: '  Great  ' })).toEqual({
      conversationId: 'c1',
      rating: 5,
      comment: 'Great',
    });
    expect(csatPayload({ ...csat, comment: ' \n ' })).toEqual({ conversationId: 'c1', rating: 5 });
  });
});
