import { PolicyError, type Policy } from '@baton/escalation';
import type { Clock } from '../services/clock';
import type { PolicyStateTx, Store } from '../storage/types';
import {
  createPolicyState,
  type PolicyEntry,
  type PolicyPlan,
  type PolicySource,
  type PolicyState,
} from './policyState';
import {
  createVersionCache,
  sameWrite,
  toWrite,
  type PolicyCheck,
  type PolicyLog,
} from './storedPolicy';

export type SharedPolicyStore = Pick<
  Store,
  'getPolicyEpoch' | 'getPolicyState' | 'getPolicyVersions' | 'updatePolicyState'
>;

/** A change's view of the locked stored state. */
export interface Locked {
  /** The stored state in memory; null before the first node starts or if this node rejects it. */
  current: PolicyState | null;
  /** Why this node cannot act on the stored state, if so. */
  unusable: PolicyError | null;
  tx: PolicyStateTx;
}

export type Step<T> = (
  ctx: Locked,
) => Promise<{ state: PolicyState; fileHash: string | null; result: T }>;

export const usable = (ctx: Locked) => {
  if (ctx.current) return ctx.current;
  throw ctx.unusable ?? new Error('the policy state is not initialised');
};

/** The versions a stale policy file is compared with, for the log. */
export interface StaleFileVersions {
  fileVersion: string;
  fileMode: string;
  current: string | null;
  candidate: string | null;
}

/**
 * Whether a policy file holds a version stored before (with that mode) that neither acts nor is
 * the candidate: an older file, e.g. on a node restarting in a rolling deploy. Loading it would
 * revert every node, so only a version never stored (or an explicit reload) is loaded from the
 * file. The mode counts so that a file promoting the candidate (its version, `enforce`) is new.
 */
export async function staleFile(ctx: Locked, policy: Policy): Promise<StaleFileVersions | null> {
  const same = (p: Policy | null | undefined) =>
    p?.version === policy.version && p.mode === policy.mode;
  const now = ctx.current;
  if (now && (same(now.current()) || same(now.candidate()))) return null;
  if (!(await ctx.tx.hasVersion(policy.version, policy.mode))) return null;
  return {
    fileVersion: policy.version,
    fileMode: policy.mode,
    current: now?.current().version ?? null,
    candidate: now?.candidate()?.version ?? null,
  };
}

export class StaleFileError extends Error {
  constructor(readonly versions: StaleFileVersions) {
    super(`policy file version "${versions.fileVersion}" was stored before and is not acting`);
    this.name = 'StaleFileError';
  }
}

/**
 * This node's copy of the policy state stored in the database, and the way to change it: every
 * change locks the stored state, applies the pure transition and writes it with epoch + 1; a
 * poll of the epoch brings changes made by other nodes.
 */
export function createSharedPolicy(options: {
  store: SharedPolicyStore;
  check?: PolicyCheck | undefined;
  clock: Clock;
  log: PolicyLog;
}) {
  const { store, clock, log } = options;
  const versions = createVersionCache(options.check, log);

  // Read by every turn; the stored epoch it reflects; the file text hash stored with it.
  let state: PolicyState | null = null;
  let epoch = -1;
  let fileHash: string | null = null;
  const adopt = (next: PolicyState, at: number, hash: string | null) => {
    // Only forward: a slow follow must not undo a newer change this node has made since.
    if (at <= epoch) return false;
    [state, epoch, fileHash] = [next, at, hash];
    return true;
  };

  /** One change in one transaction; this node adopts the result once committed. */
  async function transact<T>(step: Step<T>) {
    const done = await store.updatePolicyState(async (tx) => {
      const ctx: Locked = { current: null, unusable: null, tx };
      if (tx.state.epoch > 0) {
        try {
          ctx.current = await versions.restore(tx.state, (ids) => tx.getVersions(ids));
        } catch (err) {
          if (!(err instanceof PolicyError)) throw err;
          ctx.unusable = err;
        }
      }
      const out = await step(ctx);
      const next = toWrite(out.state, out.fileHash);
      const changed = tx.state.epoch === 0 || !sameWrite(tx.state, next);
      return { next: changed ? next : null, result: out };
    });
    adopt(done.result.state, done.epoch, done.result.fileHash);
    return done.result;
  }

  /** Stored before it is applied: a policy that acts is always in the history. */
  async function saveEntry(tx: PolicyStateTx, policy: Policy, yaml: string, source: PolicySource) {
    const row = await tx.saveVersion({
      version: policy.version,
      mode: policy.mode,
      source,
      yaml,
      now: clock(),
    });
    const entry: PolicyEntry = { policy, yaml, source, loadedAt: row.loadedAt, id: row.id };
    versions.remember(entry);
    return entry;
  }

  /** Loads a validated policy into the locked state (throws PolicyError, changing nothing). */
  async function applyLoad(ctx: Locked, policy: Policy, yaml: string, source: PolicySource) {
    if (!ctx.current && ctx.unusable && policy.mode === 'enforce') {
      // This node cannot act on the stored acting version; a valid enforce policy replaces it.
      log.warn(
        { version: policy.version, issues: ctx.unusable.issues },
        'stored policy state rejected by this node; replaced by the loaded policy',
      );
      const entry = await saveEntry(ctx.tx, policy, yaml, source);
      return { state: createPolicyState(entry), outcome: 'current' as PolicyPlan };
    }
    const current = usable(ctx);
    const outcome = current.plan(policy);
    if (outcome !== 'unchanged') current.apply(await saveEntry(ctx.tx, policy, yaml, source));
    return { state: current, outcome };
  }

  let rejectedEpoch = -1;
  /** Adopts the stored state if it moved: a cheap epoch read, then only what is new. */
  async function follow() {
    if ((await store.getPolicyEpoch()) <= epoch) return;
    const stored = await store.getPolicyState();
    if (stored.epoch <= epoch) return;
    let next: PolicyState;
    try {
      next = await versions.restore(stored, (ids) => store.getPolicyVersions(ids));
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      if (rejectedEpoch !== stored.epoch) {
        log.error(
          { epoch: stored.epoch, issues: err.issues },
          'shared policy state rejected by this node; the running policy is unchanged',
        );
      }
      rejectedEpoch = stored.epoch;
      return;
    }
    if (adopt(next, stored.epoch, stored.fileHash)) {
      const { current, candidate } = next.snapshot();
      log.info({ epoch: stored.epoch, current, candidate }, 'policy state followed');
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> = Promise.resolve();
  let stopped = false;
  let failing = false;
  function startFollowing(everyMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      polling = follow()
        .then(() => {
          if (failing) log.info({}, 'shared policy state readable again');
          failing = false;
        })
        .catch((err: unknown) => {
          // Said once per outage; this node keeps acting on its copy meanwhile.
          if (!failing) log.warn({ err }, 'cannot read the shared policy state; retrying');
          failing = true;
        })
        .finally(() => startFollowing(everyMs));
    }, everyMs);
    timer.unref();
  }

  return {
    versions,
    /** This node's copy (set once the first change or follow has run). */
    state: () => state as PolicyState,
    epoch: () => epoch,
    /** The stored hash of the policy file text last loaded, as this node last saw it. */
    fileHash: () => fileHash,
    transact,
    saveEntry,
    applyLoad,
    follow,
    startFollowing,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await polling;
    },
  };
}

export type SharedPolicy = ReturnType<typeof createSharedPolicy>;
