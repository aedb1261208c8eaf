import type { Policy } from '@baton/escalation';

/**
 * Holds the running policy. Reloads (validated first, see `../policy`) swap it atomically
 * between turns: a turn reads `current()` and `candidate()` once and decides with those.
 */
export interface PolicyHolder {
  /** The policy whose decisions are acted on. */
  current(): Policy;
  /** A candidate evaluated in shadow beside the current one (decisions recorded, not acted on). */
  candidate(): Policy | null;
}

/** A fixed holder (tests, the simulator); the server uses the reloadable `PolicyManager`. */
export function createPolicyHolder(current: Policy, candidate: Policy | null = null): PolicyHolder {
  return {
    current: () => current,
    candidate: () => candidate,
  };
}
