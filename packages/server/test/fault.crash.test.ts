import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresSchema, servicesFor } from './harness';
import { crashCycle } from './support/crashCycle';

const { enabled, pgUrl } = servicesFor('kill -9 during a burst');

describe.runIf(enabled)('kill -9 during a burst', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  beforeAll(async () => {
    schema = await freshPostgresSchema(pgUrl);
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('every acked message is answered or escalated after restart, exactly once', async () => {
    const customers = 30;
    const perCustomer = 4;
    const killAfterAcks = 40;
    const figures = await crashCycle({
      databaseUrl: schema.url,
      customers,
      perCustomer,
      killAfterAcks,
      // The crashed node's leases last 3 s, so another node takes its turns over soon.
      leaseMs: 3_000,
      ledgerTimeoutMs: 40_000,
    });
    console.log(JSON.stringify({ test: 'kill-9-burst', ...figures }));
    const sent = customers * perCustomer;
    expect(figures.sent).toBe(sent);
    expect(figures.ackedBeforeKill).toBeGreaterThanOrEqual(killAfterAcks);
    // The crash really left work undone.
    expect(figures.pendingTurnsAtKill).toBeGreaterThan(0);
    // Every sent message is stored once (the retries deduplicated), then handled exactly once.
    expect(figures.customerMessages).toBe(sent);
    expect(figures.unfinished).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.duplicatedDecisions).toBe(0);
    expect(figures.duplicatedReplies).toBe(0);
    expect(figures.duplicatedDrafts).toBe(0);
    expect(figures.escalatedButNotQueued).toBe(0);
    expect(figures.answered + figures.escalated).toBe(sent);
  });
});
