import { PolicyError, type Policy } from '@baton/escalation';
import type { PolicyHolder } from '../services/policyHolder';

/** Where a loaded policy came from; recorded with every stored policy version. */
export type PolicySource = 'file' | 'admin' | 'rollback' | 'startup';

/** A validated policy with the text it was loaded from. */
export interface PolicyEntry {
  policy: Policy;
  yaml: string;
  source: PolicySource;
  loadedAt: Date;
  /** The stored `policy_versions` row, once stored: what a stored state refers to. */
  id?: string;
}

/**
 * The state as plain data, for storing and restoring: the enforce history oldest first (its last
 * entry acts), the shadow policy acting while no enforce policy was ever loaded, the candidate.
 */
export interface PolicyLayout<E = PolicyEntry> {
  enforced: E[];
  provisional: E | null;
  candidate: E | null;
}

export interface PolicySummary {
  version: string;
  mode: Policy['mode'];
  source: PolicySource;
  loadedAt: string;
}

export interface PolicySnapshot {
  current: PolicySummary;
  candidate: PolicySummary | null;
  /** The enforce version a rollback would restore, or null. */
  rollbackTo: string | null;
}

/** What a load does: become the acting policy, become the shadow candidate, or nothing. */
export type PolicyPlan = 'current' | 'candidate' | 'unchanged';

/**
 * The in-memory policy state, with no I/O: the enforce history (its last entry acts), an
 * optional shadow candidate, and — while no enforce policy was ever loaded — a shadow policy
 * acting as current (downstream it acts as before: autonomous except explicit requests).
 *
 * Loading is two steps so the caller can persist in between: `plan` (throws PolicyError, changes
 * nothing) and `apply`. The caller serialises loads.
 */
export interface PolicyState extends PolicyHolder {
  plan(policy: Policy): PolicyPlan;
  apply(entry: PolicyEntry): PolicyPlan;
  /** The previous enforce entry, or null when there is none to roll back to. */
  rollbackTarget(): PolicyEntry | null;
  /** Drops the acting enforce entry; the previous one acts again (recorded as `entry`). */
  rollback(entry: PolicyEntry): void;
  clearCandidate(): boolean;
  snapshot(): PolicySnapshot;
  /** A copy of the state as data; `restorePolicyState(layout)` gives the same state back. */
  layout(): PolicyLayout;
}

/** Canonical JSON (sorted keys) of a policy without its mode: the content a version names. */
export function policyFingerprint(policy: Policy): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  const { mode: _mode, ...content } = policy;
  return JSON.stringify(canonical(content));
}

/** Enforce versions kept for rollback (the oldest are dropped). */
export const MAX_ROLLBACK_DEPTH = 50;

const summary = (entry: PolicyEntry): PolicySummary => ({
  version: entry.policy.version,
  mode: entry.policy.mode,
  source: entry.source,
  loadedAt: entry.loadedAt.toISOString(),
});

/** Maps every entry of a layout, e.g. to the stored ids it refers to. */
export function mapLayout<A, B>(layout: PolicyLayout<A>, f: (entry: A) => B): PolicyLayout<B> {
  return {
    enforced: layout.enforced.map(f),
    provisional: layout.provisional === null ? null : f(layout.provisional),
    candidate: layout.candidate === null ? null : f(layout.candidate),
  };
}

/**
 * @param initial the policy the server starts with.
 * @param earlier older enforce entries (oldest first), e.g. from stored history, so that a
 *   rollback also works after a restart; ignored when `initial` is a shadow policy.
 */
export function createPolicyState(initial: PolicyEntry, earlier: PolicyEntry[] = []): PolicyState {
  return initial.policy.mode === 'enforce'
    ? restorePolicyState({ enforced: [...earlier, initial], provisional: null, candidate: null })
    : restorePolicyState({ enforced: [], provisional: initial, candidate: null });
}

/**
 * The state a layout describes. What no state can hold is dropped (shadow entries in the enforce
 * history, enforce ones as provisional or candidate, a provisional policy beside enforce ones, a
 * candidate without an enforce policy);
 * throws when nothing would act.
 */
export function restorePolicyState(layout: PolicyLayout): PolicyState {
  const enforced = layout.enforced
    .filter((e) => e.policy.mode === 'enforce')
    .slice(-MAX_ROLLBACK_DEPTH);
  const shadow = (e: PolicyEntry | null) => (e?.policy.mode === 'shadow' ? e : null);
  let provisional = enforced.length === 0 ? shadow(layout.provisional) : null;
  let candidate = enforced.length > 0 ? shadow(layout.candidate) : null;
  if (enforced.length === 0 && !provisional) {
    throw new Error('a policy state needs an acting policy');
  }

  const acting = (): PolicyEntry => enforced.at(-1) ?? (provisional as PolicyEntry);

  function plan(policy: Policy): PolicyPlan {
    // A version names one policy: the same name with other content would make stored decisions
    // ambiguous. (The mode may change: promoting a shadow candidate keeps its version.)
    const fingerprint = policyFingerprint(policy);
    const known = [...enforced, provisional, candidate].filter((e): e is PolicyEntry => !!e);
    if (
      known.some(
        (e) => e.policy.version === policy.version && policyFingerprint(e.policy) !== fingerprint,
      )
    ) {
      throw new PolicyError([
        {
          path: 'version',
          message: `version "${policy.version}" is already loaded with different content; give the changed policy a new version`,
        },
      ]);
    }
    const now = acting().policy;
    if (policy.mode === 'enforce') {
      return now.mode === 'enforce' && now.version === policy.version ? 'unchanged' : 'current';
    }
    if (enforced.length === 0) return now.version === policy.version ? 'unchanged' : 'current';
    return candidate?.policy.version === policy.version ? 'unchanged' : 'candidate';
  }

  return {
    current: () => acting().policy,
    candidate: () => candidate?.policy ?? null,
    plan,
    apply(entry) {
      const outcome = plan(entry.policy);
      if (outcome === 'current' && entry.policy.mode === 'enforce') {
        enforced.push(entry);
        if (enforced.length > MAX_ROLLBACK_DEPTH) enforced.shift();
        provisional = null;
        candidate = null;
      } else if (outcome === 'current') {
        provisional = entry;
      } else if (outcome === 'candidate') {
        candidate = entry;
      }
      return outcome;
    },
    rollbackTarget: () => (enforced.length >= 2 ? (enforced.at(-2) ?? null) : null),
    rollback(entry) {
      if (enforced.length < 2) throw new Error('no previous enforce policy to roll back to');
      enforced.pop();
      enforced[enforced.length - 1] = entry;
      // Like any enforce load, a rollback ends the shadow evaluation.
      candidate = null;
    },
    clearCandidate() {
      const had = candidate !== null;
      candidate = null;
      return had;
    },
    snapshot() {
      const target = enforced.length >= 2 ? enforced.at(-2) : undefined;
      return {
        current: summary(acting()),
        candidate: candidate && summary(candidate),
        rollbackTo: target?.policy.version ?? null,
      };
    },
    layout: () => ({ enforced: [...enforced], provisional, candidate }),
  };
}
