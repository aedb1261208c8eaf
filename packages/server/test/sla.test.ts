import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, QueueStatus, SessionStartResult, SlaAlert } from '@baton/shared';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import type { Store } from '../src/storage';
import { testPacket } from './support/backends';
import {
  ALEX,
  SAM,
  SITE_KEY,
  call,
  connectAgent,
  connectCustomer,
  eventually,
  freshPostgresSchema,
  record,
  servicesFor,
  sleep,
  startTestServer,
  testClock,
  type CustomerSocket,
} from './harness';

const MINUTE = 60_000;

/**
 * The demo deployment with Billing owned by Alex, who works only in General (so an alert that
 * reaches Alex about Billing reached the owner, not a member), and Trust & Safety falling back
 * to General.
 */
function deploymentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-sla-'));
  cpSync(join(REPO_ROOT, 'demo'), dir, { recursive: true });
  const queues = readFileSync(join(dir, 'queues.yaml'), 'utf8')
    .replace(/owner: Sam Okafor\n(\s+)fallback: general/, 'owner: alex@northwind.example')
    .replace(
      /(displayName: Trust & Safety\n(\s+)owner: Sam Okafor)/,
      '$1\n$2fallback: general\n$2slaAlertAt: 0.8',
    );
  writeFileSync(join(dir, 'queues.yaml'), queues);
  const agents = readFileSync(join(dir, 'agents.yaml'), 'utf8').replace(
    'queues: [general, billing]',
    'queues: [general]',
  );
  writeFileSync(join(dir, 'agents.yaml'), agents);
  return dir;
}

/** A customer whose conversation waits in `queue` with a 10-minute SLA from now. */
async function waitingCustomer(url: string, store: Store, queue: string, now: Date) {
  const socket = connectCustomer(url);
  const s = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
  await store.enqueue(s.conversationId, {
    lane: 'human',
    unit: 'conversation',
    tier: 2,
    queue,
    slaDeadline: new Date(now.getTime() + 10 * MINUTE),
    packet: testPacket(s.conversationId),
    now,
  });
  return { socket, conversationId: s.conversationId };
}

const countBy = (alerts: SlaAlert[]) => {
  const counts = new Map<string, number>();
  for (const a of alerts) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  return counts;
};

describe('SLAs that act (one node, embedded PGlite)', () => {
  let baton: RunningBaton;
  let dir: string;
  const clock = testClock();

  beforeAll(async () => {
    dir = deploymentDir();
    baton = await startTestServer({ demoDir: dir, clock: clock.now, slaSweepMs: 50 });
  });
  afterAll(async () => {
    await baton?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns the queue at its share, then at the deadline alerts the owner, tells the customer and spills to the fallback', async () => {
    const sam = await connectAgent(baton.url, SAM);
    const alex = await connectAgent(baton.url, ALEX);
    const samAlerts = record<SlaAlert>(sam.socket, 'sla:alert');
    const alexAlerts = record<SlaAlert>(alex.socket, 'sla:alert');
    const billing = await waitingCustomer(baton.url, baton.store, 'billing', clock.now());
    const trust = await waitingCustomer(baton.url, baton.store, 'trust-safety', clock.now());
    const messages = record<ChatMessage>(billing.socket, 'message');
    const statuses = record<QueueStatus>(billing.socket, 'queue:status');

    // Half of Billing's SLA: Billing's agent (Sam) is warned; Trust & Safety waits for 80%.
    clock.advance(5 * MINUTE + 1_000);
    const warning = await eventually(
      samAlerts,
      (a) => a.conversationId === billing.conversationId && a.kind === 'warning',
    );
    expect(warning).toMatchObject({ queue: 'billing', fromQueue: 'billing', tier: 2 });
    await sleep(300);
    expect(samAlerts.some((a) => a.conversationId === trust.conversationId)).toBe(false);
    // Alex owns Billing but is not one of its agents: a warning is for the queue only.
    expect(alexAlerts).toEqual([]);

    clock.advance(3 * MINUTE);
    await eventually(
      samAlerts,
      (a) => a.conversationId === trust.conversationId && a.kind === 'warning',
    );

    // The deadline: breached.
    clock.advance(2 * MINUTE);
    const owned = await eventually(
      alexAlerts,
      (a) => a.conversationId === billing.conversationId && a.kind === 'breach',
    );
    expect(owned).toMatchObject({
      queue: 'billing',
      fromQueue: 'billing',
      owner: 'alex@northwind.example',
      ownerAgentId: 'agent-alex',
    });
    await eventually(
      samAlerts,
      (a) => a.conversationId === billing.conversationId && a.kind === 'breach',
    );
    // Trust & Safety's conversation spilled to General, whose agent (Alex) is alerted.
    const spilled = await eventually(
      alexAlerts,
      (a) => a.conversationId === trust.conversationId && a.kind === 'breach',
    );
    expect(spilled).toMatchObject({ queue: 'general', fromQueue: 'trust-safety' });
    expect((await baton.store.getConversation(trust.conversationId))?.queue).toBe('general');

    // The customer is told honestly, with the email option.
    const notice = await eventually(messages, (m) => m.role === 'system');
    expect(notice.text).toContain('taking longer than we promised');
    const status = await eventually(statuses, (s) => s.overdue);
    expect(status).toMatchObject({ state: 'queued', offerEmail: true });
    expect(status.text).toContain('taking longer than our');

    // Recorded, and every alert came once.
    const misses = await baton.store.listSlaBreaches(new Date(0), new Date('3000-01-01T00:00:00Z'));
    expect(misses.map((m) => m.conversationId).sort()).toEqual(
      [billing.conversationId, trust.conversationId].sort(),
    );
    await sleep(300);
    for (const alerts of [samAlerts, alexAlerts]) {
      expect([...countBy(alerts).values()].every((n) => n === 1)).toBe(true);
    }
    for (const s of [billing.socket, trust.socket, sam.socket, alex.socket]) s.close();
  });
});

