import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueStatus, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  startTestServer,
  SITE_KEY,
  waitFor,
  type CustomerSocket,
  servicesFor,
} from './harness';
import { startChildNode, type ChildNode } from './support/childNode';

const { enabled, pgUrl, redisUrl } = servicesFor('presence after a node crash', { redis: true });

/** The promise made with the default presence settings (heartbeat 5 s, ttl 20 s, sweep 2 s). */
const OFFLINE_WITHIN_MS = 30_000;

describe.runIf(enabled)('a node crash: presence', () => {
  let drop: () => Promise<void>;
  let child: ChildNode | null = null;
  let survivor: RunningBaton | null = null;
  let customer: CustomerSocket | null = null;
  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    // Both nodes run the default presence settings: the crashed node's last renewal decides.
    [child, survivor] = await Promise.all([
      startChildNode({ databaseUrl: schema.url, redisUrl: redisUrl }),
      startTestServer({ databaseUrl: schema.url, redisUrl: redisUrl }),
    ]);
  });
  afterAll(async () => {
    customer?.close();
    child?.kill('SIGKILL');
    await survivor?.stop();
    await drop?.();
  });

  it('the agents of a killed node are offline for waiting customers within 30 s', async () => {
    customer = connectCustomer(survivor!.url);
    await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const queued = await call<{ status: QueueStatus }>(customer, 'human:request', {
      clientId: newClientId(),
    });
    expect(queued.status.queue).toBe('general');
    expect(queued.status.agentsOnline).toBe(0);

    // An agent on the child node: the customer on the survivor is told someone is there.
    const online = waitFor<QueueStatus>(customer, 'queue:status', (s) => s.agentsOnline === 1);
    const alex = await connectAgent(child!.url, ALEX);
    await online;
    expect(await survivor!.store.countAgentsOnline('general')).toBe(1);

    const offline = waitFor<QueueStatus>(
      customer,
      'queue:status',
      (s) => s.agentsOnline === 0,
      OFFLINE_WITHIN_MS + 5_000,
    );
    const killedAt = Date.now();
    child!.kill('SIGKILL');
    const { signal } = await child!.exited;
    expect(signal).toBe('SIGKILL');
    alex.socket.close();
    const status = await offline.catch(async (err: unknown) => {
      // Say what the survivor sees, so a failure can be told apart from a slow sweep.
      const rows = await survivor!.db.query(
        'SELECT node_id, expires_at, clock_timestamp() AS now FROM agent_connections',
      );
      console.error(
        'no offline status; connections:',
        rows,
        'killed',
        Date.now() - killedAt,
        'ms ago',
      );
      throw err;
    });
    const elapsedMs = Date.now() - killedAt;
    const countAfter = await survivor!.store.countAgentsOnline('general');
    console.log(
      JSON.stringify({
        test: 'presence after kill -9',
        agentsOnlineBefore: 1,
        agentsOnlineAfter: status.agentsOnline,
        countAgentsOnlineAfter: countAfter,
        secondsToOffline: Math.round(elapsedMs / 100) / 10,
        limitSeconds: OFFLINE_WITHIN_MS / 1000,
      }),
    );
    expect(elapsedMs).toBeLessThanOrEqual(OFFLINE_WITHIN_MS);
    expect(countAfter).toBe(0);
  }, 60_000);
});
