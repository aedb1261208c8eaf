/**
 * The six scenarios. Each measures Baton and the bare baseline in interleaved pairs (a fresh
 * server per measurement) with the same load client, and returns table rows plus raw figures.
 */
import { performance } from 'node:perf_hooks';
import type { ChatMessage, QueueSnapshot } from '../../packages/shared/src';
import {
  call,
  closeAll,
  HarnessError,
  newClientId,
  openAgent,
  openCustomer,
  pool,
  type Agent,
  type Customer,
} from './client';
import { BENCH_AGENTS } from './setup';
import {
  fmt,
  fmtSpread,
  latencyOf,
  median,
  spread,
  type Latency,
  type Row,
  type Spread,
} from './stats';

export type Kind = 'bare' | 'baton';

export interface Usage {
  at: number;
  /** The server process's user + system CPU time, µs. */
  serverMicros: number;
  /** PostgreSQL backends serving the server's pool, µs (null: PGlite or bare). */
  dbMicros: number | null;
  /** Transactions committed or rolled back in the server's database (null: PGlite or bare). */
  dbXacts: number | null;
  rssBytes: number;
  /** This (load client) process's CPU time, µs. */
  clientMicros: number;
}

export interface Target {
  kind: Kind;
  url: string;
  /** Spawn → /healthz 200, ms. */
  startMs: number;
  usage(): Promise<Usage>;
  stop(): Promise<void>;
}

export interface Sizes {
  throughput: { customers: number; agents: number; window: number; warmMs: number; ms: number };
  latency: { connected: number[]; rates: number[]; ms: number; warmMs: number };
  turns: { customers: number; warmMs: number; ms: number };
  queue: { depths: number[]; samples: number };
  soak: { customers: number; rate: number; minutes: number; intervalMs: number; warmMs: number };
  idle: { idleMs: number };
}

export interface Ctx {
  db: 'pg' | 'pglite';
  quick: boolean;
  pairs: number;
  sizes: Sizes;
  start(kind: Kind, opts?: { stockDemo?: boolean }): Promise<Target>;
  progress(msg: string): void;
}

export interface ScenarioResult {
  rows: Row[];
  figures: Record<string, unknown>;
}

const now = () => performance.now();
/** Acks a loaded server may be slow to send; missing for a minute, the run fails. */
const SLOW_ACK_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Per-message costs between two usage readings. */
function costs(a: Usage, b: Usage, messages: number) {
  const seconds = (b.at - a.at) / 1000;
  return {
    serverCpuMsPerMsg: (b.serverMicros - a.serverMicros) / 1000 / Math.max(1, messages),
    dbCpuMsPerMsg:
      a.dbMicros === null || b.dbMicros === null
        ? null
        : (b.dbMicros - a.dbMicros) / 1000 / Math.max(1, messages),
    dbXactsPerMsg:
      a.dbXacts === null || b.dbXacts === null
        ? null
        : (b.dbXacts - a.dbXacts) / Math.max(1, messages),
    /** Share of one core, %. */
    serverCpuPct: ((b.serverMicros - a.serverMicros) / 1e6 / seconds) * 100,
    clientCpuPct: ((b.clientMicros - a.clientMicros) / 1e6 / seconds) * 100,
    rssMb: b.rssBytes / 1024 / 1024,
  };
}
type Costs = ReturnType<typeof costs>;

/**
 * Waits until the server (and its PostgreSQL backends) are idle again: Baton runs turns after
 * it acks, so a load can leave work behind. Returns how long that took (bounded by `maxMs`).
 */
async function settle(t: Target, maxMs = 60_000): Promise<number> {
  const t0 = now();
  let prev = await t.usage();
  while (now() - t0 < maxMs) {
    await sleep(250);
    const u = await t.usage();
    const ms = u.at - prev.at;
    const busy = (u.serverMicros - prev.serverMicros) / 10 / ms;
    const dbBusy =
      u.dbMicros === null || prev.dbMicros === null ? 0 : (u.dbMicros - prev.dbMicros) / 10 / ms;
    prev = u;
    if (busy < 15 && dbBusy < 15) return now() - t0;
  }
  return now() - t0;
}

