import type { ChatMessage, Decision, Lane } from '@baton/shared';
import type { ContactFact, TurnFacts } from '@baton/escalation';
import type { Assistant, AssistantInput, AssistantProposal } from '../assistant';
import { StateConflictError, type Conversation, type Store, type Visitor } from '../storage';
import type { Clock } from './clock';
import type { Notifier } from './notifier';
import { buildPacket } from './packetBuilder';
import type { PolicyHolder } from './policyHolder';
import type { QueueService } from './queueService';
import { buildContacts, contactsInWindow } from './contactTopics';
import { planTurn, type TurnPlan, type TurnRecord } from './turnPlanner';

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
  sentiment: number | null;
  act: TurnPlan['act'];
}

const ACTION_LABEL: Record<string, string> = {
  refund: 'refund',
  dispute: 'charge dispute',
  price_match: 'price match',
  promo_exception: 'promotion exception',
  cancel_subscription: 'subscription cancellation',
  cancel_order: 'order cancellation',
  return: 'return',
  damage_claim: 'claim for a damaged item',
  account_change: 'account change',
  data_deletion: 'data deletion',
};

/**
 * One customer turn: signals → assistant proposal → engine decision → act. The server, not the
 * wording, enforces the lane: assisted replies are held for an agent, a pending action waits
 * for a person's decision, and in the human lane nothing the assistant produces reaches the
 * customer (checked again under the conversation's row lock when a reply is written).
 */
