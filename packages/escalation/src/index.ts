export type {
  IntentFacts,
  TurnFacts,
  HumanRequestFact,
  AmountFact,
  PriorTurn,
  ContactFact,
} from './facts';
export { decide, assess } from './engine';
export type { Assessment, Severity } from './assessment';
export { interpret, type Interpretation } from './matrix';
export { detectHumanRequest, type HumanRequestMatch } from './humanRequest';
export {
  parsePolicy,
  validatePolicy,
  policySchema,
  PolicyError,
  type Policy,
  type PolicyInput,
  type PolicyIssue,
} from './policy';
export { defaultPolicy, defaultPolicyInput } from './defaultPolicy';
export { sentimentTrend, type SentimentTrend } from './sentiment';
export { laneRank, maxLane } from './lanes';
export { routeQueue, slaMinutes, autonomyAllowed } from './routing';
export { effectiveThreshold } from './triggers/lowConfidence';
export { checkLimit, type LimitCheck } from './triggers/policyBoundary';
export { normaliseText, tokenize } from './text';
export {
  detectStakes,
  STAKES,
  STAKE_LEXICONS,
  type Stake,
  type StakeLexicon,
  type StakesMatch,
} from './stakes';
export { separateGuess, stakesOf, STAKE_DOMAIN, STAKE_TIER } from './understanding';
export { detectLanguage, LANGUAGES, type Language, type DetectedLanguage } from './language';
export { topicSignature, sameProblem } from './topicSignature';
