export {
  createPolicyState,
  mapLayout,
  policyFingerprint,
  restorePolicyState,
  type PolicyEntry,
  type PolicyLayout,
  type PolicyPlan,
  type PolicySnapshot,
  type PolicySource,
  type PolicyState,
  type PolicySummary,
} from './policyState';
export {
  NoPreviousPolicyError,
  startPolicyManager,
  validatePolicyText,
  type PolicyChange,
  type PolicyCheck,
  type PolicyHistoryRow,
  type PolicyLog,
  type PolicyManager,
  type PolicyManagerOptions,
} from './policyManager';
export { unknownQueueIssues } from './routingCheck';
export { watchFile, type FileWatch } from './watchFile';
