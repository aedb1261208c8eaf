import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parsePolicy, PolicyError, type Policy, type PolicyIssue } from '@baton/escalation';
import type { PolicyStateWrite, PolicyVersionRow, StoredPolicyState } from '../storage/types';
import {
  mapLayout,
  restorePolicyState,
  type PolicyEntry,
  type PolicySource,
  type PolicyState,
} from './policyState';

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

/** The policy file's text; an unreadable file is a PolicyError naming it. */
export async function readPolicyFile(file: string | null): Promise<string> {
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

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const SOURCES: readonly string[] = [
  'file',
  'admin',
  'rollback',
  'startup',
] satisfies PolicySource[];

/** The stored form of a state: every entry in it must have been stored (have an id). */
export function toWrite(state: PolicyState, fileHash: string | null): PolicyStateWrite {
  const ids = mapLayout(state.layout(), (e) => {
    if (!e.id) throw new Error(`policy ${e.policy.version} was not stored before it was applied`);
    return e.id;
  });
  return { ...ids, fileHash };
}

export function sameWrite(stored: StoredPolicyState, next: PolicyStateWrite): boolean {
  return (
    stored.enforced.length === next.enforced.length &&
    stored.enforced.every((id, i) => id === next.enforced[i]) &&
    stored.provisional === next.provisional &&
    stored.candidate === next.candidate &&
    stored.fileHash === next.fileHash
  );
}

/**
 * Turns stored states into in-memory ones. Each stored version is validated with this node's
 * check once and kept by id (versions are never changed once stored), so following a change
 * costs only the versions new to this node.
 */
export function createVersionCache(check: PolicyCheck | undefined, log: PolicyLog) {
  const valid = new Map<string, PolicyEntry>();
  const rejected = new Map<string, { version: string; issues: PolicyIssue[] }>();

  function admit(row: PolicyVersionRow) {
    try {
      const policy = validatePolicyText(row.yaml, check);
      const source = (SOURCES.includes(row.source) ? row.source : 'admin') as PolicySource;
      valid.set(row.id, { policy, yaml: row.yaml, source, loadedAt: row.loadedAt, id: row.id });
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      rejected.set(row.id, { version: row.version, issues: err.issues });
      // Said once per version: the state naming it may be followed many times.
      log.warn(
        { version: row.version, issues: err.issues },
        'stored policy version rejected by this node',
      );
    }
  }

  return {
    /** An entry just stored by this node. */
    remember(entry: PolicyEntry) {
      if (entry.id) valid.set(entry.id, entry);
    },
    /** Validates stored rows (e.g. history from before the state was shared); null if rejected. */
    entryOf(row: PolicyVersionRow): PolicyEntry | null {
      if (!valid.has(row.id) && !rejected.has(row.id)) admit(row);
      return valid.get(row.id) ?? null;
    },
    /**
     * The in-memory state a stored one describes (a new object each call). Rollback targets and
     * a candidate this node rejects are left out; throws PolicyError when it rejects the acting
     * version, as it cannot act on it.
     */
    async restore(
      stored: StoredPolicyState,
      fetch: (ids: string[]) => Promise<PolicyVersionRow[]>,
    ): Promise<PolicyState> {
      const actingId = stored.enforced.at(-1) ?? stored.provisional;
      if (actingId === null || actingId === undefined) {
        throw new Error('the stored policy state has no acting version');
      }
      const ids = [...new Set([...stored.enforced, stored.provisional, stored.candidate])].filter(
        (id): id is string => id !== null,
      );
      const missing = ids.filter((id) => !valid.has(id) && !rejected.has(id));
      if (missing.length > 0) {
        const rows = await fetch(missing);
        for (const row of rows) admit(row);
        for (const id of missing) {
          if (!rows.some((r) => r.id === id)) {
            rejected.set(id, {
              version: id,
              issues: [{ path: '(stored)', message: `policy version row ${id} is missing` }],
            });
          }
        }
      }
      const bad = rejected.get(actingId);
      if (bad) {
        throw new PolicyError([
          {
            path: '(stored)',
            message: `the acting policy version "${bad.version}" is rejected by this node: ${bad.issues
              .map((i) => `${i.path}: ${i.message}`)
              .join('; ')}`,
          },
        ]);
      }
      const get = (id: string | null) => (id === null ? null : (valid.get(id) ?? null));
      return restorePolicyState({
        enforced: stored.enforced.map(get).filter((e): e is PolicyEntry => e !== null),
        provisional: get(stored.provisional),
        candidate: get(stored.candidate),
      });
    },
  };
}

export type VersionCache = ReturnType<typeof createVersionCache>;
