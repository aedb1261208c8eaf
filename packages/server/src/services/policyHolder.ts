import type { Policy } from '@baton/escalation';

/** Holds the running policy; a reload swaps it atomically and only after it validated. */
export interface PolicyHolder {
  /** The policy whose decisions are acted on. */
  current(): Policy;
  /** A candidate evaluated in shadow beside the current one (decisions recorded, not acted on). */
  candidate(): Policy | null;
  replace(policy: Policy): void;
}

export function createPolicyHolder(initial: Policy): PolicyHolder {
  let policy = initial;
  return {
    current: () => policy,
    candidate: () => null,
    replace(next) {
      policy = next;
    },
  };
}
