import { parsePolicy, type Policy } from '@baton/escalation';
import type { PolicyVersionRow, Store, StoredPolicyState } from '../storage/types';

/** A small valid policy text for tests; `extra` is appended YAML. */
export function policyText(version: string, mode: 'enforce' | 'shadow' = 'enforce', extra = '') {
  return [
    `version: ${version}`,
    `mode: ${mode}`,
    'confidence: { default: 0.7 }',
    'limits: { refund: { maxAmount: 100, currency: USD } }',
    'routing: { default: general, domains: { billing: billing } }',
    'sla: { 1: 60, 2: 30, 3: 15, 4: 10 }',
    extra,
  ].join('\n');
}

export function testPolicy(version: string, mode: 'enforce' | 'shadow' = 'enforce', extra = '') {
  return parsePolicy(policyText(version, mode, extra));
}

export const entryOf = (policy: Policy, at = new Date('2025-01-01T00:00:00Z')) => ({
  policy,
  yaml: '',
  source: 'admin' as const,
  loadedAt: at,
});

interface Saved {
  version: string;
  mode: string;
  source: string;
  yaml: string;
  now: Date;
}

/**
 * The policy part of the Store in memory, shared by several managers as by nodes: changes are
 * serialised like the row lock, and a change that throws stores nothing (like a rollback).
 */
export function memoryPolicyStore(initial: Saved[] = []) {
  let nextId = 0;
  const row = (v: Saved): PolicyVersionRow => ({
    id: `pv-${++nextId}`,
    version: v.version,
    mode: v.mode,
    source: v.source,
    yaml: v.yaml,
    loadedAt: v.now,
  });
  const rows: PolicyVersionRow[] = initial.map(row);
  let state: StoredPolicyState = {
    epoch: 0,
    enforced: [],
    provisional: null,
    candidate: null,
    fileHash: null,
  };
  let lock: Promise<unknown> = Promise.resolve();
  const newestFirst = (list: PolicyVersionRow[], limit: number) =>
    [...list].reverse().slice(0, limit);
  return {
    /** Every stored version, oldest first. */
    get saved() {
      return rows.map(({ version, mode, source, yaml }) => ({ version, mode, source, yaml }));
    },
    get stored() {
      return state;
    },
    async listPolicyVersions(limit: number) {
      return newestFirst(rows, limit);
    },
    async getPolicyEpoch() {
      return state.epoch;
    },
    async getPolicyState() {
      return { ...state, enforced: [...state.enforced] };
    },
    async getPolicyVersions(ids: string[]) {
      return rows.filter((r) => ids.includes(r.id));
    },
    updatePolicyState<T>(fn: Parameters<Store['updatePolicyState']>[0]) {
      const run = lock.then(async () => {
        const pending: PolicyVersionRow[] = [];
        const { next, result } = await fn({
          state: { ...state, enforced: [...state.enforced] },
          getVersions: async (ids) => [...rows, ...pending].filter((r) => ids.includes(r.id)),
          recentVersions: async (limit) => newestFirst([...rows, ...pending], limit),
          hasVersion: async (version, mode) =>
            [...rows, ...pending].some((r) => r.version === version && r.mode === mode),
          saveVersion: async (v) => {
            const r = row(v);
            pending.push(r);
            return r;
          },
        });
        rows.push(...pending);
        if (next) state = { ...next, epoch: state.epoch + 1 };
        return { result: result as T, epoch: state.epoch };
      });
      lock = run.catch(() => undefined);
      return run;
    },
  };
}
