import { systemMessage } from './notices';
import {
  englishNotices,
  renderNotice,
  type ChatMessage,
  type Decision,
  type Lane,
  type Notice,
} from '@baton/shared';
import type { ContactFact, TurnFacts } from '@baton/escalation';
import type { AssistantProposal } from '../assistant';
import type {
  Conversation,
  OutboxEvent,
  Store,
  StoredDecision,
  TurnJob,
  Visitor,
} from '../storage';
import type { Clock } from './clock';
import type { Metrics } from './metrics';
import { buildPacket, withNotice } from './packetBuilder';
import type { PolicyHolder } from './policyHolder';
import type { QueueService } from './queueService';
import { planTurn, type TurnPlan, type TurnRecord } from './turnPlanner';
import { turnNotice } from './turnNotices';

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
 * The turn cannot commit as read: an earlier turn is still pending, or the lane changed since the
 * assistant was (not) asked. Run it again.
 */
export class TurnRetryError extends Error {
  constructor(readonly conversationId: string) {
    super(`turn of ${conversationId} must be run again`);
    this.name = 'TurnRetryError';
  }
}

/** An outbox event its writer holds, to deliver right after commit. */
export interface TakenEvent {
  id: string;
  event: OutboxEvent;
}

/**
 * How long a turn's own events stay held for it: it delivers them right after commit, without
 * claiming them first; if its node dies first, any node's sweep takes them after this.
 */
const OWN_EVENTS_HOLD_MS = 3_000;

/**
 * The turn's last write: its decision (if any), the turn done (the lease released when idle) and
 * its events, taken by this writer to deliver right after commit.
 */
async function finish(
  tx: Store,
  turn: { messageId: string; act: string; now: Date; leaseOwner: string | undefined },
  events: OutboxEvent[],
  decision?: StoredDecision,
): Promise<Committed> {
  const { released, outboxIds } = await tx.finishTurn({
    messageId: turn.messageId,
    act: turn.act,
    now: turn.now,
    releaseLeaseOf: turn.leaseOwner,
    decision,
    events,
    holdMs: OWN_EVENTS_HOLD_MS,
  });
  return { taken: outboxIds.map((id, i) => ({ id, event: events[i]! })), released };
}

/** A committed turn: its events to deliver, and whether it let go of its conversation's lease. */
export interface Committed {
  taken: TakenEvent[];
  /** The runner's turn lease was released in the same transaction: no other turn is pending. */
  released: boolean;
}

/** What a turn learned before taking any lock: the slow part (assistant, contact history). */
export interface Prepared {
  message: ChatMessage;
  visitor: Visitor | null;
  /** The lane seen while preparing: the assistant is not asked in the human lane. */
  laneSeen: Lane;
  proposal: AssistantProposal | null;
  /** Why the assistant gave no proposal (timeout, error, refusal, invalid output), if it failed. */
  assistantFailure?: string;
  contacts: ContactFact[] | undefined;
}

export interface TurnCommitDeps {
  policy: PolicyHolder;
  queues: QueueService;
  clock: Clock;
  referencesFor: (intent: string | null) => string[];
  metrics?: Pick<Metrics, 'turn' | 'escalation'>;
}

/**
 * The second half of a turn: in ONE transaction under the conversation's row lock, the state is
 * read again, the pure plan is made, and the decision, draft or action, queue change, notice and
 * outbox events are written together. Nothing here decides twice: the plan decides, SQL stores.
 */
