import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  type ChatMessage,
  type QueueStatus,
  type SessionStartResult,
} from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  eventually,
  freshPostgresSchema,
  newClientId,
  once,
  record,
  SAM,
  SITE_KEY,
  startTestServer,
  waitFor,
  type AgentSocket,
  type CustomerSocket,
  servicesFor,
} from './harness';

const { enabled, pgUrl, redisUrl } = servicesFor('access-control fault test', { redis: true });

const ADMIN_TOKEN = 'fault-access-admin-token';
const LIMITS = { customer: { points: 1_000, seconds: 10 }, agent: { points: 1_000, seconds: 10 } };
/** The knowledge base's fraud_report intent: tier 4, routed to trust-safety (demo/policy.yaml). */
const FRAUD = 'someone used my credit card on your site';
/** Held for review in billing (assisted lane, tier 3): a fraud report then raises it. */
const DOUBLE_CHARGE = 'I was charged twice for my order';
const ORDERS = {
  orders: [{ id: 'NW-1', total: 129, currency: 'USD', status: 'delivered', placedDaysAgo: 5 }],
};
const BURST = 20;

type AgentMessage = { conversationId: string; message: ChatMessage };

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (err: { code?: string }) => err.code ?? 'THREW',
  );

/** Sends `n` messages one after another; every one must be acked (storage is up). */
async function burst(customer: CustomerSocket, n: number, label: string) {
  for (let i = 0; i < n; i++) {
    await call(customer, 'message:send', { clientId: newClientId(), text: `${label} ${i + 1}` });
  }
}

