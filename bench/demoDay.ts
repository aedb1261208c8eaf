/**
 * A scripted demo day: starts a real Baton (embedded PGlite in a temporary directory), plays a
 * Monday of customer conversations through the documented socket protocol — routine questions,
 * requests for a person, refunds above the limit, angry and repeat customers, agents claiming,
 * reviewing drafts, deciding actions and resolving with outcomes, CSAT ratings, customers coming
 * back, audits with verdicts — and prints the resulting scorecard.
 *
 *   pnpm demo:day
 *
 * The server's clock is injected (startBaton's `clock`), so a day of waits passes in about a
 * minute: the clock runs with real time plus the jumps the script makes ("twelve minutes later").
 * Everything printed is what the server computed from what it stored; nothing is made up here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type {
  ChatMessage,
  ConversationDetail,
  CsatResult,
  Ratio,
  Scorecard,
  ScorecardMetrics,
  SessionStartResult,
} from '../packages/shared/src';
import { DEFAULT_RATE_LIMITS } from '../packages/server/src/app';
import { startBaton } from '../packages/server/src/bootstrap';
import {
  ALEX,
  SAM,
  SITE_KEY,
  call,
  connectAgent,
  connectCustomer,
  newClientId,
  record,
  sleep,
  type CustomerSocket,
} from '../packages/server/test/harness';

const MINUTE = 60_000;
/**
 * The next Monday, 08:00 UTC (every queue is open). In the future on purpose: an agent socket's
 * lifetime is timed by the real clock against a session expiry set by the injected one, so a day
 * played in the past would close the agents' sockets at once.
 */
const DAY_START = (() => {
  const d = new Date();
  d.setUTCHours(8, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.getTime();
})();
let offset = DAY_START - Date.now();
const clock = () => new Date(Date.now() + offset);
/** Moves the day on (waits in queues are measured in this time). */
const later = (minutes: number) => {
  offset += minutes * MINUTE;
};

const started = Date.now();
const dataDir = mkdtempSync(join(tmpdir(), 'baton-demo-day-'));
const adminToken = randomBytes(16).toString('hex');
const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj: object, msg: string) => console.error('[baton]', msg, obj),
};
console.log(`Starting Baton on embedded PGlite in ${dataDir} …`);
const baton = await startBaton({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  clock,
  adminToken,
  log: quiet,
  slaSweepMs: 200,
  // One script plays every customer from one address.
  rateLimits: { ...DEFAULT_RATE_LIMITS, newVisitors: { points: 1_000, seconds: 60 } },
});
const url = baton.url;

/** One customer in one browser: a socket, a session, the messages seen. */
async function customer(identity?: string, context?: Record<string, unknown>) {
  const socket: CustomerSocket = connectCustomer(url);
  const seen = record<ChatMessage>(socket, 'message');
  const session = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
  if (identity) await call(socket, 'identify', { id: identity, name: identity });
  if (context) await call(socket, 'context:set', context);
  const conversationId = session.conversationId;

  /** Sends a message and waits for what the turn says back (a reply or a notice). */
  async function say(text: string, expectAnswer = true) {
    const { message } = await call<{ message: ChatMessage }>(socket, 'message:send', {
      clientId: newClientId(),
      text,
    });
    if (!expectAnswer) return null;
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      const answer = seen.find((m) => m.seq > message.seq && m.role !== 'customer');
      if (answer) return answer;
      await sleep(20);
    }
    return null;
  }
  return {
    conversationId,
    say,
    button: () => call(socket, 'human:request', { clientId: newClientId() }),
    rate: (rating: number, comment?: string) =>
      call<CsatResult>(socket, 'csat:submit', { rating, ...(comment && { comment }) }),
    close: () => socket.close(),
  };
}
type Customer = Awaited<ReturnType<typeof customer>>;

const alex = await connectAgent(url, ALEX);
const sam = await connectAgent(url, SAM);
type AgentConn = typeof alex;

interface Handling {
  /** How each pending draft is reviewed, in turn. */
  drafts?: ('approve' | 'edit' | 'reject')[];
  actions?: 'approve' | 'deny';
  escalation: 'needed' | 'unnecessary' | 'late';
  rootCause?: 'model_gap' | 'policy_ambiguity' | 'decision_rights' | 'training_issue' | 'none';
  usefulness: number;
  reply?: string;
}

