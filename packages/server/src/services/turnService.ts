import type { ChatMessage, Decision } from '@baton/shared';
import {
  decide,
  detectHumanRequest,
  effectiveThreshold,
  type IntentFacts,
  type TurnFacts,
} from '@baton/escalation';
import type { Assistant, AssistantInput, AssistantProposal } from '../assistant';
import { StateConflictError, type Store } from '../storage';
import type { Clock } from './clock';
import type { Notifier } from './notifier';
import { buildPacket } from './packetBuilder';
import type { PolicyHolder } from './policyHolder';
import type { QueueService } from './queueService';

export interface TurnServiceDeps {
  store: Store;
  assistant: Assistant;
  policy: PolicyHolder;
  queues: QueueService;
  notifier: Notifier;
  clock: Clock;
  /** Policy / knowledge references per intent, shown to the agent in the packet. */
  referencesFor: (intent: string | null) => string[];
  log: { error: (obj: object, msg: string) => void };
  /** How long a turn waits for the assistant before going on without it. */
  assistantTimeoutMs?: number;
}

export type TurnInput =
  { kind: 'text'; message: ChatMessage } | { kind: 'button'; message: ChatMessage };

/** Facts kept with each stored decision; later turns read their trend and loop signals from it. */
interface StoredFacts extends TurnFacts {
  proposal: Pick<AssistantProposal, 'replyDraft' | 'sources' | 'missingContext'> | null;
  acted: 'enforce' | 'shadow';
}

/**
 * One customer turn: signals → assistant proposal → engine decision → act. The server, not the
 * wording, enforces the lane: once the conversation is queued or assigned, nothing the assistant
 * produces reaches the customer.
 */