/** "server 2.6 ms CPU/msg, PG 2.1 ms, 9 PG xacts/msg": medians over the pairs. */
function costText(c: Costs[], unit = 'msg'): string {
  const m = (f: (x: Costs) => number | null) => {
    const v = c.map(f).filter((x): x is number => x !== null);
    return v.length ? median(v) : null;
  };
  const db = m((x) => x.dbCpuMsPerMsg);
  const xacts = m((x) => x.dbXactsPerMsg);
  return (
    `server ${fmt(m((x) => x.serverCpuMsPerMsg)!)} ms CPU/${unit}` +
    (db === null ? '' : `, PG ${fmt(db)} ms`) +
    (xacts === null ? '' : `, ≈${fmt(xacts, 1)} PG xacts/${unit}`)
  );
}

/** Runs `measure` on bare, then Baton, `pairs` times, each on a fresh server. */
async function pairs<T>(
  ctx: Ctx,
  name: string,
  measure: (t: Target, pair: number) => Promise<T>,
  opts: { stockDemo?: boolean; kinds?: Kind[]; times?: number } = {},
): Promise<Record<Kind, T[]>> {
  const out: Record<Kind, T[]> = { bare: [], baton: [] };
  const times = opts.times ?? ctx.pairs;
  for (let p = 0; p < times; p++) {
    for (const kind of opts.kinds ?? (['bare', 'baton'] as const)) {
      ctx.progress(`${name}: ${times > 1 ? `pair ${p + 1}/${times}, ` : ''}${kind}`);
      const target = await ctx.start(kind, opts);
      try {
        out[kind].push(await measure(target, p));
      } finally {
        await target.stop();
      }
    }
  }
  return out;
}

const ratios = (baton: number[], bare: number[]) => baton.map((v, i) => v / bare[i]!);

/** The row's "met?" cell: quick runs print figures but judge nothing. */
const verdict = (ctx: Ctx, ok: boolean) => (ctx.quick ? '– (quick)' : ok ? 'yes' : 'NO');

async function openAgents(url: string, n: number): Promise<Agent[]> {
  return Promise.all(BENCH_AGENTS.slice(0, n).map((creds) => openAgent(url, creds)));
}

/**
 * `n` customers with a session, each then handed to a person and claimed by an agent (round
 * robin). Request and claim go a few at a time, so the queue stays short while it fills.
 */
async function openClaimed(url: string, agents: Agent[], n: number, offset = 0) {
  const t0 = now();
  const customers = await pool(range(n), 50, () => openCustomer(url));
  const t1 = now();
  const requestAcks: number[] = [];
  const claimAcks: number[] = [];
  await pool(customers, 8, async (c, i) => {
    const a = now();
    await call(c.socket, 'human:request', { clientId: newClientId() }, SLOW_ACK_MS);
    const b = now();
    await call(
      agents[(i + offset) % agents.length]!.socket,
      'conversation:claim',
      { conversationId: c.conversationId },
      SLOW_ACK_MS,
    );
    requestAcks.push(b - a);
    claimAcks.push(now() - b);
  });
  const t2 = now();
  return {
    customers,
    connectMs: t1 - t0,
    claimMs: t2 - t1,
    /** Ack times while 8 go at once: `human:request` and `conversation:claim`. */
    requestAck: latencyOf(requestAcks),
    claimAck: latencyOf(claimAcks),
  };
}

/**
 * Tracks messages from send to the agent: `sent` maps clientId → send time, the agents'
 * `message` events close them. `drain` fails the run when any never arrives.
 */
