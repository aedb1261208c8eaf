import type { CustomerContext, Decision, Lane } from '@baton/shared';
import {
  decide,
  detectHumanRequest,
  effectiveThreshold,
  laneRank,
  separateGuess,
  type ContactFact,
  type HumanRequestFact,
  type IntentFacts,
  type Policy,
  type TurnFacts,
} from '@baton/escalation';
import type { AssistantProposal } from '../assistant';

/**
 * What the server does with a turn, given the lane the conversation is in:
 * - `reply`: the assistant's reply goes to the customer (autonomous lane);
 * - `hold_draft`: the reply is held for an agent to approve, edit or reject (assisted lane);
 * - `hold_action`: a state-changing step waits for an agent's decision while the assistant keeps
 *   answering general questions (unit `action`);
 * - `silent`: a person owns the conversation; nothing from the assistant reaches the customer.
 */
export type TurnAct = 'reply' | 'hold_draft' | 'hold_action' | 'silent';

/** One earlier customer turn, as stored with its decision. */
export interface TurnRecord {
  text: string | null;
  intent: IntentFacts | null;
  /** Sentiment of the customer's text; null for a button press. */
  sentiment: number | null;
  decision: Decision | null;
}

export interface PlanInput {
  /** Customer text, or null for a press of the Talk to a human button. */
  text: string | null;
  /** The assistant's proposal for `text`; null for a button, a silent lane or a failed assistant. */
  proposal: AssistantProposal | null;
  context: CustomerContext;
  /** Earlier customer turns of this conversation, oldest first. */
  prior: TurnRecord[];
  /** The conversation's lane before this turn (sticky: it only falls when an agent resolves). */
  lane: Lane;
  policy: Policy;
  /** A candidate policy evaluated in shadow beside the acting one, if any. */
  shadow?: Policy | null;
  now: Date;
  /** Further business domains the message touches (multi_domain). */
  domains?: string[];
  /** Earlier contacts of this customer with their topics (repeat_contact). */
  contacts?: ContactFact[];
  /** Why the assistant gave no proposal (timeout, HTTP error, refusal, invalid output). */
  assistantFailure?: string;
}

export interface TurnPlan {
  facts: TurnFacts;
  /** The engine's decision (stored for audit); null in the human lane (nothing to decide). */
  decision: Decision | null;
  /**
   * The decision acted on: the engine's, except that a shadow-mode policy acts as before
   * (autonomous) and a turn the assistant could not answer at all goes to a person.
   */
  acting: Decision | null;
  shadowDecision: Decision | null;
  humanRequest: HumanRequestFact | null;
  /** The proposal as used: a weak topic guess on a request for a person is dropped. */
  proposal: AssistantProposal | null;
  act: TurnAct;
  /** The lane this turn was handled in (max of the conversation's lane and the decision's). */
  turnLane: Lane;
  /** The conversation's lane after this turn. */
  lane: Lane;
  /** True when this turn moves the conversation (or an action) to a person's queue. */
  escalates: boolean;
  /** The most recent intent the assistant was confident about, this turn or earlier. */
  topic: IntentFacts | null;
  /** The customer's typed messages so far, oldest first (button presses excluded). */
  customerAsks: string[];
  /**
   * What the assistant says when it replies: its draft, or — when it was not sure what the
   * customer meant — one clarifying question instead of a guessed answer. Null unless `reply`.
   */
  replyText: string | null;
}

const maxLane = (a: Lane, b: Lane): Lane => (laneRank(a) >= laneRank(b) ? a : b);

function clarifyingQuestion(guess: IntentFacts | null, fallback: string): string {
  if (!guess) return fallback;
  const topic = guess.name.replace(/_/g, ' ');
  return (
    `Just to be sure I help with the right thing: is this about ${topic}? ` +
    'If not, tell me a little more — or ask for a person at any time.'
  );
}

/** The intent a stored decision found only as a guess (named by its low_confidence trigger). */
function guessOf(decision: Decision | null): string | null {
  const name = decision?.triggers.find((t) => t.name === 'low_confidence')?.values.intent;
  return typeof name === 'string' ? name : null;
}

export function humanRequestOf(text: string | null): HumanRequestFact | null {
  if (text === null) return { source: 'button', phrase: null };
  const detected = detectHumanRequest(text);
  return detected.matched ? { source: 'text', phrase: detected.phrase } : null;
}

/**
 * One customer turn as a pure function: facts → engine decision → what to do with it. The server
 * and `pnpm simulate` both use it, so a replay shows exactly what the server would have done.
 */