/** An agent takes the conversation after `waitMinutes`, works what is pending, and resolves. */
async function handle(agent: AgentConn, c: Customer, waitMinutes: number, plan: Handling) {
  later(waitMinutes);
  const detail = await call<ConversationDetail>(agent.socket, 'conversation:claim', {
    conversationId: c.conversationId,
  });
  let reviews = 0;
  for (const draft of detail.drafts.filter((d) => d.status === 'pending')) {
    const decision = plan.drafts?.[reviews++] ?? 'approve';
    await call(agent.socket, 'draft:review', {
      conversationId: c.conversationId,
      draftId: draft.id,
      decision,
      ...(decision === 'edit' && { text: `${draft.text} (checked by ${agent.agent.name})` }),
    });
  }
  for (const action of detail.actions.filter((a) => a.status === 'pending')) {
    await call(agent.socket, 'action:decide', {
      conversationId: c.conversationId,
      actionId: action.id,
      decision: plan.actions ?? 'approve',
      ...(plan.actions === 'deny' && { note: 'This one is outside what we can refund.' }),
    });
  }
  await call(agent.socket, 'message:send', {
    conversationId: c.conversationId,
    clientId: newClientId(),
    text: plan.reply ?? `Hi, ${agent.agent.name} here. I have sorted this out for you.`,
  });
  later(4);
  await call(agent.socket, 'conversation:resolve', {
    conversationId: c.conversationId,
    outcome: {
      escalation: plan.escalation,
      rootCause: plan.rootCause ?? 'none',
      packetUsefulness: plan.usefulness,
    },
  });
}

/** What customer turns got back: the assistant's answer, a notice (queued, held), or nothing. */
const turns = { answered: 0, notice: 0, nothing: 0 };
const note = (c: Customer, answer: ChatMessage | null) => {
  turns[answer === null ? 'nothing' : answer.role === 'assistant' ? 'answered' : 'notice']++;
  return c;
};

const step = (what: string) => console.log(`  ${clock().toISOString().slice(11, 16)}  ${what}`);

// 08:00 – routine questions the assistant answers on its own.
const routine = [
  ['where is my order?', 'c-1001'],
  ['what are your store hours?', undefined],
  ['how long does shipping take?', undefined],
  ['do you ship to Canada?', 'c-1002'],
  ['how do I use a promo code at checkout?', undefined],
  ['has my refund been processed yet?', 'c-1003'],
  ['when will my package arrive?', 'c-1004'],
  ['are you open on sundays?', undefined],
  ['how much is shipping to the UK?', undefined],
  ['can I track my parcel?', 'c-1005'],
  ['what time do you close today?', undefined],
  ['where do I enter my discount code?', undefined],
] as const;
step('routine questions');
const ratings = [5, 4, 5, 3, 4, 5, 4, 2, 5, 4, 5, 4];
let i = 0;
for (const [text, identity] of routine) {
  const c = await customer(identity);
  note(c, await c.say(text));
  if (i % 2 === 0) await c.rate(ratings[i]!);
  c.close();
  later(7);
  i++;
}

// 09:30 – people who ask for a person outright; the team takes them one after another. After
// five claims the queue banner starts showing measured estimates (and the scorecard records the
// first one each customer saw).
step('requests for a person');
const asks = [
  'can I talk to a real person please',
  'I want to speak to someone from your team',
  'agent',
  'is there a human I can talk to about my delivery?',
  'please connect me with customer service',
  'I need a person, not a bot',
  'let me speak to a manager',
];
const waits = [3, 6, 2, 9, 4, 12, 5];
const outcomes: Handling['escalation'][] = [
  'needed',
  'needed',
  'unnecessary',
  'needed',
  'needed',
  'needed',
  'unnecessary',
];
for (let k = 0; k < asks.length; k++) {
  const c = await customer();
  note(c, await c.say(asks[k]!));
  await handle(k % 2 ? sam : alex, c, waits[k]!, {
    escalation: outcomes[k]!,
    usefulness: [4, 5, 3, 4, 5, 4, 2][k]!,
  });
  if (k % 3 !== 2) await c.rate([5, 4, 3, 5, 4, 5, 3][k]!, 'thanks');
  c.close();
  later(5);
}

// 11:00 – the button: one waits past the one-hour first-response target before anyone comes.
step('a long wait');
{
  const c = await customer();
  await c.button();
  later(70);
  await sleep(800); // the SLA sweep (every 200 ms) marks the breach
  await handle(alex, c, 3, { escalation: 'needed', usefulness: 4 });
  await c.rate(2, 'I waited over an hour');
  c.close();
}