function agentTracker(agents: Agent[]) {
  const sent = new Map<string, { at: number; keep: boolean }>();
  const latencies: number[] = [];
  let received = 0;
  let countFrom = Infinity;
  let countTo = Infinity;
  let counted = 0;
  for (const a of agents) {
    a.onMessage = (_id, m: ChatMessage) => {
      if (m.role !== 'customer' || !m.clientId) return;
      const s = sent.get(m.clientId);
      if (!s) return;
      sent.delete(m.clientId);
      const t = now();
      received++;
      if (t >= countFrom && t < countTo) counted++;
      if (s.keep) latencies.push(t - s.at);
    };
  }
  return {
    sent,
    latencies,
    received: () => received,
    /** Counts arrivals from now until `stopCounting`. */
    startCounting() {
      countFrom = now();
      counted = 0;
    },
    stopCounting() {
      countTo = now();
      return { count: counted, ms: countTo - countFrom };
    },
    /**
     * Waits for every sent message to reach an agent. A slow server may take long; one that
     * delivers nothing for `stallMs` (or takes over `capMs`) lost messages: the run fails.
     */
    async drain(stallMs = 30_000, capMs = 300_000) {
      const start = now();
      let size = sent.size;
      let progressAt = now();
      while (sent.size > 0) {
        if (sent.size < size) {
          size = sent.size;
          progressAt = now();
        }
        if (now() - progressAt > stallMs || now() - start > capMs) {
          throw new HarnessError(
            `${sent.size} message(s) never reached the agent (nothing arrived for ` +
              `${((now() - progressAt) / 1000).toFixed(0)} s)`,
          );
        }
        await sleep(20);
      }
    },
  };
}

function sendMessage(c: Customer, clientId: string, text: string) {
  return call<{ message: ChatMessage }>(c.socket, 'message:send', { clientId, text }, SLOW_ACK_MS);
}

// ---------------------------------------------------------------------------------------------
// 1. Throughput to a claimed agent at saturation.

interface ThroughputFigure {
  perSecond: number;
  setupMs: { connect: number; claim: number };
  costs: Costs;
  ackP99Ms: number;
  /** How long the server stayed busy after the load stopped (turns left to run), ms. */
  busyAfterMs: number;
}