export function planTurn(input: PlanInput): TurnPlan {
  const { policy, prior, text } = input;
  // The assistant (an LLM) may add a request the rules missed; it never removes theirs.
  const humanRequest =
    humanRequestOf(text) ??
    (text !== null && input.proposal?.humanRequest === true
      ? { source: 'assistant' as const, phrase: null }
      : null);
  const domains = input.domains ?? input.proposal?.domains ?? [];
  const confident = (intent: IntentFacts | null | undefined): intent is IntentFacts =>
    !!intent && intent.confidence >= effectiveThreshold(policy, intent.tier, intent.action);
  // "I want to talk to a person" is the request itself: a weak guess at another topic from those
  // words would only mislead the agent and the engine.
  const proposal =
    input.proposal && humanRequest && !confident(input.proposal.intent)
      ? { ...input.proposal, intent: null }
      : input.proposal;
  // A guess under the floor is named but sets nothing: tier, queue and lane follow the words.
  const understood = separateGuess(proposal?.intent ?? null, policy);
  const sentiments = prior.map((t) => t.sentiment).filter((s): s is number => s !== null);
  const facts: TurnFacts = {
    turn: prior.length + 1,
    text,
    humanRequest,
    intent: understood.intent,
    ...(understood.guess && { guess: understood.guess }),
    amount: proposal?.amount ?? null,
    sentimentScores: proposal && text !== null ? [...sentiments, proposal.sentiment] : sentiments,
    context: input.context,
    priorTurns: prior.map((t) => ({
      intent: t.intent?.name ?? null,
      lane: t.decision?.lane ?? 'human',
      triggers: t.decision?.triggers.map((hit) => hit.name) ?? [],
      guess: guessOf(t.decision),
    })),
    ...(domains.length > 0 && { domains }),
    ...(input.contacts && { contacts: input.contacts }),
  };
  const topic = [proposal?.intent, ...prior.map((t) => t.intent).reverse()].find(confident) ?? null;
  const customerAsks = [...prior.map((t) => t.text), text].filter((t): t is string => t !== null);

  // What every plan carries, whatever is done with the turn.
  const common = { facts, humanRequest, proposal, topic, customerAsks };
  if (input.lane === 'human') {
    return {
      ...common,
      decision: null,
      acting: null,
      shadowDecision: null,
      act: 'silent',
      turnLane: 'human',
      lane: 'human',
      escalates: false,
      replyText: null,
    };
  }

  const decision = decide(facts, policy, input.now);
  const shadowDecision = input.shadow ? decide(facts, input.shadow, input.now) : null;
  // A policy in shadow mode records its decisions but acts as before (the assistant answers);
  // a request for a person is honoured in every mode.
  let acting: Decision =
    policy.mode === 'shadow' && !humanRequest
      ? { ...decision, lane: 'autonomous', unit: null, queue: null }
      : decision;
  const unanswered = text !== null && !input.proposal;
  if (unanswered && laneRank(acting.lane) < laneRank('assisted')) {
    // The assistant failed or timed out: there is no answer to send, so a person takes the turn.
    acting = {
      ...acting,
      lane: 'assisted',
      unit: acting.unit ?? 'answer',
      queue: acting.queue ?? policy.routing.default,
      reasons: [
        ...acting.reasons,
        input.assistantFailure
          ? `the assistant was unavailable: ${input.assistantFailure}`
          : 'the assistant was unavailable for this turn',
      ],
    };
  } else if (unanswered && input.assistantFailure) {
    // Already with a person; the agent should still know there is no assistant reading.
    acting = {
      ...acting,
      reasons: [...acting.reasons, `the assistant was unavailable: ${input.assistantFailure}`],
    };
  }

  const turnLane = maxLane(input.lane, acting.lane);
  if (acting.lane === 'human' && acting.unit === 'action' && !humanRequest) {
    return {
      ...common,
      decision,
      acting,
      shadowDecision,
      act: 'hold_action',
      turnLane,
      lane: input.lane,
      escalates: true,
      replyText: null,
    };
  }
  const act: TurnAct =
    turnLane === 'human' ? 'silent' : turnLane === 'assisted' ? 'hold_draft' : 'reply';
  return {
    ...common,
    decision,
    acting,
    shadowDecision,
    act,
    turnLane,
    lane: turnLane,
    escalates: laneRank(turnLane) > laneRank(input.lane),
    replyText:
      act !== 'reply' || !proposal
        ? null
        : acting.triggers.some((t) => t.name === 'low_confidence' && t.values.clarify === true)
          ? clarifyingQuestion(proposal.intent, proposal.replyDraft)
          : proposal.replyDraft,
  };
}