export function createTurnCommit(deps: TurnCommitDeps) {
  const { clock } = deps;

  /** `leaseOwner`: the runner holding the conversation's turn lease, released here when idle. */
  async function commit(
    tx: Store,
    job: TurnJob,
    prepared: Prepared,
    leaseOwner?: string,
  ): Promise<Committed | null> {
    const before = await tx.lockConversation(job.conversationId);
    if (!before) return null;
    const read = await tx.turnUnderLock(job.messageId, before.episode);
    if (!read || read.turn.status !== 'pending') return null;
    const { turn, decisions } = read;
    if (!turn.priority && read.earlierPending) throw new TurnRetryError(before.id);
    // The assistant was not asked because a person owned the conversation, and now nobody does.
    if (prepared.laneSeen === 'human' && before.lane !== 'human') {
      throw new TurnRetryError(before.id);
    }
    const now = clock();
    const text = job.kind === 'text' ? prepared.message.text : null;
    const context = prepared.visitor?.context ?? {};
    const prior: TurnRecord[] = decisions.map((d) => {
      const facts = d.facts as StoredFacts;
      return {
        text: facts.text,
        intent: facts.intent,
        sentiment: facts.sentiment ?? null,
        decision: d.decision,
      };
    });
    // Read once: a reload mid-turn must not mix versions in one stored decision.
    const policy = deps.policy.current();
    const plan = planTurn({
      text,
      proposal: before.lane === 'human' ? null : prepared.proposal,
      context,
      prior,
      ...(prepared.contacts && { contacts: prepared.contacts }),
      ...(prepared.assistantFailure !== undefined && {
        assistantFailure: prepared.assistantFailure,
      }),
      lane: before.lane,
      policy,
      shadow: deps.policy.candidate(),
      now,
    });
    const { decision, proposal } = plan;
    // Stored with the turn's last write, which also marks it done.
    let stored: StoredDecision | undefined;
    if (decision) {
      const facts: StoredFacts = {
        ...plan.facts,
        proposal: proposal && {
          replyDraft: proposal.replyDraft,
          sources: proposal.sources,
          missingContext: proposal.missingContext,
        },
        sentiment: text === null ? null : (prepared.proposal?.sentiment ?? null),
        act: plan.act,
      };
      stored = {
        conversationId: before.id,
        messageId: job.messageId,
        turn: plan.facts.turn,
        mode: policy.mode,
        decision,
        shadow: plan.shadowDecision,
        facts,
        now,
        episode: before.episode,
      };
    }

    const events: OutboxEvent[] = [];
    const say = async (role: 'assistant' | 'system', body: string, n?: Notice) => {
      const { message } = await tx.appendMessage({
        conversationId: before.id,
        role,
        text: body,
        ...(n && { notice: n }),
        now,
        ...(role === 'assistant' && { replyTo: job.messageId }),
      });
      events.push({ type: 'message', conversationId: before.id, message });
    };
    let after: Conversation | null = null;
    let heldDraft: string | null = null;
    const actionName = plan.facts.intent?.action ?? 'action';
    switch (plan.act) {
      case 'reply':
        if (plan.replyText) await say('assistant', plan.replyText);
        break;
      case 'hold_draft':
        if (proposal) {
          heldDraft = proposal.replyDraft;
          await tx.createDraft({
            conversationId: before.id,
            messageId: job.messageId,
            text: proposal.replyDraft,
            now,
          });
        }
        if (plan.escalates) after = await enqueue(tx, before, prepared, plan, heldDraft, plan.lane);
        break;
      case 'hold_action':
        await tx.createAction({
          conversationId: before.id,
          action: actionName,
          intent: plan.facts.intent?.name ?? null,
          amount: plan.facts.amount && {
            value: plan.facts.amount.value,
            currency: plan.facts.amount.currency,
          },
          reasons: plan.acting!.triggers.map((t) => t.reason),
          now,
        });
        // The conversation stays with the assistant for general questions; the step waits.
        after = await enqueue(tx, before, prepared, plan, null, before.lane);
        break;
      case 'silent':
        if (plan.escalates) after = await enqueue(tx, before, prepared, plan, null, plan.lane);
        break;
    }
    const notice = turnNotice({
      before,
      after,
      plan,
      team: teamOf,
      actionLabel: ACTION_LABEL[actionName] ?? actionName.replace(/_/g, ' '),
    });
    if (notice) {
      const text = renderNotice(englishNotices, notice)!;
      await say('system', text, notice);
      if (after?.packet) {
        // The packet lists what the customer has been told, this notice included.
        await tx.updatePacket(before.id, withNotice(after.packet, text));
      }
    }
    const queue = after?.queue ?? before.queue;
    const held = plan.act === 'hold_draft' || plan.act === 'hold_action';
    if (after && plan.act !== 'hold_action') {
      events.push({
        type: 'escalated',
        conversationId: before.id,
        event: {
          conversationId: before.id,
          lane: plan.lane,
          unit: plan.acting?.unit ?? null,
          queue: after.queue,
          triggers: plan.acting?.triggers.map((t) => t.name) ?? [],
        },
      });
    }
    if (held || after) {
      events.push({ type: 'updated', conversationId: before.id, queue });
    }
    // A queue change sends the new position to everyone waiting (this customer included); a new
    // held draft or action changes the queue's snapshot (its pending counts) too.
    if (queue && (after || held)) events.push({ type: 'queue', queue });
    if (after && before.queue !== after.queue) {
      if (before.queue) events.push({ type: 'queue', queue: before.queue });
      // Agents watching it may have lost access (another queue now); the relay checks this
      // before it delivers anything else of this turn.
      events.push({ type: 'access', conversationId: before.id });
    }
    const committed = await finish(
      tx,
      { messageId: job.messageId, act: plan.act, now, leaseOwner },
      events,
      stored,
    );
    if (decision) deps.metrics?.turn(decision);
    if (after && plan.act !== 'hold_action') deps.metrics?.escalation(after.queue ?? '', plan.lane);
    return committed;
  }

  /** Queues the conversation (or raises its lane) with a fresh packet; null if nothing changed. */
  async function enqueue(
    tx: Store,
    conversation: Conversation,
    prepared: Prepared,
    plan: TurnPlan,
    heldDraft: string | null,
    lane: Lane,
  ): Promise<Conversation | null> {
    const decision = plan.acting!;
    const now = clock();
    const { visitor } = prepared;
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
      transcript: await tx.listMessages(conversation.id),
      references: deps.referencesFor(plan.proposal?.intent?.name ?? plan.topic?.name ?? null),
      heldDraft,
      now,
    });
    const slaMinutes = deps.queues.slaMinutes(decision.tier);
    return tx.enqueue(conversation.id, {
      lane,
      unit: decision.unit,
      tier: decision.tier,
      queue: queueName,
      slaDeadline: new Date(now.getTime() + slaMinutes * 60_000),
      packet,
      now,
    });
  }

  function teamOf(queue: string | null): string {
    return deps.queues.config(deps.queues.resolveQueue(queue)).displayName;
  }

  /**
   * A turn that keeps failing (a bug, data the code cannot handle) must not block its
   * conversation for ever, nor leave the customer unanswered: it is closed as `failed` and the
   * conversation goes to a person, with no decision of the engine involved.
   */
  async function giveUp(
    tx: Store,
    job: TurnJob,
    reason: string,
    leaseOwner?: string,
  ): Promise<Committed | null> {
    const before = await tx.lockConversation(job.conversationId);
    if (!before) return null;
    const read = await tx.turnUnderLock(job.messageId, before.episode);
    if (!read || read.turn.status !== 'pending') return null;
    const { turn, decisions } = read;
    const now = clock();
    const events: OutboxEvent[] = [];
    let after: Conversation | null = null;
    if (before.lane !== 'human' || before.state === 'bot' || before.state === 'resolved') {
      const queue = deps.queues.resolveQueue(before.state === 'assigned' ? before.queue : null);
      const policy = deps.policy.current();
      const decision: Decision = {
        lane: 'human',
        unit: 'conversation',
        tier: before.tier,
        triggers: [],
        queue,
        reasons: [`this turn failed ${turn.attempts} times: ${reason}`],
        policyVersion: policy.version,
      };
      const message = job.kind === 'text' ? await tx.getMessage(job.messageId) : null;
      const packet = buildPacket({
        conversationId: before.id,
        decision,
        proposal: null,
        topic: null,
        customerAsks: [
          ...decisions.map((d) => (d.facts as StoredFacts).text),
          message?.text,
        ].filter((t): t is string => !!t),
        humanRequested: job.kind === 'button',
        context: {},
        identity: { externalId: null, name: null, email: null },
        sentimentScores: [],
        transcript: await tx.listMessages(before.id),
        references: [],
        heldDraft: null,
        now,
      });
      after = await tx.enqueue(before.id, {
        lane: 'human',
        unit: 'conversation',
        tier: before.tier,
        queue,
        slaDeadline: new Date(now.getTime() + deps.queues.slaMinutes(before.tier) * 60_000),
        packet,
        now,
      });
    }
    if (after) {
      const { message } = await tx.appendMessage({
        conversationId: before.id,
        ...systemMessage('turn_failed', { team: teamOf(after.queue) }),
        now,
      });
      events.push({ type: 'message', conversationId: before.id, message });
      events.push({ type: 'updated', conversationId: before.id, queue: after.queue });
      if (after.queue) events.push({ type: 'queue', queue: after.queue });
      if (before.queue !== after.queue) events.push({ type: 'access', conversationId: before.id });
    }
    return finish(tx, { messageId: job.messageId, act: 'failed', now, leaseOwner }, events);
  }

  return { commit, giveUp };
}
