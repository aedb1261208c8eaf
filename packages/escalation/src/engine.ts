import type { Decision, RiskTier, TriggerName } from '@baton/shared';
import type { Assessment, Severity } from './assessment';
import type { HumanRequestFact, PriorTurn, TurnFacts } from './facts';
import { detectHumanRequest, UNCOVERED_READER_THRESHOLD } from './humanRequest';
import { interpret } from './matrix';
import type { Policy } from './policy';
import { autonomyAllowed, routeQueue } from './routing';
import { consequence } from './triggers/consequence';
import { conversationLoop } from './triggers/conversationLoop';
import { customerPressure } from './triggers/customerPressure';
import { explicitRequest } from './triggers/explicitRequest';
import { lowConfidence } from './triggers/lowConfidence';
import { missingContext } from './triggers/missingContext';
import { multiDomain } from './triggers/multiDomain';
import { negativeSentiment } from './triggers/negativeSentiment';
import { policyBoundary } from './triggers/policyBoundary';
import { repeatContact } from './triggers/repeatContact';

/**
 * The request for a person as the engine sees it. The caller normally detects it; the engine
 * checks the text again so that the promise holds even for a caller that forgot.
 */
function humanRequestOf(facts: TurnFacts): HumanRequestFact | null {
  if (facts.humanRequest) return facts.humanRequest;
  if (facts.text === null) return null;
  const found = detectHumanRequest(facts.text);
  if (found.matched) return { source: 'text', phrase: found.phrase };
  // Nothing understood (no intent, or only a guess under its floor), and the reader leans
  // towards a request for a person: nothing else explains the message, so it is taken as one.
  return facts.intent === null && (found.reading ?? 0) >= UNCOVERED_READER_THRESHOLD
    ? { source: 'text', phrase: null }
    : null;
}

/**
 * Every trigger that fires on this turn, weighed, in vocabulary order of evaluation. Policy
 * severity overrides apply to all but the request for a person.
 */
export function assess(facts: TurnFacts, policy: Policy): Assessment[] {
  const humanRequest = humanRequestOf(facts);
  const seen: TurnFacts = humanRequest === facts.humanRequest ? facts : { ...facts, humanRequest };
  const tuned = [
    ...lowConfidence(seen, policy),
    ...consequence(seen, policy),
    ...policyBoundary(seen, policy),
    ...missingContext(seen, policy),
    ...customerPressure(seen, policy),
    ...negativeSentiment(seen, policy),
    ...repeatContact(seen, policy),
    ...conversationLoop(seen, policy),
    ...multiDomain(seen),
  ];
  const overrides: Partial<Record<TriggerName, Severity>> = policy.severity;
  for (const a of tuned) {
    const override = overrides[a.hit.name];
    if (override) a.severity = override;
  }
  softenAlone(seen, policy, tuned);
  return [...explicitRequest(humanRequest), ...tuned];
}