export async function throughput(ctx: Ctx): Promise<ScenarioResult> {
  const z = ctx.sizes.throughput;
  const res = await pairs(ctx, '1 throughput', async (t): Promise<ThroughputFigure> => {
    const agents = await openAgents(t.url, z.agents);
    const { customers, connectMs, claimMs } = await openClaimed(t.url, agents, z.customers);
    await settle(t);
    const track = agentTracker(agents);
    const acks: number[] = [];
    let running = true;
    let failure: unknown = null;
    const loops = Promise.all(
      customers.flatMap((c) =>
        range(z.window).map(async () => {
          while (running) {
            const id = newClientId();
            const at = now();
            track.sent.set(id, { at, keep: false });
            await sendMessage(c, id, 'bench message to the agent');
            acks.push(now() - at);
          }
        }),
      ),
    ).catch((err: unknown) => {
      failure = err;
      running = false;
    });
    await sleep(z.warmMs);
    const u0 = await t.usage();
    track.startCounting();
    acks.length = 0;
    await sleep(z.ms);
    const { count, ms } = track.stopCounting();
    const u1 = await t.usage();
    running = false;
    await loops;
    if (failure) throw failure;
    await track.drain();
    const busyAfterMs = await settle(t);
    closeAll([...customers, ...agents]);
    return {
      perSecond: (count / ms) * 1000,
      setupMs: { connect: connectMs, claim: claimMs },
      costs: costs(u0, u1, count),
      ackP99Ms: latencyOf(acks).p99,
      busyAfterMs,
    };
  });
  const baton = res.baton.map((f) => f.perSecond);
  const bare = res.bare.map((f) => f.perSecond);
  const r = spread(ratios(baton, bare));
  const busy = median(res.baton.map((f) => f.busyAfterMs));
  return {
    rows: [
      {
        scenario: `1 customer→claimed agent msg/s (${z.customers} customers, window ${z.window})`,
        baton:
          `${fmt(median(baton))}/s (${costText(res.baton.map((f) => f.costs))}` +
          (busy > 1_000 ? `; busy ${fmt(busy / 1000)} s after the load` : '') +
          ')',
        bare: `${fmt(median(bare))}/s (load client ${fmt(median(res.bare.map((f) => f.costs.clientCpuPct)), 0)}% CPU)`,
        ratio: fmtSpread(r),
        goal: 'Baton ≥ 60% of bare',
        met: verdict(ctx, r.median >= 0.6),
      },
    ],
    figures: { ...res, ratio: r },
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Latency to a claimed agent at fixed rates, with many customers connected.

interface RateFigure {
  connected: number;
  rate: number;
  achievedRate: number;
  /** More than 5 s of messages were unacknowledged: sending stopped early. */
  saturated: boolean;
  /** How long the server stayed busy after the last message arrived, ms. */
  busyAfterMs: number;
  latency: Latency;
  ack: Latency;
  costs: Costs;
}

/** Sends `rate` messages a second round robin over `customers` for `ms`, on a timer. */
async function openLoop(
  customers: Customer[],
  rate: number,
  ms: number,
  warmMs: number,
  track: ReturnType<typeof agentTracker>,
  acks: number[],
): Promise<{ sent: number; ms: number; saturated: boolean }> {
  const total = Math.round((rate * ms) / 1000);
  // Open loop, but bounded: more than 5 s of messages unacknowledged means the server cannot
  // keep up; sending stops early and the figure is flagged.
  const maxInFlight = Math.max(50, rate * 5);
  const start = now();
  let sent = 0;
  let next = 0;
  let saturated = false;
  let failure: unknown = null;
  const inFlight = new Set<Promise<void>>();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = now() - start;
      const due = Math.min(total, Math.floor((rate * elapsed) / 1000));
      if (inFlight.size > maxInFlight) saturated = true;
      while (sent < due && !failure && !saturated) {
        const c = customers[next++ % customers.length]!;
        const id = newClientId();
        const at = now();
        const keep = at - start >= warmMs;
        track.sent.set(id, { at, keep });
        const p = sendMessage(c, id, 'bench message at a fixed rate').then(
          () => {
            if (keep) acks.push(now() - at);
          },
          (err: unknown) => {
            failure ??= err;
          },
        );
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        sent++;
      }
      if (sent >= total || failure || saturated) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const elapsed = now() - start;
  await Promise.all(inFlight);
  if (failure) throw failure;
  return { sent, ms: elapsed, saturated };
}

export async function latency(ctx: Ctx): Promise<ScenarioResult> {
  const z = ctx.sizes.latency;
  const res = await pairs(ctx, '2 latency', async (t) => {
    const agents = await openAgents(t.url, BENCH_AGENTS.length);
    const track = agentTracker(agents);
    const customers: Customer[] = [];
    const figures: RateFigure[] = [];
    const setup: {
      connected: number;
      connectMs: number;
      claimMs: number;
      requestAck: Latency;
      claimAck: Latency;
    }[] = [];
    for (const connected of z.connected) {
      ctx.progress(`  ${t.kind}: connecting and claiming up to ${connected} customers`);
      const more = await openClaimed(t.url, agents, connected - customers.length, customers.length);
      customers.push(...more.customers);
      const { connectMs, claimMs, requestAck, claimAck } = more;
      setup.push({ connected, connectMs, claimMs, requestAck, claimAck });
      ctx.progress(
        `  ${t.kind}: ${connected} connected in ${fmt(connectMs / 1000)} s, handed over and ` +
          `claimed in ${fmt(claimMs / 1000)} s (8 at a time; acks p50 human:request ` +
          `${fmt(requestAck.p50)} ms, conversation:claim ${fmt(claimAck.p50)} ms)`,
      );
      await settle(t);
      for (const rate of z.rates) {
        const acks: number[] = [];
        track.latencies.length = 0;
        const u0 = await t.usage();
        const sent = await openLoop(customers, rate, z.ms, z.warmMs, track, acks);
        await track.drain();
        const u1 = await t.usage();
        const busyAfterMs = await settle(t);
        figures.push({
          connected,
          rate,
          achievedRate: (sent.sent / sent.ms) * 1000,
          saturated: sent.saturated,
          busyAfterMs,
          latency: latencyOf(track.latencies),
          ack: latencyOf(acks),
          costs: costs(u0, u1, sent.sent),
        });
      }
    }
    closeAll([...customers, ...agents]);
    return { figures, setup };
  });
  const rows: Row[] = [];
  const cells: Record<string, unknown>[] = [];
  const goalConnected = Math.max(...z.connected);
  const goalRate = Math.max(...z.rates);
  for (const connected of z.connected) {
    for (const rate of z.rates) {
      const pick = (k: Kind) =>
        res[k].map((p) => p.figures.find((f) => f.connected === connected && f.rate === rate)!);
      const baton = pick('baton');
      const bare = pick('bare');
      const p = (figs: RateFigure[], q: 'p50' | 'p95' | 'p99') =>
        median(figs.map((f) => f.latency[q]));
      const r = spread(
        ratios(
          baton.map((f) => f.latency.p99),
          bare.map((f) => f.latency.p99),
        ),
      );
      const goal = connected === goalConnected && rate === goalRate;
      const cell = (figs: RateFigure[]) => {
        const sat = figs.filter((f) => f.saturated).length;
        return (
          `${fmt(p(figs, 'p50'))} / ${fmt(p(figs, 'p95'))} / ${fmt(p(figs, 'p99'))} ms` +
          (sat
            ? ` SATURATED in ${sat}/${figs.length} (sent ${fmt(median(figs.map((f) => f.achievedRate)), 0)}/s)`
            : '')
        );
      };
      rows.push({
        scenario: `2 latency p50/p95/p99, ${fmt(rate, 0)} msg/s, ${fmt(connected, 0)} connected`,
        baton: cell(baton) + ` (${fmt(median(baton.map((f) => f.costs.serverCpuPct)), 0)}% CPU)`,
        bare: cell(bare),
        ratio: fmtSpread(r) + ' (p99)',
        goal: goal ? 'p99 ≤ 25 ms' : '–',
        met: goal ? verdict(ctx, p(baton, 'p99') <= 25) : '–',
      });
      cells.push({ connected, rate, baton, bare, p99Ratio: r });
    }
  }
  return {
    rows,
    figures: {
      cells,
      setup: { bare: res.bare.map((p) => p.setup), baton: res.baton.map((p) => p.setup) },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Assistant turns at saturation (customers stay with the assistant).

const TURN_TEXTS = [
  'what are your store hours',
  'how long does shipping take',
  'is the tent waterproof?',
  'hi there',
];

interface TurnFigure {
  perSecond: number;
  latency: Latency;
  /** Customers whose conversation left the assistant (held draft, escalation): not sent to again. */
  leftAssistant: number;
  costs: Costs;
}

export async function turns(ctx: Ctx): Promise<ScenarioResult> {
  const z = ctx.sizes.turns;
  const res = await pairs(ctx, '3 assistant turns', async (t): Promise<TurnFigure> => {
    const customers = await pool(range(z.customers), 50, () => openCustomer(t.url));
    await settle(t);
    let running = true;
    let counting = false;
    let counted = 0;
    let leftAssistant = 0;
    const lat: number[] = [];
    let failure: unknown = null;
    const loops = Promise.all(
      customers.map(async (c, i) => {
        let k = i;
        while (running) {
          // Distinct intents in turn, so conversation_loop never takes the customer to a person.
          const text = TURN_TEXTS[k++ % TURN_TEXTS.length]!;
          const reply = new Promise<ChatMessage>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new HarnessError('no assistant reply within 30 s')),
              30_000,
            );
            c.onMessage = (m) => {
              if (m.role === 'customer') return;
              clearTimeout(timer);
              resolve(m);
            };
          });
          // Handled here too, so a failed send cannot leave it rejecting unobserved.
          reply.catch(() => undefined);
          const at = now();
          await sendMessage(c, newClientId(), text);
          const m = await reply;
          if (m.role !== 'assistant') {
            leftAssistant++;
            return;
          }
          if (counting) {
            counted++;
            lat.push(now() - at);
          }
        }
      }),
    ).catch((err: unknown) => {
      failure = err;
      running = false;
    });
    await sleep(z.warmMs);
    const u0 = await t.usage();
    counting = true;
    const t0 = now();
    await sleep(z.ms);
    counting = false;
    const ms = now() - t0;
    const n = counted;
    const u1 = await t.usage();
    running = false;
    await loops;
    if (failure) throw failure;
    if (leftAssistant === customers.length) {
      throw new HarnessError('every customer left the assistant: no turns to measure');
    }
    closeAll(customers);
    return {
      perSecond: (n / ms) * 1000,
      latency: latencyOf(lat),
      leftAssistant,
      costs: costs(u0, u1, n),
    };
  });
  const baton = res.baton.map((f) => f.perSecond);
  const bare = res.bare.map((f) => f.perSecond);
  const r = spread(ratios(baton, bare));
  const p99 = median(res.baton.map((f) => f.latency.p99));
  const left = res.baton.map((f) => f.leftAssistant);
  return {
    rows: [
      {
        scenario: `3 assistant reply turns/s (${z.customers} customers, 1 turn in flight each)`,
        baton:
          `${fmt(median(baton))}/s (p99 ${fmt(p99)} ms; ` +
          costText(
            res.baton.map((f) => f.costs),
            'turn',
          ) +
          (Math.max(...left) > 0 ? `, ${Math.max(...left)} left the assistant` : '') +
          ')',
        bare: `${fmt(median(bare))}/s (echo; load client ${fmt(median(res.bare.map((f) => f.costs.clientCpuPct)), 0)}% CPU)`,
        ratio: fmtSpread(r),
        goal: 'Baton ≥ 2,000/s',
        met: verdict(ctx, median(baton) >= 2_000),
      },
    ],
    figures: { ...res, ratio: r },
  };
}

// ---------------------------------------------------------------------------------------------
// 4. A request for a person → the agent's queue update that includes it.

interface QueueFigure {
  depth: number;
  fillMs: number;
  latency: Latency;
  ack: Latency;
}

export async function queueUpdate(ctx: Ctx): Promise<ScenarioResult> {
  const z = ctx.sizes.queue;
  const res = await pairs(ctx, '4 queue update', async (t) => {
    const [agent] = await openAgents(t.url, 1);
    let seen: (snapshots: QueueSnapshot[]) => void = () => undefined;
    agent!.onQueues = (q) => seen(q);
    const waiting: Customer[] = [];
    const figures: QueueFigure[] = [];
    for (const depth of z.depths) {
      ctx.progress(`  ${t.kind}: filling the queue to ${depth}`);
      const f0 = now();
      const more = await pool(range(depth - waiting.length), 50, () => openCustomer(t.url));
      await pool(more, 8, (c) =>
        call(c.socket, 'human:request', { clientId: newClientId() }, SLOW_ACK_MS),
      );
      waiting.push(...more);
      const fillMs = now() - f0;
      await settle(t);
      // The first few samples warm the path up and are not counted.
      const warm = Math.min(5, z.samples);
      const probes = await pool(range(z.samples + warm), 50, () => openCustomer(t.url));
      const lat: number[] = [];
      const acks: number[] = [];
      for (const [i, c] of probes.entries()) {
        const id = c.conversationId;
        // The queue it went to (wherever the policy routes a request for a person).
        let queue = '';
        const includes = (q: QueueSnapshot[], yes: boolean) => {
          const has = (s: QueueSnapshot) => s.waiting.some((w) => w.conversationId === id);
          if (yes) {
            queue = q.find(has)?.name ?? '';
            return queue !== '';
          }
          return q.some((s) => s.name === queue && !has(s));
        };
        const update = (yes: boolean) =>
          new Promise<number>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new HarnessError(`no queue update ${yes ? 'with' : 'without'} ${id}`)),
              30_000,
            );
            seen = (q) => {
              if (!includes(q, yes)) return;
              clearTimeout(timer);
              seen = () => undefined;
              resolve(now());
            };
          });
        const shown = update(true);
        shown.catch(() => undefined);
        const at = now();
        await call(c.socket, 'human:request', { clientId: newClientId() }, SLOW_ACK_MS);
        const ack = now() - at;
        const ms = (await shown) - at;
        if (i >= warm) {
          acks.push(ack);
          lat.push(ms);
        }
        // Back to `depth`: claim it, and wait for the update that no longer shows it. The
        // server may still be sending the waiting customers their new status: the next
        // sample starts after twice this one's latency.
        const gone = update(false);
        gone.catch(() => undefined);
        await call(agent!.socket, 'conversation:claim', { conversationId: id }, SLOW_ACK_MS);
        await gone;
        await sleep(Math.min(2_000, 5 + 2 * ms));
      }
      closeAll(probes);
      figures.push({ depth, fillMs, latency: latencyOf(lat), ack: latencyOf(acks) });
    }
    closeAll([...waiting, agent!]);
    return figures;
  });
  const rows: Row[] = [];
  const goalDepth = Math.max(...z.depths);
  for (const depth of z.depths) {
    const pick = (k: Kind) => res[k].map((p) => p.find((f) => f.depth === depth)!);
    const baton = pick('baton');
    const bare = pick('bare');
    const p = (figs: QueueFigure[], q: 'p50' | 'p99') => median(figs.map((f) => f.latency[q]));
    const r = spread(
      ratios(
        baton.map((f) => f.latency.p99),
        bare.map((f) => f.latency.p99),
      ),
    );
    const goal = depth === goalDepth;
    const fill = median(baton.map((f) => f.fillMs));
    rows.push({
      scenario: `4 queue update p50/p99, depth ${depth} (${z.samples} samples)`,
      baton: `${fmt(p(baton, 'p50'))} / ${fmt(p(baton, 'p99'))} ms (filling took ${fmt(fill / 1000)} s)`,
      bare: `${fmt(p(bare, 'p50'))} / ${fmt(p(bare, 'p99'))} ms`,
      ratio: fmtSpread(r) + ' (p99)',
      goal: goal ? 'p99 ≤ 50 ms' : '–',
      met: goal ? verdict(ctx, p(baton, 'p99') <= 50) : '–',
    });
  }
  return { rows, figures: res };
}

