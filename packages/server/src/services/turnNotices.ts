import { notice, type Notice } from '@baton/shared';
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
export function turnNotice({ before, after, plan, team, actionLabel }: NoticeInput): Notice | null {
  switch (plan.act) {
    case 'reply':
      return null;
    case 'hold_action':
      return notice('approval_needed', {
        team: team(after?.queue ?? before.queue),
        action: actionLabel ?? 'request',
        assistantContinues: before.lane === 'autonomous',
      });
    case 'hold_draft':
      if (!plan.escalates) {
        return notice('draft_review', { team: team(before.queue) });
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
    return notice('person_handling', { team: name });
  }
  if (plan.humanRequest) {
    return notice('human_requested', { team: name });
  }
  if (!plan.proposal && plan.facts.text !== null) {
    return notice('assistant_failed', { team: name });
  }
  if (plan.lane === 'assisted') {
    return notice('draft_review', { team: name });
  }
  return notice('needs_person', { team: name });
}
