import type { ChatMessage } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { addToOutbox, reconcileOutbox, setOutboxStatus } from './outbox';

const confirmed = (clientId: string | null): ChatMessage => ({
  id: 'm1',
  conversationId: 'c1',
  seq: 1,
  role: 'customer',
  text: 'hi',
  authorName: null,
  clientId,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('outbox', () => {
  it('adds as sending, fails with the error, and retries with the same clientId', () => {
    let outbox = addToOutbox([], 'client-0001', 'hello');
    expect(outbox).toEqual([
      { clientId: 'client-0001', text: 'hello', status: 'sending', error: null },
    ]);
    outbox = setOutboxStatus(outbox, 'client-0001', 'failed', {
      code: 'RATE_LIMITED',
      message: 'Too many messages',
      details: { retryInMs: 1000 },
    });
    expect(outbox[0]).toMatchObject({
      status: 'failed',
      error: { code: 'RATE_LIMITED', message: 'Too many messages' },
    });
    outbox = setOutboxStatus(outbox, 'client-0001', 'sending');
    expect(outbox[0]).toMatchObject({ clientId: 'client-0001', status: 'sending', error: null });
  });

  it('drops exactly the items the server confirmed', () => {
    const outbox = addToOutbox(addToOutbox([], 'client-0001', 'a'), 'client-0002', 'b');
    expect(reconcileOutbox(outbox, [confirmed('client-0001')]).map((i) => i.clientId)).toEqual([
      'client-0002',
    ]);
    expect(reconcileOutbox(outbox, [confirmed(null)])).toBe(outbox);
  });
});