// ---------------------------------------------------------------------------------------------
// 5. Soak: a fixed rate to claimed agents for minutes; CPU per message and RSS per interval.

interface SoakInterval {
  interval: number;
  messages: number;
  serverCpuMsPerMsg: number;
  dbCpuMsPerMsg: number | null;
  rssMb: number;
  p99Ms: number;
}

export async function soak(ctx: Ctx): Promise<ScenarioResult> {
  const z = ctx.sizes.soak;
  const label = z.intervalMs === 60_000 ? 'minute' : `${z.intervalMs / 1000} s interval`;
  const res = await pairs(
    ctx,
    '5 soak',
    async (t) => {
      const agents = await openAgents(t.url, BENCH_AGENTS.length);
      const { customers } = await openClaimed(t.url, agents, z.customers);
      await settle(t);
      const track = agentTracker(agents);
      // JIT and caches warm up first: the first counted interval is the first steady one.
      await openLoop(customers, z.rate, z.warmMs, z.warmMs, track, []);
      await track.drain();
      const intervals: SoakInterval[] = [];
      for (let i = 1; i <= z.minutes; i++) {
        track.latencies.length = 0;
        const u0 = await t.usage();
        const sent = await openLoop(customers, z.rate, z.intervalMs, 0, track, []);
        await track.drain();
        const u1 = await t.usage();
        const c = costs(u0, u1, sent.sent);
        const row: SoakInterval = {
          interval: i,
          messages: sent.sent,
          serverCpuMsPerMsg: c.serverCpuMsPerMsg,
          dbCpuMsPerMsg: c.dbCpuMsPerMsg,
          rssMb: c.rssMb,
          p99Ms: latencyOf(track.latencies).p99,
        };
        intervals.push(row);
        ctx.progress(
          `  soak ${label} ${i}/${z.minutes}: ${row.messages} messages, server ` +
            `${fmt(row.serverCpuMsPerMsg)} ms CPU/msg` +
            (row.dbCpuMsPerMsg === null ? '' : `, PG ${fmt(row.dbCpuMsPerMsg)} ms CPU/msg`) +
            `, RSS ${fmt(row.rssMb, 0)} MB, p99 ${fmt(row.p99Ms)} ms`,
        );
      }
      closeAll([...customers, ...agents]);
      return intervals;
    },
    { kinds: ['baton'], times: 1 },
  );
  const runs = res.baton;
  const drift = runs.map((iv) => iv.at(-1)!.serverCpuMsPerMsg / iv[0]!.serverCpuMsPerMsg - 1);
  const d = median(drift);
  const first = runs[0]![0]!;
  const last = runs[0]!.at(-1)!;
  return {
    rows: [
      {
        scenario:
          `5 soak ${z.rate} msg/s × ` +
          (z.intervalMs === 60_000
            ? `${z.minutes} min`
            : `${z.minutes} intervals of ${z.intervalMs / 1000} s`) +
          ` (${z.customers} claimed, after ${fmt(z.warmMs / 1000, 0)} s warm-up)`,
        baton:
          `CPU/msg ${fmt(first.serverCpuMsPerMsg)} → ${fmt(last.serverCpuMsPerMsg)} ms ` +
          `(${d >= 0 ? '+' : ''}${fmt(d * 100, 1)}%), RSS ${fmt(first.rssMb, 0)} → ${fmt(last.rssMb, 0)} MB`,
        bare: 'not run (Baton-only goal)',
        ratio: '–',
        goal: 'last CPU/msg within 10% of first',
        met: verdict(ctx, Math.abs(d) <= 0.1),
      },
    ],
    figures: { intervals: runs, drift },
  };
}