// 12:30 – refunds above the assistant's $100 limit.
step('refunds above the limit');
for (const [amount, decision] of [
  [250, 'approve'],
  [480, 'deny'],
  [180, 'approve'],
] as const) {
  const c = await customer(undefined, {
    orders: [{ id: `NW-${amount}`, total: amount, currency: 'USD', status: 'delivered' }],
  });
  note(c, await c.say(`I want a refund of $${amount} for order NW-${amount}, it arrived broken`));
  await handle(sam, c, 8, {
    actions: decision,
    escalation: 'needed',
    rootCause: decision === 'deny' ? 'decision_rights' : 'none',
    usefulness: decision === 'deny' ? 3 : 5,
  });
  await c.rate(decision === 'deny' ? 1 : 4);
  c.close();
  later(10);
}

// 13:30 – angry customers: drafts held for review, approved, edited or rejected.
step('angry customers');
const angry: [string, string, Handling][] = [
  [
    'my order is late AGAIN, this is ridiculous',
    'this is the worst service, I am furious, where is my package',
    { drafts: ['approve', 'edit'], escalation: 'needed', usefulness: 4 },
  ],
  [
    'terrible, the box arrived damaged and nobody answers',
    'awful experience, I am so angry, this is useless',
    { drafts: ['reject', 'reject'], escalation: 'needed', rootCause: 'model_gap', usefulness: 3 },
  ],
  [
    'you charged me twice, this is a scam',
    'horrible, I hate this, fix it now',
    { drafts: ['edit'], escalation: 'late', rootCause: 'policy_ambiguity', usefulness: 4 },
  ],
];
for (const [first, second, plan] of angry) {
  const c = await customer();
  note(c, await c.say(first));
  note(c, await c.say(second));
  await handle(alex, c, 6, plan);
  c.close();
  later(8);
}

// 14:30 – a third contact about the same order this week (the storefront passes the two earlier):
// the answer is drafted for a person to check.
step('a repeat contact');
{
  const c = await customer('c-2001', {
    recentContacts: [
      { daysAgo: 1, text: 'where is my order' },
      { daysAgo: 3, text: 'my order has not arrived yet' },
    ],
  });
  note(c, await c.say('where is my order?'));
  await handle(sam, c, 7, { drafts: ['approve'], escalation: 'needed', usefulness: 5 });
  c.close();
}

// 15:00 – started with the assistant, then needed a person.
step('a late escalation');
{
  const c = await customer();
  note(c, await c.say('how long does shipping take?'));
  note(c, await c.say('it still has not come after two weeks, I want to talk to a person'));
  await handle(alex, c, 4, { escalation: 'late', rootCause: 'model_gap', usefulness: 4 });
  await c.rate(3);
  c.close();
}

// 15:30 – earlier customers come back from another device about the same thing (recontacts),
// and one about something else.
step('customers coming back');
for (const [identity, text] of [
  ['c-1001', 'where is my order? it still is not here'],
  ['c-1004', 'my package still has not arrived'],
  ['c-1002', 'what are your store hours?'],
] as const) {
  const c = await customer(identity);
  note(c, await c.say(text));
  c.close();
  later(6);
}

