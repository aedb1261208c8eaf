import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { BatonError, ErrorCode } from '@baton/shared';
import { PolicyError } from '@baton/escalation';
import { NoPreviousPolicyError, type PolicyChange, type PolicyManager } from '../policy';
import type { AgentService } from '../services';
import type { Store } from '../storage/types';
import type { ScorecardService } from '../services/scorecardService';
import { createScorecardRouter } from './scorecardRoutes';

export interface AdminDeps {
  /** The bearer token every admin request must carry. */
  token: string;
  policy: PolicyManager;
  store: Pick<Store, 'listShadowDifferences'>;
  /** Token revocation; without it the route answers 404. */
  agents?: Pick<AgentService, 'revokeSessions'>;
  /** The scorecard and the audits (`/scorecard`, `/audits`); absent, not mounted. */
  scorecard?: ScorecardService;
}

const POLICY_BODY_LIMIT = '256kb';
const HISTORY_LIMIT = 20;

type Decision = Awaited<ReturnType<Store['listShadowDifferences']>>[number]['decision'];

const summarise = (d: Decision) => ({
  lane: d.lane,
  unit: d.unit,
  tier: d.tier,
  queue: d.queue,
  triggers: d.triggers.map((t) => t.name),
  policyVersion: d.policyVersion,
});

/** Policy governance over HTTP, mounted at `/api/admin`; every route needs the admin token. */
export function createAdminRouter(deps: AdminDeps) {
  const router = express.Router();
  // Hashing both sides gives equal lengths for timingSafeEqual and hides the token's length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = digest(deps.token);

  router.use((req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="baton-admin"');
      return next(new BatonError(ErrorCode.UNAUTHORIZED, 'Missing or invalid admin token'));
    }
    next();
  });

  const state = async () => ({
    ...deps.policy.state(),
    history: await deps.policy.history(HISTORY_LIMIT),
  });
  const reply = async (res: Response, change: PolicyChange) =>
    res.json({ outcome: change.outcome, ...(await state()) });

  /** Wraps a handler: policy errors become 400 with the failing fields, a missing rollback 409. */
  const handle =
    (fn: (req: Request, res: Response) => Promise<unknown>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await fn(req, res);
      } catch (err) {
        if (err instanceof PolicyError) {
          return next(
            new BatonError(ErrorCode.INVALID_PAYLOAD, err.message, { issues: err.issues }),
          );
        }
        if (err instanceof NoPreviousPolicyError) {
          return void res
            .status(409)
            .json({ error: { code: 'NO_PREVIOUS_VERSION', message: err.message } });
        }
        next(err);
      }
    };

  router.get(
    '/policy',
    handle(async (_req, res) => {
      // The state is shared by all nodes: answer with the stored one, not this node's last poll.
      await deps.policy.sync();
      res.json(await state());
    }),
  );

  router.put(
    '/policy',
    express.text({
      type: ['text/*', 'application/yaml', 'application/x-yaml'],
      limit: POLICY_BODY_LIMIT,
    }),
    express.json({ limit: POLICY_BODY_LIMIT }),
    handle(async (req, res) => {
      const body: unknown = req.body;
      const yaml =
        typeof body === 'string'
          ? body
          : body && typeof (body as { yaml?: unknown }).yaml === 'string'
            ? (body as { yaml: string }).yaml
            : null;
      if (yaml === null || yaml.trim() === '') {
        throw new BatonError(
          ErrorCode.INVALID_PAYLOAD,
          'Send the policy as YAML (Content-Type: text/yaml) or as JSON {"yaml": "..."}',
        );
      }
      await reply(res, await deps.policy.load(yaml, 'admin'));
    }),
  );

  router.post(
    '/policy/reload',
    handle(async (_req, res) => reply(res, await deps.policy.reload())),
  );
  router.post(
    '/policy/rollback',
    handle(async (_req, res) => reply(res, await deps.policy.rollback())),
  );
  router.delete(
    '/policy/candidate',
    handle(async (_req, res) => reply(res, await deps.policy.clearCandidate())),
  );

  router.get(
    '/shadow',
    handle(async (req, res) => {
      const raw = req.query.limit === undefined ? 50 : Number(req.query.limit);
      if (!Number.isInteger(raw) || raw < 1 || raw > 500) {
        throw new BatonError(ErrorCode.INVALID_PAYLOAD, 'limit must be an integer from 1 to 500', {
          issues: [{ path: 'limit', message: 'Expected an integer from 1 to 500' }],
        });
      }
      const rows = await deps.store.listShadowDifferences(raw);
      res.json({
        differences: rows.map((r) => ({
          id: r.id,
          conversationId: r.conversationId,
          turn: r.turn,
          at: r.now.toISOString(),
          differs: r.differences,
          acted: summarise(r.decision),
          shadow: r.shadow ? summarise(r.shadow) : null,
        })),
      });
    }),
  );

  // Token revocation: every session of the agent ends and its open sockets close on every node.
  router.delete(
    '/agents/:id/sessions',
    handle(async (req, res) => {
      if (!deps.agents) throw new BatonError(ErrorCode.NOT_FOUND, 'Not found');
      res.json(await deps.agents.revokeSessions(String(req.params.id)));
    }),
  );

  // The scorecard (JSON and CSV) and the high-risk miss review; the token was checked above.
  if (deps.scorecard) {
    router.use(createScorecardRouter(deps.scorecard, async () => ({ admin: true })));
  }

  return router;
}