function stakeDomain(assessments: Assessment[]): string | null {
  const low = assessments.find((a) => a.hit.name === 'low_confidence');
  const domain = low?.hit.values.routeDomain;
  return typeof domain === 'string' ? domain : null;
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/**
 * Confidence from which a guess under its floor still counts as the assistant's likely reading
 * (chosen on the dev split: lower bars turned informational questions into an agent's job).
 */
const LIKELY = 0.7;

/**
 * The assistant's likely reading of an unclear message is a tier-3/4 request (a refund, a
 * dispute, fraud…) under its floor: not enough to route anything, but enough that a clarifying
 * question is the wrong answer — a person reads it (assisted, routed by the words, not the guess).
 */
function riskyGuess(facts: TurnFacts): boolean {
  const guess = facts.guess;
  return guess !== undefined && guess !== null && guess.tier >= 3 && guess.confidence >= LIKELY;
}

/**
 * The previous turn was not understood either, and this one is still on that need: the clarifying
 * question did not help, so a person takes it rather than the assistant asking again. A different
 * guess on each turn ("has my order left?" then "how long does standard take?"), or a guess after
 * a turn with none ("…for the shed." then "Lovely, thanks a million"), is a new reading, which gets
 * its own clarifying question; conversation_loop still hands a third unclear turn in a
 * row to a person, so this never loops.
 */
function stillUnsure(last: PriorTurn | undefined, facts: TurnFacts): boolean {
  if (!last?.triggers.includes('low_confidence')) return false;
  const guess = facts.guess?.name ?? facts.intent?.name ?? null;
  return guess === null || guess === last.guess;
}

/**
 * Two signals that mean little on their own and a lot together. Each is downgraded to `low`
 * (recorded, not acted on) only while nothing else of medium or higher severity fires, so
 * adding any other signal restores it — the lane never falls when a risk is added.
 * - low_confidence on a calm tier-1/2 turn, when the previous turn was understood: the
 *   autonomous lane asks one clarifying question (a second miss in a row escalates).
 * - customer_pressure on an informational turn: a VIP asking where an order is needs an
 *   answer, not a queue; pressure weighs once there is a problem.
 */
function softenAlone(facts: TurnFacts, policy: Policy, assessments: Assessment[]): void {
  const others = (name: TriggerName) =>
    assessments.some((a) => a.hit.name !== name && RANK[a.severity] >= RANK.medium);
  const informational =
    facts.intent === null || policy.actions.informational.includes(facts.intent.action);
  const low = assessments.find((a) => a.hit.name === 'low_confidence');
  const pressure = assessments.find((a) => a.hit.name === 'customer_pressure');
  const lastTurn = facts.priorTurns.at(-1);
  const sentiment = facts.sentimentScores.at(-1) ?? 0;
  if (
    low &&
    low.severity === 'medium' &&
    policy.confidence.clarifyOnce &&
    policy.severity.low_confidence === undefined &&
    (facts.intent === null || facts.intent.tier <= 2) &&
    !riskyGuess(facts) &&
    informational &&
    sentiment > policy.sentiment.negativeScore &&
    !stillUnsure(lastTurn, facts) &&
    // Money, account, identity, legal or safety in words nobody understood: no guessing game.
    !(Array.isArray(low.hit.values.stakes) && low.hit.values.stakes.length > 0) &&
    !others('low_confidence')
  ) {
    low.severity = 'low';
    low.hit.reason += '; the assistant asks one clarifying question';
    low.hit.values = { ...low.hit.values, clarify: true };
  }
  if (
    pressure &&
    pressure.severity === 'medium' &&
    policy.severity.customer_pressure === undefined &&
    informational &&
    !others('customer_pressure')
  ) {
    pressure.severity = 'low';
    pressure.hit.reason += ' (informational question: noted, not escalated)';
  }
}

/**
 * Facts + policy + now → decision. Pure: same inputs, same decision, so decisions can be stored
 * with their inputs and replayed against another policy version. `now` is part of the contract
 * for time-based rules; none of the current rules reads the clock.
 */
export function decide(facts: TurnFacts, policy: Policy, _now: Date): Decision {
  const assessments = assess(facts, policy);
  // Without an understood intent the words route: the highest stake they carry, if any.
  const domain = facts.intent?.domain ?? stakeDomain(assessments);
  const autonomyOff = domain !== null && !autonomyAllowed(policy, domain);
  const { lane, unit, rationale } = interpret(assessments, {
    mediumsForHuman: policy.matrix.mediumsForHuman,
    autonomyOffDomain: autonomyOff ? domain : null,
  });

  let tier: RiskTier = facts.intent?.tier ?? 1;
  for (const a of assessments)
    if (a.tier !== null && a.severity !== 'low' && a.tier > tier) tier = a.tier;

  const reasons = [rationale];
  if (autonomyOff && lane !== 'assisted') reasons.push(`autonomous handling is off for ${domain}`);
  for (const a of assessments) {
    reasons.push(a.severity === 'low' ? `${a.hit.reason} (recorded only)` : a.hit.reason);
  }

  return {
    lane,
    unit,
    tier,
    triggers: assessments.map((a) => a.hit),
    queue: lane === 'autonomous' ? null : routeQueue(policy, tier, domain),
    reasons,
    policyVersion: policy.version,
  };
}