describe.runIf(enabled)('a refused agent receives nothing (two nodes)', () => {
  let a: RunningBaton;
  let b: RunningBaton;
  let drop: () => Promise<void>;
  const opened: { close(): unknown }[] = [];
  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    const options = { databaseUrl: schema.url, redisUrl: redisUrl, rateLimits: LIMITS };
    a = await startTestServer({ ...options, adminToken: ADMIN_TOKEN });
    b = await startTestServer({ ...options, adminToken: ADMIN_TOKEN });
  });
  afterAll(async () => {
    for (const s of opened) s.close();
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  const customerOn = async (node: RunningBaton) => {
    const socket = connectCustomer(node.url);
    opened.push(socket);
    const session = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
    return { socket, conversationId: session.conversationId };
  };
  const agentOn = async (node: RunningBaton, creds: typeof ALEX) => {
    const agent = await connectAgent(node.url, creds);
    opened.push(agent.socket);
    return agent;
  };
  /** Resolves once the customer's queue status names `queue`. */
  const queuedIn = (customer: CustomerSocket, queue: string) =>
    waitFor<QueueStatus>(customer, 'queue:status', (s) => s.queue === queue, 20_000);

  /**
   * "Nothing arrived" is proven by something that did: a marker message in a conversation the
   * agent may read, published by the same node after everything else.
   */
  async function markerReaches(agent: AgentSocket, marker: { socket: CustomerSocket }) {
    const text = `marker ${newClientId()}`;
    const seen = waitFor<AgentMessage>(agent, 'message', (e) => e.message.text === text);
    await call(marker.socket, 'message:send', { clientId: newClientId(), text });
    await seen;
  }

  it('FORBIDDEN on get and claim, then 0 of the conversation’s messages reach the agent', async () => {
    const alex = await agentOn(b, ALEX); // general, billing
    const sam = await agentOn(a, SAM); // general, billing, trust-safety
    const toAlex = record<AgentMessage>(alex.socket, 'message');
    const toSam = record<AgentMessage>(sam.socket, 'message');

    const fraud = await customerOn(a);
    const moved = queuedIn(fraud.socket, 'trust-safety');
    await call(fraud.socket, 'message:send', { clientId: newClientId(), text: FRAUD });
    await moved;

    const ref = { conversationId: fraud.conversationId };
    expect(await codeOf(call(alex.socket, 'conversation:get', ref))).toBe('FORBIDDEN');
    expect(await codeOf(call(alex.socket, 'conversation:claim', ref))).toBe('FORBIDDEN');
    await call(sam.socket, 'conversation:get', ref);

    const marker = await customerOn(a);
    await call(marker.socket, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:get', { conversationId: marker.conversationId });

    // The refused agent keeps trying while the messages flow: each attempt must stay outside.
    let sending = true;
    let refusals = 0;
    const probing = (async () => {
      while (sending) {
        for (const event of ['conversation:get', 'conversation:claim']) {
          expect(await codeOf(call(alex.socket, event, ref))).toBe('FORBIDDEN');
          refusals += 1;
        }
      }
    })();
    await burst(fraud.socket, BURST, 'fraud follow-up');
    sending = false;
    await probing;
    const ofFraud = (e: AgentMessage) =>
      e.conversationId === fraud.conversationId && e.message.text.startsWith('fraud follow-up');
    // The member sees all of them (the feed works); then the marker reaches the refused agent.
    await eventually(toSam, () => toSam.filter(ofFraud).length === BURST);
    await markerReaches(alex.socket, marker);

    const leaked = toAlex.filter((e) => e.conversationId === fraud.conversationId).length;
    console.log(
      JSON.stringify({
        test: 'refused agent',
        sent: BURST,
        refusedAttempts: refusals,
        receivedByMember: toSam.filter(ofFraud).length,
        leakedToRefused: leaked,
      }),
    );
    expect(leaked).toBe(0);
  });

  it('stops the feed when the conversation moves to a queue the agent is not in', async () => {
    const alex = await agentOn(b, ALEX);
    const sam = await agentOn(a, SAM);
    const toAlex = record<AgentMessage>(alex.socket, 'message');
    const toSam = record<AgentMessage>(sam.socket, 'message');

    const customer = await customerOn(a);
    await call(customer.socket, 'context:set', ORDERS);
    const billing = queuedIn(customer.socket, 'billing');
    await call(customer.socket, 'message:send', { clientId: newClientId(), text: DOUBLE_CHARGE });
    await billing;
    const ref = { conversationId: customer.conversationId };
    await call(alex.socket, 'conversation:get', ref); // readable while in billing
    await call(sam.socket, 'conversation:get', ref);

    const moved = queuedIn(customer.socket, 'trust-safety');
    // The fraud report itself is written while Alex may still read the conversation; everything
    // after it (the turn's move notice included) must not reach him.
    const { message: report } = await call<{ message: ChatMessage }>(
      customer.socket,
      'message:send',
      { clientId: newClientId(), text: FRAUD },
    );
    await moved;

    const marker = await customerOn(a);
    await call(marker.socket, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:get', { conversationId: marker.conversationId });

    await burst(customer.socket, BURST, 'after the move');
    const ofMoved = (e: AgentMessage) =>
      e.conversationId === customer.conversationId && e.message.text.startsWith('after the move');
    await eventually(toSam, () => toSam.filter(ofMoved).length === BURST);
    await markerReaches(alex.socket, marker);

    const leaked = toAlex.filter(
      (e) => e.conversationId === customer.conversationId && e.message.seq > report.seq,
    ).length;
    console.log(
      JSON.stringify({
        test: 'queue move',
        sent: BURST,
        receivedByMember: toSam.filter(ofMoved).length,
        leakedAfterMove: leaked,
      }),
    );
    expect(leaked).toBe(0);
    expect(await codeOf(call(alex.socket, 'conversation:get', ref))).toBe('FORBIDDEN');
  });

  it('a resolved conversation its former owner still watches is not fed to him once reopened', async () => {
    const alex = await agentOn(b, ALEX); // general, billing — not trust-safety
    const sam = await agentOn(a, SAM);
    const toAlex = record<AgentMessage>(alex.socket, 'message');
    const toSam = record<AgentMessage>(sam.socket, 'message');

    const customer = await customerOn(a);
    await call(customer.socket, 'human:request', { clientId: newClientId() });
    const ref = { conversationId: customer.conversationId };
    await call(alex.socket, 'conversation:claim', ref);
    await call(alex.socket, 'conversation:resolve', {
      ...ref,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    // The console opens it again (its pane, after a reconnect): the former owner may read it.
    await call(alex.socket, 'conversation:get', ref);

    // The customer comes back with a fraud report: reopened, then moved to Trust & Safety.
    const moved = queuedIn(customer.socket, 'trust-safety');
    const { message: report } = await call<{ message: ChatMessage }>(
      customer.socket,
      'message:send',
      { clientId: newClientId(), text: FRAUD },
    );
    await moved;
    await call(sam.socket, 'conversation:get', ref);
    await burst(customer.socket, BURST, 'after the reopen');

    const marker = await customerOn(a);
    await call(marker.socket, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:get', { conversationId: marker.conversationId });
    const ofReopened = (e: AgentMessage) =>
      e.conversationId === customer.conversationId && e.message.text.startsWith('after the reopen');
    await eventually(toSam, () => toSam.filter(ofReopened).length === BURST);
    await markerReaches(alex.socket, marker);

    const leaked = toAlex.filter(
      (e) => e.conversationId === customer.conversationId && e.message.seq >= report.seq,
    ).length;
    console.log(
      JSON.stringify({
        test: 'reopened conversation',
        sent: BURST + 1,
        receivedByMember: toSam.filter(ofReopened).length,
        leakedToFormerOwner: leaked,
      }),
    );
    expect(leaked).toBe(0);
    expect(await codeOf(call(alex.socket, 'conversation:get', ref))).toBe('FORBIDDEN');
  });

  it('logout and revocation close the sockets on the other node and the tokens stop working', async () => {
    const alex = await agentOn(b, ALEX);
    const sam = await agentOn(b, SAM);
    const alexClosed = once(alex.socket, 'disconnect');
    const res = await fetch(a.url + '/api/agent/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${alex.token}` },
    });
    expect(res.status).toBe(200);
    await alexClosed;

    const samClosed = once(sam.socket, 'disconnect');
    const revoke = await fetch(`${a.url}/api/admin/agents/${sam.agent.id}/sessions`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoke.status).toBe(200);
    expect(((await revoke.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);
    await samClosed;

    // The old tokens: refused by HTTP and by the socket handshake, on both nodes.
    const refused: string[] = [];
    for (const [node, token] of [
      [a, alex.token],
      [b, sam.token],
    ] as const) {
      const transcript = await fetch(`${node.url}/api/conversations/x/transcript`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (transcript.status === 401) refused.push('http');
      const socket = io(node.url + AGENT_NAMESPACE, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token },
      });
      opened.push(socket);
      const err = await once<Error>(socket, 'connect_error');
      if (err.message === 'UNAUTHORIZED') refused.push('socket');
    }
    const again = await fetch(a.url + '/api/agent/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${alex.token}` },
    });
    console.log(
      JSON.stringify({
        test: 'logout and revocation',
        socketsClosed: 2,
        oldTokensRefused: refused.length,
        oldTokenChecks: 4,
      }),
    );
    expect(refused).toEqual(['http', 'socket', 'http', 'socket']);
    expect(again.status).toBe(401);
  });
});