const { enabled, pgUrl, redisUrl } = servicesFor('SLA timers across nodes and a restart', {
  redis: true,
});

describe.runIf(enabled)('SLA timers on two nodes sharing PostgreSQL and Redis', () => {
  let dir: string;
  let drop: () => Promise<void>;
  let url: string;
  const nodes: RunningBaton[] = [];
  const clock = testClock();
  const start = async () => {
    const node = await startTestServer({
      demoDir: dir,
      databaseUrl: url,
      redisUrl,
      clock: clock.now,
      slaSweepMs: 20,
    });
    nodes.push(node);
    return node;
  };

  beforeAll(async () => {
    dir = deploymentDir();
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    url = schema.url;
  });
  afterAll(async () => {
    for (const node of nodes) await node.stop();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each warning and each breach fires once, whichever node sweeps, and not again after a restart', async () => {
    const a = await start();
    const b = await start();
    const sam = await connectAgent(b.url, SAM);
    const alerts = record<SlaAlert>(sam.socket, 'sla:alert');
    const customers: CustomerSocket[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const node = i % 2 === 0 ? a : b;
      const c = await waitingCustomer(node.url, node.store, 'billing', clock.now());
      customers.push(c.socket);
      ids.push(c.conversationId);
    }
    clock.advance(5 * MINUTE + 1_000);
    await eventually(alerts, () => alerts.filter((x) => x.kind === 'warning').length >= 12);
    // Both nodes kept sweeping meanwhile; let them sweep more.
    await sleep(300);
    expect(
      alerts
        .filter((x) => x.kind === 'warning')
        .map((x) => x.conversationId)
        .sort(),
    ).toEqual([...ids].sort());

    // Node A goes away and a new node starts on the same database: nothing fires twice.
    await a.stop();
    nodes.splice(nodes.indexOf(a), 1);
    const c = await start();
    await sleep(300);
    // Stopping node A closed only its own clients: Sam, on node B, is still connected.
    expect(sam.socket.connected).toBe(true);
    expect(alerts.filter((x) => x.kind === 'warning')).toHaveLength(12);

    clock.advance(5 * MINUTE);
    await eventually(alerts, () => alerts.filter((x) => x.kind === 'breach').length >= 12);
    await sleep(300);
    const counts = countBy(alerts);
    expect(counts.size).toBe(24);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const misses = await c.store.listSlaBreaches(new Date(0), new Date('3000-01-01T00:00:00Z'));
    expect(misses.map((m) => m.conversationId).sort()).toEqual([...ids].sort());
    for (const s of [...customers, sam.socket]) s.close();
  });
});
