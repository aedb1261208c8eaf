import { describe, expect, it } from 'vitest';
import { clientIdSchema } from '@baton/shared';
import { message } from '../test-support/fixtures';
import { addOutgoing, newClientId, settleOutgoing, updateOutgoing } from './outbox';

describe('outbox', () => {
  it('settles a reply once its clientId shows up in the transcript', () => {
    let outbox = addOutgoing([], 'a_1111111111', 'hello');
    outbox = addOutgoing(outbox, 'a_2222222222', 'second');
    const settled = settleOutgoing(outbox, [
      message(3, { role: 'agent', clientId: 'a_1111111111' }),
    ]);
    expect(settled.map((r) => r.clientId)).toEqual(['a_2222222222']);
  });

  it('returns the same array when nothing settled', () => {
    const outbox = addOutgoing([], 'a_1111111111', 'hello');
    expect(settleOutgoing(outbox, [message(1)])).toBe(outbox);
  });

  it('patches one reply by clientId', () => {
    const outbox = updateOutgoing(addOutgoing([], 'a_1111111111', 'hello'), 'a_1111111111', {
      status: 'failed',
      error: 'boom',
    });
    expect(outbox[0]).toMatchObject({ status: 'failed', error: 'boom', text: 'hello' });
  });
});

describe('newClientId', () => {
  it('matches the protocol schema and does not repeat', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newClientId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(clientIdSchema.safeParse(id).success).toBe(true);
  });
});
