import type { Conversation } from '../storage';
import type { TurnPlan } from './turnPlanner';

/** The part of a conversation a notice depends on. */
export type NoticeState = Pick<Conversation, 'state' | 'lane' | 'queue'>;

export interface NoticeInput {
  /** The conversation as read under its row lock, before the turn. */
  before: NoticeState;
  /** After the turn's queue change; null when the turn changed nothing in the queue. */
  after: NoticeState | null;
  plan: Pick<TurnPlan, 'act' | 'escalates' | 'humanRequest' | 'proposal' | 'lane' | 'facts'>;
  /** The queue's display name for customers ("Billing team"). */
  team: (queue: string | null) => string;
  /** How the held action is called to the customer ("refund"); for `hold_action` only. */
  actionLabel?: string;
}

/**
 * What the customer is told about a turn the assistant does not answer itself: a pure function
 * of the state before, the state after and the plan. Every sentence must be true at the moment
 * it is stored (it is written in the same transaction as the state it describes).
 */
export function turnNotice({ before, after, plan, team, actionLabel }: NoticeInput): string | null {
  switch (plan.act) {
    case 'reply':
      return null;
    case 'hold_action':
      return (
        `A person from ${team(after?.queue ?? before.queue)} needs to approve this ` +
        `${actionLabel ?? 'request'}; you will see their decision here.` +
        (before.lane === 'autonomous'
          ? ' Meanwhile the assistant can still help with general questions.'
          : '')
      );
    case 'hold_draft':
      if (!plan.escalates) {
        return `A teammate from ${team(before.queue)} will check the answer before it is sent.`;
      }
      break;
    case 'silent':
      if (!plan.escalates) return null;
      break;
  }
  // Escalating: only when the queue state really changed (otherwise nothing new is true).
  if (!after) return null;
  const name = team(after.queue);
  if (before.state === 'assigned') {
    return `A person from ${name} is handling this conversation; the assistant has stepped back.`;
  }
  if (plan.humanRequest) {
    return `You asked for a person. The assistant has stepped back and you are in the queue for ${name}.`;
  }
  if (!plan.proposal && plan.facts.text !== null) {
    return `Our assistant could not answer just now; a teammate from ${name} will reply here.`;
  }
  if (plan.lane === 'assisted') {
    return `A teammate from ${name} will check the answer before it is sent to you.`;
  }
  return `This needs a person from ${name}. The assistant has stepped back and you are in the queue.`;
}
