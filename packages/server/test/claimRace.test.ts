import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ConversationDetail, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  newClientId,
  SAM,
  SITE_KEY,
  startTestServer,
} from './harness';

let baton: RunningBaton;
beforeAll(async () => {
  baton = await startTestServer();
});
afterAll(async () => {
  await baton?.stop();
});

describe('atomic claim', () => {
  it('two agents racing for one conversation: exactly one wins, the other gets ALREADY_CLAIMED', async () => {
    const alex = await connectAgent(baton.url, ALEX);
    const sam = await connectAgent(baton.url, SAM);
    for (let round = 0; round < 5; round++) {
      const customer = connectCustomer(baton.url);
      const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
      await call(customer, 'human:request', { clientId: newClientId() });
      const results: Ack<ConversationDetail>[] = await Promise.all([
        callRaw<ConversationDetail>(alex.socket, 'conversation:claim', {
          conversationId: s.conversationId,
        }),
        callRaw<ConversationDetail>(sam.socket, 'conversation:claim', {
          conversationId: s.conversationId,
        }),
      ]);
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const loser = losers[0]!;
      expect(!loser.ok && loser.error.code).toBe('ALREADY_CLAIMED');
      expect(!loser.ok && loser.error.message).toMatch(
        /Already claimed by (Alex Rivera|Sam Okafor)/,
      );
      const conv = await baton.store.getConversation(s.conversationId);
      const winner = winners[0]!;
      expect(winner.ok && winner.data.assignedAgent?.id).toBe(conv?.assignedAgentId);
      // The winner resolves, so capacity never limits the next round.
      const owner = conv?.assignedAgentId === alex.agent.id ? alex : sam;
      await call(owner.socket, 'conversation:resolve', {
        conversationId: s.conversationId,
        outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
      });
      customer.close();
    }
    alex.socket.close();
    sam.socket.close();
  });

  it('an agent at capacity cannot claim another conversation', async () => {
    const alex = await connectAgent(baton.url, ALEX);
    const opened: string[] = [];
    for (let i = 0; i < 4; i++) {
      const customer = connectCustomer(baton.url);
      const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
      await call(customer, 'human:request', { clientId: newClientId() });
      opened.push(s.conversationId);
      customer.close();
    }
    for (const conversationId of opened.slice(0, 3)) {
      await call(alex.socket, 'conversation:claim', { conversationId });
    }
    const res = await callRaw(alex.socket, 'conversation:claim', { conversationId: opened[3] });
    expect(!res.ok && res.error.code).toBe('AT_CAPACITY');
    await call(alex.socket, 'conversation:resolve', {
      conversationId: opened[0],
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 3 },
    });
    expect(
      (await callRaw(alex.socket, 'conversation:claim', { conversationId: opened[3] })).ok,
    ).toBe(true);
    for (const conversationId of opened.slice(1)) {
      await call(alex.socket, 'conversation:resolve', {
        conversationId,
        outcome: { escalation: 'unnecessary', rootCause: 'model_gap', packetUsefulness: 2 },
      });
    }
    alex.socket.close();
  });

  it('an agent cannot reply to a conversation it does not own', async () => {
    const alex = await connectAgent(baton.url, ALEX);
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'human:request', { clientId: newClientId() });
    const res = await callRaw(alex.socket, 'message:send', {
      conversationId: s.conversationId,
      clientId: newClientId(),
      text: 'hello',
    });
    expect(res.ok === false && res.error.code).toBe('NOT_ASSIGNED');
    customer.close();
    alex.socket.close();
  });
});