export function createTurnService(deps: TurnServiceDeps) {
  const { store, assistant, notifier, clock } = deps;

  async function say(conversationId: string, role: 'assistant' | 'system', text: string) {
    const { message } = await store.appendMessage({
      conversationId,
      role,
      text,
      now: clock(),
      // The lane boundary: once another node or tab moved the conversation out of the
      // autonomous lane, the assistant's reply is refused here, atomically.
      ...(role === 'assistant' && { guard: { lanes: ['autonomous'] as Lane[] } }),
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
    if (!conversation) return null;
    const now = clock();
    const visitor = await store.getVisitor(conversation.visitorId);
    const context = visitor?.context ?? {};
    const [history, decisions] = await Promise.all([
      store.listMessages(conversationId),
      store.listDecisions(conversationId),
    ]);
    const text = input.kind === 'text' ? input.message.text : null;
    const prior: TurnRecord[] = decisions.map((d) => {
      const facts = d.facts as StoredFacts;
      return {
        text: facts.text,
        intent: facts.intent,
        sentiment: facts.sentiment ?? null,
        decision: d.decision,
      };
    });
    // In the human lane the assistant is not consulted at all.
    const proposal =
      text === null || conversation.lane === 'human'
        ? null
        : await proposeSafely({
            text,
            context,
            history: history
              .filter((m) => m.seq < input.message.seq)
              .map((m) => ({ role: m.role, text: m.text })),
          });
    // Read once: a reload mid-turn must not mix versions in one stored decision.
    const policy = deps.policy.current();
    const candidate = deps.policy.candidate();
    const contacts =
      conversation.lane === 'human'
        ? undefined
        : await contactsOf(conversation, visitor, now, policy.repeatContact.windowDays);
    const plan = planTurn({
      text,
      proposal,
      context,
      prior,
      ...(contacts && { contacts }),
      lane: conversation.lane,
      policy,
      shadow: candidate,
      now,
    });
    const { decision } = plan;
    if (decision) {
      const stored: StoredFacts = {
        ...plan.facts,
        proposal: plan.proposal && {
          replyDraft: plan.proposal.replyDraft,
          sources: plan.proposal.sources,
          missingContext: plan.proposal.missingContext,
        },
        sentiment: text === null ? null : (proposal?.sentiment ?? null),
        act: plan.act,
      };
      await store.recordDecision({
        conversationId,
        messageId: input.message.id,
        turn: plan.facts.turn,
        mode: policy.mode,
        decision,
        shadow: plan.shadowDecision,
        facts: stored,
        now,
      });
    }

    switch (plan.act) {
      case 'reply':
        if (plan.replyText) {
          await say(conversationId, 'assistant', plan.replyText).catch((err: unknown) => {
            if (!(err instanceof StateConflictError)) throw err;
          });
        }
        break;
      case 'hold_draft':
        await holdDraft(conversation, visitor, plan, input.message, history);
        break;
      case 'hold_action':
        await holdAction(conversation, visitor, plan, history);
        break;
      case 'silent':
        if (plan.escalates) await escalate(conversation, visitor, plan, history, null);
        break;
    }
    return decision;
  }

  async function holdDraft(
    conversation: Conversation,
    visitor: Visitor | null,
    plan: TurnPlan,
    message: ChatMessage,
    history: ChatMessage[],
  ) {
    const draft = plan.proposal
      ? await store.createDraft({
          conversationId: conversation.id,
          messageId: message.id,
          text: plan.proposal.replyDraft,
          now: clock(),
        })
      : null;
    if (plan.escalates) {
      await escalate(conversation, visitor, plan, history, draft?.text ?? null);
    } else {
      const team = teamOf(conversation.queue);
      await say(
        conversation.id,
        'system',
        `A teammate from ${team} will check the answer before it is sent.`,
      );
      notifier.conversationUpdated(conversation.id, conversation.queue);
    }
  }

  async function holdAction(
    conversation: Conversation,
    visitor: Visitor | null,
    plan: TurnPlan,
    history: ChatMessage[],
  ) {
    const decision = plan.acting!;
    const intent = plan.facts.intent;
    const actionName = intent?.action ?? 'action';
    await store.createAction({
      conversationId: conversation.id,
      action: actionName,
      intent: intent?.name ?? null,
      amount: plan.facts.amount && {
        value: plan.facts.amount.value,
        currency: plan.facts.amount.currency,
      },
      reasons: decision.triggers.map((t) => t.reason),
      now: clock(),
    });
    const label = ACTION_LABEL[actionName] ?? actionName.replace(/_/g, ' ');
    const queueName = deps.queues.resolveQueue(conversation.queue ?? decision.queue);
    const team = deps.queues.config(queueName).displayName;
    // The conversation stays with the assistant for general questions; the step waits for a person.
    const queued = await enqueue(conversation, visitor, plan, history, null, conversation.lane);
    await say(
      conversation.id,
      'system',
      `A person from ${team} needs to approve this ${label}; you will see their decision here.` +
        (conversation.lane === 'autonomous'
          ? ' Meanwhile the assistant can still help with general questions.'
          : ''),
    );
    notifier.conversationUpdated(conversation.id, queued?.queue ?? queueName);
    await deps.queues.broadcast(queued?.queue ?? queueName);
  }

  async function escalate(
    conversation: Conversation,
    visitor: Visitor | null,
    plan: TurnPlan,
    history: ChatMessage[],
    heldDraft: string | null,
  ) {
    const decision = plan.acting!;
    const team = teamOf(
      conversation.state === 'assigned' ? conversation.queue : (decision.queue ?? null),
    );
    const withAgent = conversation.state === 'assigned';
    const notice = withAgent
      ? `A person from ${team} is handling this conversation; the assistant has stepped back.`
      : plan.humanRequest
        ? `You asked for a person. The assistant has stepped back and you are in the queue for ${team}.`
        : !plan.proposal && plan.facts.text !== null
          ? `Our assistant could not answer just now; a teammate from ${team} will reply here.`
          : plan.lane === 'assisted'
            ? `A teammate from ${team} will check the answer before it is sent to you.`
            : `This needs a person from ${team}. The assistant has stepped back and you are in the queue.`;
    const queued = await enqueue(
      conversation,
      visitor,
      plan,
      history,
      heldDraft,
      plan.lane,
      notice,
    );
    if (!queued) return;
    await say(conversation.id, 'system', notice);
    notifier.customerEscalated(conversation.id, {
      conversationId: conversation.id,
      lane: plan.lane,
      unit: decision.unit,
      queue: queued.queue,
      triggers: decision.triggers.map((t) => t.name),
    });
    notifier.conversationUpdated(conversation.id, queued.queue);
    // The broadcast sends this customer (and everyone behind them) the new queue status.
    await deps.queues.broadcast(queued.queue!);
  }

  /** Queues the conversation (or raises its lane) with a fresh packet; null if nothing changed. */
  async function enqueue(
    conversation: Conversation,
    visitor: Visitor | null,
    plan: TurnPlan,
    history: ChatMessage[],
    heldDraft: string | null,
    lane: Lane,
    notice?: string,
  ): Promise<Conversation | null> {
    const decision = plan.acting!;
    const now = clock();
    const queueName = deps.queues.resolveQueue(
      conversation.state === 'assigned' ? conversation.queue : decision.queue,
    );
    const packet = buildPacket({
      conversationId: conversation.id,
      decision: { ...decision, lane, queue: queueName },
      proposal: plan.proposal,
      topic: plan.topic,
      customerAsks: plan.customerAsks,
      humanRequested: plan.humanRequest !== null,
      context: visitor?.context ?? {},
      identity: {
        externalId: visitor?.externalId ?? null,
        verifiedId: visitor?.verifiedId ?? null,
        name: visitor?.name ?? null,
        email: visitor?.email ?? null,
      },
      sentimentScores: plan.facts.sentimentScores,
      transcript: history,
      ...(notice && { notice }),
      references: deps.referencesFor(plan.proposal?.intent?.name ?? plan.topic?.name ?? null),
      heldDraft,
      now,
    });
    const slaMinutes = deps.queues.slaMinutes(decision.tier);
    return store.enqueue(conversation.id, {
      lane,
      unit: decision.unit,
      tier: decision.tier,
      queue: queueName,
      slaDeadline: new Date(now.getTime() + slaMinutes * 60_000),
      packet,
      now,
    });
  }

  /**
   * Earlier contacts of this customer for repeat_contact: those the storefront passed (topic
   * read by the assistant) and Baton's own earlier conversations with the same visitor or the
   * same identified customer.
   */
  async function contactsOf(
    conversation: Conversation,
    visitor: Visitor | null,
    now: Date,
    windowDays: number,
  ): Promise<ContactFact[]> {
    const windowed = contactsInWindow(visitor?.context.recentContacts ?? [], windowDays);
    const history = await store.contactHistory({
      siteId: conversation.siteId,
      visitorId: conversation.visitorId,
      externalId: visitor?.externalId ?? null,
      excludeConversationId: conversation.id,
      since: new Date(now.getTime() - windowDays * 24 * 60 * 60 * 1000),
    });
    return buildContacts({
      storefront: windowed,
      history,
      now,
      classify: async (text) => {
        const proposal = await proposeSafely({ text, context: {}, history: [] });
        return { intent: proposal?.intent?.name ?? null, domain: proposal?.intent?.domain ?? null };
      },
    });
  }

  function teamOf(queue: string | null): string {
    return deps.queues.config(deps.queues.resolveQueue(queue)).displayName;
  }

  return { process };
}
export type TurnService = ReturnType<typeof createTurnService>;
