import { randomUUID } from 'node:crypto';
import type { Store } from '../types';
import { toPolicyState, toPolicyVersion, dateOrNull } from './rows';
import type { SqlContext } from './context';

/** Policy versions and the shared policy state all nodes follow. */
export const policyQueries = ({ q, db }: SqlContext) =>
  ({
    async savePolicyVersion({ version, mode, source, yaml, now }) {
      await q(
        `INSERT INTO policy_versions (id, version, mode, source, yaml, loaded_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), version, mode, source, yaml, now],
      );
    },
    async listPolicyVersions(limit) {
      const rows = await q('SELECT * FROM policy_versions ORDER BY loaded_at DESC, id LIMIT $1', [
        limit,
      ]);
      return rows.map((r) => ({
        version: String(r.version),
        mode: String(r.mode),
        source: String(r.source),
        yaml: String(r.yaml),
        loadedAt: dateOrNull(r.loaded_at) ?? new Date(0),
      }));
    },
    async getPolicyEpoch() {
      const [row] = await q('SELECT epoch FROM policy_state WHERE id = 1');
      return row ? Number(row.epoch) : 0;
    },
    async getPolicyState() {
      return toPolicyState((await q('SELECT * FROM policy_state WHERE id = 1'))[0]);
    },
    async getPolicyVersions(ids) {
      if (ids.length === 0) return [];
      const rows = await q('SELECT * FROM policy_versions WHERE id = ANY($1)', [ids]);
      return rows.map(toPolicyVersion);
    },
    updatePolicyState(fn) {
      return db.transaction(async (ex) => {
        // The row lock serialises changes from every node, including nodes starting together.
        const state = toPolicyState(
          (await q('SELECT * FROM policy_state WHERE id = 1 FOR UPDATE', [], ex))[0],
        );
        const { next, result } = await fn({
          state,
          async getVersions(ids) {
            if (ids.length === 0) return [];
            const rows = await q('SELECT * FROM policy_versions WHERE id = ANY($1)', [ids], ex);
            return rows.map(toPolicyVersion);
          },
          async recentVersions(limit) {
            const rows = await q(
              'SELECT * FROM policy_versions ORDER BY loaded_at DESC, id LIMIT $1',
              [limit],
              ex,
            );
            return rows.map(toPolicyVersion);
          },
          async hasVersion(version, mode) {
            const rows = await q(
              'SELECT 1 FROM policy_versions WHERE version = $1 AND mode = $2 LIMIT 1',
              [version, mode],
              ex,
            );
            return rows.length > 0;
          },
          async saveVersion({ version, mode, source, yaml, now }) {
            const [row] = await q(
              `INSERT INTO policy_versions (id, version, mode, source, yaml, loaded_at)
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
              [randomUUID(), version, mode, source, yaml, now],
              ex,
            );
            return toPolicyVersion(row!);
          },
        });
        if (!next) return { result, epoch: state.epoch };
        const [row] = await q(
          `UPDATE policy_state SET epoch = epoch + 1, enforced = $1, provisional = $2,
             candidate = $3, file_sha256 = $4, updated_at = now()
           WHERE id = 1 RETURNING epoch`,
          [next.enforced, next.provisional, next.candidate, next.fileHash],
          ex,
        );
        return { result, epoch: Number(row!.epoch) };
      });
    },
    // --- end shared policy state ---
  }) satisfies Partial<Store>;
