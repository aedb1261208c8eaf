import type { Policy } from '@baton/escalation';

/** Holds the running policy; a reload swaps it atomically and only after it validated. */
export interface PolicyHolder {
  current(): Policy;
  replace(policy: Policy): void;
}

export function createPolicyHolder(initial: Policy): PolicyHolder {
  let policy = initial;
  return {
    current: () => policy,
    replace(next) {
      policy = next;
    },
  };
}
