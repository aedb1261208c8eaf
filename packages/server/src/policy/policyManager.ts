import { readFile } from 'node:fs/promises';
import { parsePolicy, PolicyError, type Policy, type PolicyIssue } from '@baton/escalation';
import type { PolicyHolder } from '../services/policyHolder';
import type { Clock } from '../services/clock';
import type { Store } from '../storage/types';
import {
  createPolicyState,
  type PolicyEntry,
  type PolicyPlan,
  type PolicySnapshot,
  type PolicySource,
} from './policyState';
import { watchFile } from './watchFile';

export interface PolicyLog {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/** Checks beyond the schema (e.g. that routed queues exist); issues name the field. */
export type PolicyCheck = (policy: Policy) => PolicyIssue[];

/** Parses and validates a policy text; throws PolicyError naming every failing field. */
export function validatePolicyText(yaml: string, check?: PolicyCheck): Policy {
  const policy = parsePolicy(yaml);
  const issues = check?.(policy) ?? [];
  if (issues.length > 0) throw new PolicyError(issues);
  return policy;
}

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

/** The server's reloadable policy: validated loads, shadow candidate, rollback, file watch. */
export interface PolicyManager extends PolicyHolder {
  state(): PolicySnapshot;
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
  /** Closes the file watch and waits for a load in progress. */
  stop(): Promise<void>;
}

export interface PolicyManagerOptions {
  /** The policy to start with (already validated, e.g. read from `file`). */
  initial: { policy: Policy; yaml: string };
  store: Pick<Store, 'savePolicyVersion' | 'listPolicyVersions'>;
  /** The policy file: `reload()` re-reads it and, with `watch`, changes to it are loaded. */
  file?: string | null;
  /** Watch `file` and reload on change (default true when a file is given). */
  watch?: boolean;
  debounceMs?: number;
  check?: PolicyCheck;
  clock: Clock;
  log: PolicyLog;
}

const issuesOf = (err: unknown) => (err instanceof PolicyError ? err.issues : undefined);

/** Records the starting policy (source `startup`) and, given a file, starts watching it. */
export async function startPolicyManager(options: PolicyManagerOptions): Promise<PolicyManager> {
  const { store, clock, log, check } = options;
  const file = options.file ?? null;
  const startedAt = clock();
  const initial: PolicyEntry = { ...options.initial, source: 'startup', loadedAt: startedAt };

  // The enforce version that ran before a restart stays reachable by rollback.
  const earlier: PolicyEntry[] = [];
  if (initial.policy.mode === 'enforce') {
    const rows = await store.listPolicyVersions(50);
    const previous = rows.find((r) => r.mode === 'enforce' && r.version !== initial.policy.version);
    if (previous) {
      try {
        const policy = validatePolicyText(previous.yaml, check);
        if (policy.mode === 'enforce') {
          earlier.push({
            policy,
            yaml: previous.yaml,
            source: 'startup',
            loadedAt: previous.loadedAt,
          });
        }
      } catch (err) {
        log.warn(
          { version: previous.version, issues: issuesOf(err) },
          'stored policy version no longer valid; not offered for rollback',
        );
      }
    }
  }
  await store.savePolicyVersion({
    version: initial.policy.version,
    mode: initial.policy.mode,
    source: 'startup',
    yaml: initial.yaml,
    now: startedAt,
  });
  const state = createPolicyState(initial, earlier);

  // Loads run one at a time, so plan → store → apply sees no other change in between.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };
  let stopped = false;
  /** The file text last loaded (or rejected as invalid): a watch event with it is a no-op. */
  let lastFileText: string | null = file ? options.initial.yaml : null;

  async function install(yaml: string, source: PolicySource): Promise<PolicyChange> {
    const policy = validatePolicyText(yaml, check);
    const outcome = state.plan(policy);
    if (outcome !== 'unchanged') {
      const now = clock();
      // Stored first: a policy that acts is always in the history.
      await store.savePolicyVersion({
        version: policy.version,
        mode: policy.mode,
        source,
        yaml,
        now,
      });
      state.apply({ policy, yaml, source, loadedAt: now });
    }
    return { outcome, state: state.snapshot() };
  }

  async function readPolicyFile(): Promise<string> {
    if (!file) {
      throw new PolicyError([{ path: '(file)', message: 'no policy file is configured' }]);
    }
    try {
      return await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new PolicyError([{ path: '(file)', message: `cannot read ${file}: ${code}` }]);
    }
  }

  async function loadFromFile(text: string, trigger: 'watch' | 'reload') {
    try {
      const change = await install(text, 'file');
      lastFileText = text;
      const { current, candidate } = change.state;
      log.info(
        { file, trigger, outcome: change.outcome, current, candidate },
        change.outcome === 'unchanged' ? 'policy file unchanged' : 'policy file loaded',
      );
      return change;
    } catch (err) {
      if (err instanceof PolicyError) lastFileText = text;
      log.error(
        { file, trigger, ...(err instanceof PolicyError ? { issues: err.issues } : { err }) },
        'policy file rejected; the running policy is unchanged',
      );
      throw err;
    }
  }

  /** A watch event: load the file if its text changed since it was last seen. */
  const checkFile = () =>
    serial(async () => {
      if (stopped) return;
      let text: string;
      try {
        text = await readPolicyFile();
      } catch (err) {
        // Mid-replace the file may be briefly absent; the next event retries.
        log.warn({ file, issues: issuesOf(err) }, 'policy file unreadable; unchanged');
        return;
      }
      if (text === lastFileText) return;
      await loadFromFile(text, 'watch');
    }).catch(() => undefined);

  const watch =
    file && options.watch !== false
      ? watchFile(file, () => void checkFile(), {
          debounceMs: options.debounceMs ?? 150,
          onError: (err) => log.error({ err, file }, 'policy file watch failed'),
        })
      : null;
  // The file may have changed while the server was starting.
  if (watch) void checkFile();

  return {
    current: () => state.current(),
    candidate: () => state.candidate(),
    state: () => state.snapshot(),
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
          const change = await install(yaml, source);
          const { current, candidate } = change.state;
          log.info({ source, outcome: change.outcome, current, candidate }, 'policy loaded');
          return change;
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
          text = await readPolicyFile();
        } catch (err) {
          log.error({ file, issues: issuesOf(err) }, 'policy file unreadable; unchanged');
          throw err;
        }
        return loadFromFile(text, 'reload');
      });
    },
    rollback() {
      return serial(async () => {
        const target = state.rollbackTarget();
        if (!target) throw new NoPreviousPolicyError();
        const from = state.current().version;
        const now = clock();
        await store.savePolicyVersion({
          version: target.policy.version,
          mode: target.policy.mode,
          source: 'rollback',
          yaml: target.yaml,
          now,
        });
        state.rollback({ ...target, source: 'rollback', loadedAt: now });
        log.info({ from, to: target.policy.version }, 'policy rolled back');
        return { outcome: 'rolled_back' as const, state: state.snapshot() };
      });
    },
    clearCandidate() {
      return serial(async () => {
        const version = state.candidate()?.version ?? null;
        const cleared = state.clearCandidate();
        if (cleared) log.info({ version }, 'policy candidate cleared; shadow evaluation stopped');
        return {
          outcome: cleared ? ('candidate_cleared' as const) : ('unchanged' as const),
          state: state.snapshot(),
        };
      });
    },
    async stop() {
      stopped = true;
      watch?.close();
      await chain;
    },
  };
}