// 16:00 – the audit: half of the assistant-only conversations, by a stable hash of their id;
// each agent audits those of their queues (the rule played here: a conversation about money
// or a late parcel should have been offered a person).
step('audits');
const H = { Authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
const day = { from: new Date(DAY_START).toISOString(), to: clock().toISOString() };
const drawn = (await (
  await fetch(`${url}/api/admin/audits/draw`, {
    method: 'POST',
    headers: H,
    body: JSON.stringify({ ...day, share: 0.5 }),
  })
).json()) as { drawn: string[] };
let audited = 0;
for (const agent of [alex, sam]) {
  const auth = { Authorization: `Bearer ${agent.token}` };
  const { audits } = (await (await fetch(`${url}/api/agent/audits`, { headers: auth })).json()) as {
    audits: { conversationId: string }[];
  };
  for (const a of audits) {
    const read = (await (
      await fetch(`${url}/api/agent/audits/${a.conversationId}`, { headers: auth })
    ).json()) as { messages: ChatMessage[] };
    const words = read.messages
      .filter((m) => m.role === 'customer')
      .map((m) => m.text)
      .join(' ');
    const verdict = /refund|still|charged/i.test(words) ? 'missed' : 'ok';
    await fetch(`${url}/api/agent/audits/${a.conversationId}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ verdict, note: `audited by ${agent.agent.name}` }),
    });
    audited++;
  }
}

// The scorecard of the day.
const query = `from=${day.from}&to=${new Date(clock().getTime() + MINUTE).toISOString()}`;
const get = async (q: string) =>
  (await (await fetch(`${url}/api/admin/scorecard?${q}`, { headers: H })).json()) as Scorecard;
const byQueue = await get(`${query}&by=queue`);
const byIntent = await get(`${query}&by=intent`);
const jsonPath = join(tmpdir(), `baton-demo-day-scorecard-${process.pid}.json`);
writeFileSync(jsonPath, JSON.stringify({ byQueue, byIntent }, null, 2));

const pct = (r: Ratio) =>
  r.rate === null
    ? `–  (${r.numerator}/${r.denominator})`
    : `${(r.rate * 100).toFixed(1)}% (${r.numerator}/${r.denominator})`;
const mean = (m: number | null) => (m === null ? '–' : m.toFixed(2));
const rows: [string, (m: ScorecardMetrics) => string][] = [
  ['conversations', (m) => String(m.conversations)],
  ['autonomous resolution', (m) => pct(m.autonomousResolution)],
  ['drafts approved as is', (m) => pct(m.draftAcceptance.approved)],
  ['drafts edited', (m) => pct(m.draftAcceptance.edited)],
  ['drafts rejected', (m) => pct(m.draftAcceptance.rejected)],
  ['human override', (m) => pct(m.humanOverride)],
  ['late escalation', (m) => pct(m.lateEscalation)],
  ['recontact ≤ 7 days', (m) => pct(m.recontact7d)],
  ['high-risk miss (audits)', (m) => pct(m.missReview)],
  ['packet usefulness', (m) => `${mean(m.packetUsefulness.mean)} (n=${m.packetUsefulness.count})`],
  ['specialist bounce', (m) => pct(m.specialistBounce) + (m.specialistBounce.note ? ' *' : '')],
  [
    'wait estimate |error| median',
    (m) =>
      m.waitEstimate.medianAbsErrorMinutes === null
        ? '–'
        : `${m.waitEstimate.medianAbsErrorMinutes.toFixed(1)} min (n=${m.waitEstimate.withEstimate}/${m.waitEstimate.claims})`,
  ],
  ['claimed within estimate', (m) => pct(m.waitEstimate.withinEstimate)],
  ['SLA attainment', (m) => pct(m.slaAttainment)],
  ['CSAT mean', (m) => `${mean(m.csat.mean)} (n=${m.csat.count})`],
  ['CSAT 4–5', (m) => pct(m.csat.satisfied)],
];
function table(card: Scorecard, label: string) {
  const columns = [
    { head: 'overall', m: card.overall },
    ...card.groups.map((g) => ({ head: `${label}=${g.key}`, m: g.metrics })),
  ];
  const cells = rows.map(([name, f]) => [name, ...columns.map((c) => f(c.m))]);
  const head = ['metric', ...columns.map((c) => c.head)];
  const widths = head.map((h, k) => Math.max(h.length, ...cells.map((r) => r[k]!.length)));
  const line = (r: string[]) => r.map((v, k) => v.padEnd(widths[k]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

console.log(
  `\nThe day: ${turns.answered} customer turns answered by the assistant, ${turns.notice} met ` +
    `with a notice (queued for a person, or an answer held for review), ${turns.nothing} with ` +
    `nothing yet; ${drawn.drawn.length} conversations drawn for audit, ${audited} audited.\n`,
);
console.log(`Scorecard ${byQueue.from} → ${byQueue.to}, by queue:\n`);
table(byQueue, 'queue');
console.log('\nAutonomous resolution by ticket type (intent):\n');
for (const g of byIntent.groups) {
  console.log(`  ${g.key.padEnd(24)} ${pct(g.metrics.autonomousResolution)}`);
}
if (byQueue.overall.specialistBounce.note) {
  console.log(`\n* ${byQueue.overall.specialistBounce.note}: transfers are not built yet.`);
}
console.log(`\nFull JSON: ${jsonPath}`);
console.log(`Finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

alex.socket.close();
sam.socket.close();
await baton.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
