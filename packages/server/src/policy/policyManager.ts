import { PolicyError, type Policy } from '@baton/escalation';
import type { PolicyHolder } from '../services/policyHolder';
import type { Clock } from '../services/clock';
import type { PolicyStateTx, Store } from '../storage/types';
import {
  createPolicyState,
  type PolicyEntry,
  type PolicyPlan,
  type PolicySnapshot,
} from './policyState';
import {
  createSharedPolicy,
  staleFile,
  StaleFileError,
  usable,
  type SharedPolicyStore,
} from './sharedPolicy';
import {
  readPolicyFile,
  sha256,
  validatePolicyText,
  type PolicyCheck,
  type PolicyLog,
} from './storedPolicy';
import { watchFile } from './watchFile';

export { validatePolicyText, type PolicyCheck, type PolicyLog } from './storedPolicy';

/** Rollback asked for, but the acting policy is the only enforce version known. */
export class NoPreviousPolicyError extends Error {
  constructor() {
    super('There is no previous enforce policy version to roll back to');
    this.name = 'NoPreviousPolicyError';
  }
}

export interface PolicyHistoryRow {
  version: string;
  mode: string;
  source: string;
  loadedAt: string;
}

export interface PolicyChange {
  /** `current`: now acting; `candidate`: now evaluated in shadow; `unchanged`: already loaded. */
  outcome: PolicyPlan | 'rolled_back' | 'candidate_cleared';
  state: PolicySnapshot;
}

/**
 * The policy every node shares: validated loads, shadow candidate, rollback, file watch. Each
 * change is one database transaction on the stored state; every node follows that state.
 */
export interface PolicyManager extends PolicyHolder {
  /** This node's copy of the shared state (at most one poll behind). */
  state(): PolicySnapshot;
  /** Follows the shared state now rather than at the next poll, and returns it. */
  sync(): Promise<PolicySnapshot>;
  /** Stored policy versions, newest first. */
  history(limit?: number): Promise<PolicyHistoryRow[]>;
  /** Validates, stores and installs a policy; on PolicyError the running policy is unchanged. */
  load(yaml: string, source: 'file' | 'admin'): Promise<PolicyChange>;
  /** Re-reads the policy file (source `file`). */
  reload(): Promise<PolicyChange>;
  /** Loads the previous enforce version again; throws NoPreviousPolicyError if none. */
  rollback(): Promise<PolicyChange>;
  /** Stops shadowing the candidate. */
  clearCandidate(): Promise<PolicyChange>;
  /** Stops following, closes the file watch and waits for a change in progress. */
  stop(): Promise<void>;
}

export interface PolicyManagerOptions {
  /** The policy file's text at start (already validated). */
  initial: { policy: Policy; yaml: string };
  store: SharedPolicyStore & Pick<Store, 'listPolicyVersions'>;
  /** The policy file: `reload()` re-reads it and, with `watch`, changes to it are loaded. */
  file?: string | null;
  /** Watch `file` and reload on change (default true when a file is given). */
  watch?: boolean;
  debounceMs?: number;
  /** How often the shared state is checked for changes by other nodes (default 500 ms). */
  followMs?: number;
  check?: PolicyCheck;
  clock: Clock;
  log: PolicyLog;
}

const issuesOf = (err: unknown) => (err instanceof PolicyError ? err.issues : undefined);

/**
 * Joins the shared policy state: initialises it from the file if no node did, or follows it
 * (loading the file if its text changed since it was last loaded and it holds a version never
 * stored: a file edited while no node ran, or a new version in a rolling deploy).
 */
