import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStore, migrate, openEmbeddedDatabase, type Store } from '../storage';
import { createPresenceKeeper } from './presence';

const options = { heartbeatMs: 1_000, ttlMs: 60_000, sweepMs: 1_000 };
const log = {
  error: (obj: object, msg: string) => {
    throw new Error(`${msg}: ${JSON.stringify(obj)}`);
  },
};

describe('presence keeper', () => {
  let store: Store;
  beforeAll(async () => {
    const db = await openEmbeddedDatabase();
    await migrate(db);
    store = createSqlStore(db);
    for (const id of ['a1', 'a2']) {
      await store.upsertAgent({
        id,
        email: `${id}@x.test`,
        name: id,
        passwordHash: 'h',
        queues: ['general'],
        capacity: 3,
      });
    }
  });
  afterAll(async () => {
    await store?.close();
  });

  function keeper(nodeId: string) {
    const changed: string[][] = [];
    const k = createPresenceKeeper({
      store,
      nodeId,
      options,
      log,
      changed: async (ids) => {
        changed.push(ids);
      },
    });
    return { k, changed };
  }

  it('records connections and removes them on disconnect', async () => {
    const { k, changed } = keeper('n1');
    await k.add('s1', 'a1');
    await k.add('s2', 'a1');
    expect(await store.getPresence('a1')).toMatchObject({ connections: 2 });
    await k.heartbeat();
    await k.remove('s1');
    await k.remove('s2');
    expect(await store.getPresence('a1')).toMatchObject({ connections: 0 });
    expect(changed).toEqual([]);
  });

  it('records again the open sockets another node swept while this one could not renew', async () => {
    const { k, changed } = keeper('n2');
    await k.add('s3', 'a2');
    // Another node's sweep took it (this node missed its renewals, say during a database outage).
    await store.removeAgentConnection('s3');
    expect(await store.countAgentsOnline('general')).toBe(0);
    await k.heartbeat();
    expect(await store.getPresence('a2')).toMatchObject({ connections: 1 });
    expect(changed).toEqual([['a2']]);
    await k.remove('s3');
  });

  it('sweeps lapsed connections of a dead node and reports their agents once', async () => {
    const { k, changed } = keeper('n3');
    await store.addAgentConnection({ socketId: 'dead', agentId: 'a1', nodeId: 'dead' }, -1_000);
    await k.sweep();
    await k.sweep();
    expect(changed).toEqual([['a1']]);
    expect(await store.getPresence('a1')).toMatchObject({ connections: 0 });
  });

  it('refuses a heartbeat slower than the ttl', () => {
    expect(() =>
      createPresenceKeeper({
        store,
        nodeId: 'x',
        options: { heartbeatMs: 30_000, ttlMs: 20_000, sweepMs: 1_000 },
        log,
        changed: async () => undefined,
      }),
    ).toThrow(/heartbeat/);
  });
});
