import { afterAll, describe, expect, it } from 'vitest';
import type { RunningBaton } from '../src/bootstrap';
import { ALEX, call, connectAgent, sleep, startTestServer } from './harness';

/**
 * A server whose clock is two days behind the wall clock (a replay, a test) signs agents in for
 * 12 hours of its own time: their sockets must not be closed at once as if already expired.
 */
describe('agent sessions follow the server clock', () => {
  let baton: RunningBaton;
  afterAll(async () => {
    await baton?.stop();
  });

  it('keeps an agent socket open for the session the server’s clock granted', async () => {
    const behind = 2 * 24 * 60 * 60 * 1000;
    baton = await startTestServer({ clock: () => new Date(Date.now() - behind) });
    const { socket } = await connectAgent(baton.url, ALEX);
    await sleep(300);
    expect(socket.connected).toBe(true);
    expect(await call<{ queues: unknown[] }>(socket, 'queues:get', {})).toHaveProperty('queues');
    socket.disconnect();
  });
});