export async function startPolicyManager(options: PolicyManagerOptions): Promise<PolicyManager> {
  const { store, clock, log, check } = options;
  const file = options.file ?? null;
  const shared = createSharedPolicy({ store, check, clock, log });
  const { transact, saveEntry, applyLoad } = shared;
  const acting = () => shared.state();

  /** The first node: the file's policy, and the enforce version stored before it for rollback. */
  async function firstState(tx: PolicyStateTx) {
    const { policy, yaml } = options.initial;
    const earlier: PolicyEntry[] = [];
    if (policy.mode === 'enforce') {
      const previous = (await tx.recentVersions(50)).find(
        (r) => r.mode === 'enforce' && r.version !== policy.version,
      );
      const entry = previous ? shared.versions.entryOf(previous) : null;
      if (entry?.policy.mode === 'enforce') earlier.push(entry);
    }
    return createPolicyState(await saveEntry(tx, policy, yaml, 'startup'), earlier);
  }

  /** File text this node rejected or found stale: a watch event with it again is a no-op. */
  let ignoredFileText: string | null = null;
  const initialHash = file ? sha256(options.initial.yaml) : null;
  const started = await transact(async (ctx) => {
    const stored = ctx.tx.state;
    if (stored.epoch === 0) {
      return { state: await firstState(ctx.tx), fileHash: initialHash, result: 'initialised' };
    }
    if (initialHash === null || initialHash === stored.fileHash) {
      return { state: usable(ctx), fileHash: stored.fileHash, result: 'followed' };
    }
    const { policy, yaml } = options.initial;
    const stale = await staleFile(ctx, policy);
    if (stale) {
      ignoredFileText = yaml;
      log.warn(
        { file, ...stale },
        'policy file holds a version stored before that is not acting; following the shared state (reload to load it)',
      );
      return { state: usable(ctx), fileHash: stored.fileHash, result: 'followed' };
    }
    try {
      const { state: next, outcome } = await applyLoad(ctx, policy, yaml, 'file');
      const result =
        outcome === 'unchanged' ? 'followed (the file holds its version)' : 'loaded from the file';
      return { state: next, fileHash: initialHash, result };
    } catch (err) {
      if (!(err instanceof PolicyError) || !ctx.current) throw err;
      ignoredFileText = yaml;
      log.error(
        { file, issues: err.issues },
        'policy file rejected; the running policy is unchanged',
      );
      return { state: ctx.current, fileHash: stored.fileHash, result: 'followed' };
    }
  });
  log.info(
    { epoch: shared.epoch(), file, ...started.state.snapshot() },
    `policy state ${started.result}`,
  );

  // Loads on this node run one at a time, in the order asked.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };
  let stopped = false;

  async function loadFromFile(text: string, trigger: 'watch' | 'reload'): Promise<PolicyChange> {
    try {
      const policy = validatePolicyText(text, check);
      const hash = sha256(text);
      const change = await transact(async (ctx) => {
        // Another node watching the same file may have loaded this text already.
        if (trigger === 'watch' && ctx.current && ctx.tx.state.fileHash === hash) {
          return { state: ctx.current, fileHash: hash, result: 'unchanged' as PolicyPlan };
        }
        const stale = trigger === 'watch' ? await staleFile(ctx, policy) : null;
        // Thrown so that the transaction writes nothing.
        if (stale) throw new StaleFileError(stale);
        const { state: next, outcome } = await applyLoad(ctx, policy, text, 'file');
        return { state: next, fileHash: hash, result: outcome };
      });
      ignoredFileText = null;
      const { current, candidate } = change.state.snapshot();
      log.info(
        { file, trigger, outcome: change.result, current, candidate },
        change.result === 'unchanged' ? 'policy file unchanged' : 'policy file loaded',
      );
      return { outcome: change.result, state: change.state.snapshot() };
    } catch (err) {
      if (err instanceof StaleFileError) {
        ignoredFileText = text;
        log.warn(
          { file, trigger, ...err.versions },
          'policy file changed to a version stored before that is not acting; not loaded (reload to load it)',
        );
        return { outcome: 'unchanged', state: acting().snapshot() };
      }
      if (err instanceof PolicyError) {
        ignoredFileText = text;
        log.error(
          { file, trigger, issues: err.issues },
          'policy file rejected; the running policy is unchanged',
        );
      } else {
        log.error(
          { file, trigger, err },
          'policy file load failed; the running policy is unchanged',
        );
      }
      throw err;
    }
  }

  /** A watch event: load the file if its text differs from the text last loaded. */
  const checkFile = () =>
    serial(async () => {
      if (stopped) return;
      let text: string;
      try {
        text = await readPolicyFile(file);
      } catch (err) {
        // Mid-replace the file may be briefly absent; the next event retries.
        log.warn({ file, issues: issuesOf(err) }, 'policy file unreadable; unchanged');
        return;
      }
      if (text === ignoredFileText || sha256(text) === shared.fileHash()) return;
      await loadFromFile(text, 'watch');
    }).catch((err: unknown) => {
      // Storage unreachable: no further file event may come, so look again later.
      if (!(err instanceof PolicyError) && !stopped) setTimeout(checkFile, 1_000).unref();
    });

  const watch =
    file && options.watch !== false
      ? watchFile(file, () => void checkFile(), {
          debounceMs: options.debounceMs ?? 150,
          onError: (err) => log.error({ err, file }, 'policy file watch failed'),
        })
      : null;
  // The file may have changed while the server was starting.
  if (watch) void checkFile();

  shared.startFollowing(options.followMs ?? 500);

  return {
    current: () => acting().current(),
    candidate: () => acting().candidate(),
    state: () => acting().snapshot(),
    async sync() {
      await shared.follow();
      return acting().snapshot();
    },
    async history(limit = 20) {
      const rows = await store.listPolicyVersions(limit);
      return rows.map((r) => ({
        version: r.version,
        mode: r.mode,
        source: r.source,
        loadedAt: r.loadedAt.toISOString(),
      }));
    },
    load(yaml, source) {
      return serial(async () => {
        if (source === 'file') return loadFromFile(yaml, 'reload');
        try {
          const policy = validatePolicyText(yaml, check);
          const change = await transact(async (ctx) => {
            const { state: next, outcome } = await applyLoad(ctx, policy, yaml, source);
            return { state: next, fileHash: ctx.tx.state.fileHash, result: outcome };
          });
          const { current, candidate } = change.state.snapshot();
          log.info({ source, outcome: change.result, current, candidate }, 'policy loaded');
          return { outcome: change.result, state: change.state.snapshot() };
        } catch (err) {
          if (err instanceof PolicyError) {
            log.warn(
              { source, issues: err.issues },
              'policy rejected; the running policy is unchanged',
            );
          } else {
            log.error({ source, err }, 'policy load failed; the running policy is unchanged');
          }
          throw err;
        }
      });
    },
    reload() {
      return serial(async () => {
        let text: string;
        try {
          text = await readPolicyFile(file);
        } catch (err) {
          log.error({ file, issues: issuesOf(err) }, 'policy file unreadable; unchanged');
          throw err;
        }
        return loadFromFile(text, 'reload');
      });
    },
    rollback() {
      return serial(async () => {
        const change = await transact(async (ctx) => {
          const current = usable(ctx);
          const target = current.rollbackTarget();
          if (!target) throw new NoPreviousPolicyError();
          const from = current.current().version;
          current.rollback(await saveEntry(ctx.tx, target.policy, target.yaml, 'rollback'));
          return { state: current, fileHash: ctx.tx.state.fileHash, result: from };
        });
        log.info({ from: change.result, to: change.state.current().version }, 'policy rolled back');
        return { outcome: 'rolled_back' as const, state: change.state.snapshot() };
      });
    },
    clearCandidate() {
      return serial(async () => {
        const change = await transact(async (ctx) => {
          const current = usable(ctx);
          const version = current.candidate()?.version ?? null;
          current.clearCandidate();
          return { state: current, fileHash: ctx.tx.state.fileHash, result: version };
        });
        if (change.result !== null) {
          log.info(
            { version: change.result },
            'policy candidate cleared; shadow evaluation stopped',
          );
        }
        return {
          outcome: change.result !== null ? ('candidate_cleared' as const) : ('unchanged' as const),
          state: change.state.snapshot(),
        };
      });
    },
    async stop() {
      stopped = true;
      watch?.close();
      await shared.stop();
      await chain;
    },
  };
}