export function createTurnService(deps: TurnServiceDeps) {
  const { store, assistant, notifier, clock } = deps;

  async function say(conversationId: string, role: 'assistant' | 'system', text: string) {
    const { message } = await store.appendMessage({
      conversationId,
      role,
      text,
      now: clock(),
      // The lane boundary, checked under the row lock: once a person owns the conversation
      // (another node or tab escalated it meanwhile) the assistant's reply is dropped.
      ...(role === 'assistant' && { guard: { states: ['bot'] } }),
    });
    notifier.customerMessage(conversationId, message);
    notifier.agentMessage(conversationId, message);
    return message;
  }

  /** The assistant may fail or hang (a remote LLM); the turn goes on without it. */
  async function proposeSafely(input: AssistantInput): Promise<AssistantProposal | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.assistantTimeoutMs ?? 5_000);
    });
    try {
      const result = await Promise.race([assistant.propose(input), timeout]);
      if (result === null) deps.log.error({ assistant: assistant.name }, 'assistant timed out');
      return result;
    } catch (err) {
      deps.log.error({ err, assistant: assistant.name }, 'assistant failed');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  async function process(conversationId: string, input: TurnInput): Promise<Decision | null> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation || conversation.state === 'queued' || conversation.state === 'assigned') {
      // A person owns (or is about to own) the conversation: the assistant stays silent.
      return null;
    }
    const policy = deps.policy.current();
    const now = clock();
    const visitor = await store.getVisitor(conversation.visitorId);
    const context = visitor?.context ?? {};
    const [history, decisions] = await Promise.all([
      store.listMessages(conversationId),
      store.listDecisions(conversationId),
    ]);
    const text = input.kind === 'text' ? input.message.text : null;
    const detected = text === null ? null : detectHumanRequest(text);
    const humanRequest =
      input.kind === 'button'
        ? { source: 'button' as const, phrase: null }
        : detected?.matched
          ? { source: 'text' as const, phrase: detected.phrase }
          : null;
    const rawProposal =
      text === null
        ? null
        : await proposeSafely({
            text,
            context,
            history: history
              .filter((m) => m.seq < input.message.seq)
              .map((m) => ({ role: m.role, text: m.text })),
          });
    const confident = (intent: IntentFacts | null | undefined): intent is IntentFacts =>
      !!intent && intent.confidence >= effectiveThreshold(policy, intent.tier, intent.action);
    // "I want to talk to a person" is the request itself: a weak guess at another topic from
    // those words would only mislead the agent and the engine.
    const proposal =
      rawProposal && humanRequest && !confident(rawProposal.intent)
        ? { ...rawProposal, intent: null }
        : rawProposal;
    const prior = decisions.map((d) => ({ decision: d.decision, facts: d.facts as StoredFacts }));
    const facts: TurnFacts = {
      turn: decisions.length + 1,
      text,
      humanRequest,
      intent: proposal?.intent ?? null,
      amount: proposal?.amount ?? null,
      sentimentScores: [
        ...prior
          .filter((p) => p.facts.text !== null)
          .map((p) => p.facts.sentimentScores.at(-1) ?? 0),
        ...(proposal ? [proposal.sentiment] : []),
      ],
      context,
      priorTurns: prior.map((p) => ({
        intent: p.facts.intent?.name ?? null,
        lane: p.decision.lane,
        triggers: p.decision.triggers.map((t) => t.name),
      })),
    };
    const decision = decide(facts, policy, now);
    // Shadow mode records the decision but acts as before, except that a request for a person
    // is always honoured.
    const enforce = policy.mode !== 'shadow' || humanRequest !== null;
    const stored: StoredFacts = {
      ...facts,
      proposal: proposal && {
        replyDraft: proposal.replyDraft,
        sources: proposal.sources,
        missingContext: proposal.missingContext,
      },
      acted: enforce ? 'enforce' : 'shadow',
    };
    await store.recordDecision({
      conversationId,
      messageId: input.message.id,
      turn: facts.turn,
      mode: policy.mode,
      decision,
      facts: stored,
      now,
    });

    if (decision.lane === 'autonomous' || !enforce) {
      if (proposal) {
        await say(conversationId, 'assistant', proposal.replyDraft).catch((err: unknown) => {
          if (!(err instanceof StateConflictError)) throw err;
        });
      }
      return decision;
    }

    const queueName = deps.queues.resolveQueue(decision.queue);
    const team = deps.queues.config(queueName).displayName;
    const heldDraft = decision.lane === 'assisted' && proposal ? proposal.replyDraft : null;
    const notice = humanRequest
      ? `You asked for a person. The assistant has stepped back and you are in the queue for ${team}.`
      : decision.lane === 'assisted'
        ? `A teammate from ${team} will check the answer before it is sent to you.`
        : `This needs a person from ${team}. The assistant has stepped back and you are in the queue.`;
    const packet = buildPacket({
      conversationId,
      decision: { ...decision, queue: queueName },
      proposal,
      topic:
        [proposal?.intent, ...prior.map((p) => p.facts.intent).reverse()].find(confident) ?? null,
      customerAsks: [...prior.map((p) => p.facts.text), text].filter((t): t is string => !!t),
      humanRequested: humanRequest !== null,
      context,
      identity: {
        externalId: visitor?.externalId ?? null,
        verifiedId: visitor?.verifiedId ?? null,
        name: visitor?.name ?? null,
        email: visitor?.email ?? null,
      },
      sentimentScores: facts.sentimentScores,
      transcript: history,
      notice,
      references: deps.referencesFor(proposal?.intent?.name ?? null),
      heldDraft,
      now,
    });
    const slaMinutes = deps.queues.slaMinutes(decision.tier);
    // Atomic: only a conversation the assistant still owns is queued, so a turn that finishes
    // late can never take a conversation away from an agent.
    const queued = await store.enqueue(conversationId, {
      lane: decision.lane,
      unit: decision.unit,
      tier: decision.tier,
      queue: queueName,
      slaDeadline: new Date(now.getTime() + slaMinutes * 60_000),
      packet,
      now,
    });
    if (!queued) return decision;
    await say(conversationId, 'system', notice);
    notifier.customerEscalated(conversationId, {
      conversationId,
      lane: decision.lane,
      unit: decision.unit,
      queue: queueName,
      triggers: decision.triggers.map((t) => t.name),
    });
    // The broadcast sends this customer (and everyone behind them) the new queue status.
    await deps.queues.broadcast(queueName);
    return decision;
  }

  return { process };
}
export type TurnService = ReturnType<typeof createTurnService>;