// ---------------------------------------------------------------------------------------------
// 6. Start-up time and idle RSS (the stock demo deployment).

export async function idle(ctx: Ctx): Promise<ScenarioResult> {
  const z = ctx.sizes.idle;
  const res = await pairs(
    ctx,
    '6 start-up and idle RSS',
    async (t) => {
      const atStart = await t.usage();
      await sleep(z.idleMs);
      const later = await t.usage();
      return {
        startMs: t.startMs,
        rssAtStartMb: atStart.rssBytes / 1024 / 1024,
        idleRssMb: later.rssBytes / 1024 / 1024,
      };
    },
    { stockDemo: true },
  );
  const rssGoal = ctx.db === 'pg' ? 150 : 300;
  const rss = (k: Kind) => res[k].map((f) => f.idleRssMb);
  const start = (k: Kind) => res[k].map((f) => f.startMs);
  const startRow: Row = {
    scenario: `6 start-up of node dist/main.js, spawn → /healthz 200 (${ctx.pairs} starts)`,
    baton: `${fmt(median(start('baton')), 0)} ms (min ${fmt(Math.min(...start('baton')), 0)})`,
    bare: `${fmt(median(start('bare')), 0)} ms`,
    ratio: fmtSpread(spread(ratios(start('baton'), start('bare')))),
    goal: ctx.db === 'pg' ? 'start-up ≤ 2 s (PG)' : '– (goal is for PG)',
    met: ctx.db === 'pg' ? verdict(ctx, median(start('baton')) <= 2_000) : '–',
  };
  const rssRow: Row = {
    scenario: `6 idle RSS ${fmt(z.idleMs / 1000, 1)} s after start`,
    baton: `${fmt(median(rss('baton')), 0)} MB (at start ${fmt(median(res.baton.map((f) => f.rssAtStartMb)), 0)} MB)`,
    bare: `${fmt(median(rss('bare')), 0)} MB`,
    ratio: fmtSpread(spread(ratios(rss('baton'), rss('bare')))),
    goal: `RSS ≤ ${rssGoal} MB (${ctx.db === 'pg' ? 'PG' : 'PGlite'})`,
    met: verdict(ctx, median(rss('baton')) <= rssGoal),
  };
  return { rows: [startRow, rssRow], figures: res };
}

export const SCENARIOS = {
  throughput,
  latency,
  turns,
  queue: queueUpdate,
  soak,
  idle,
} as const;
export type ScenarioName = keyof typeof SCENARIOS;
export type { Spread };
