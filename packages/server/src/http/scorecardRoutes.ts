import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { parsePayload } from '@baton/shared';
import type { Auditor, ScorecardService } from '../services/scorecardService';

const auditListSchema = z.object({ status: z.enum(['pending', 'all']).optional() }).strict();

type Handler = (req: Request, res: Response) => Promise<unknown>;
const wrap = (fn: Handler) => async (req: Request, res: Response, next: NextFunction) => {
  try {
    await fn(req, res);
  } catch (err) {
    next(err);
  }
};

/** Sends the scorecard the query asks for, as JSON or (`csv`) as a CSV download. */
async function sendScorecard(service: ScorecardService, req: Request, res: Response, csv: boolean) {
  const query = service.parse(req.query);
  const card = await service.report(query);
  res.set('Cache-Control', 'no-store');
  if (csv || query.format === 'csv') {
    const name = `baton-scorecard-${card.from.slice(0, 10)}-${card.to.slice(0, 10)}-by-${card.by}.csv`;
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${name}"`)
      .send(service.csv(card));
    return;
  }
  res.json(card);
}

/**
 * The scorecard and the audits, for whoever `auditor` says the request comes from (it throws
 * UNAUTHORIZED without valid credentials): `/scorecard`, `/scorecard.csv`, `/audits`,
 * `/audits/:conversationId` (read, and POST a verdict). Admins also draw samples.
 */
export function createScorecardRouter(
  service: ScorecardService,
  auditor: (req: Request) => Promise<Auditor>,
) {
  const router = express.Router();
  router.get(
    '/scorecard',
    wrap(async (req, res) => {
      await auditor(req);
      await sendScorecard(service, req, res, false);
    }),
  );
  router.get(
    '/scorecard.csv',
    wrap(async (req, res) => {
      await auditor(req);
      await sendScorecard(service, req, res, true);
    }),
  );
  router.get(
    '/audits',
    wrap(async (req, res) => {
      const who = await auditor(req);
      const { status } = parsePayload(auditListSchema, req.query ?? {});
      res.json(await service.listAudits(who, (status ?? 'pending') === 'pending'));
    }),
  );
  router.post(
    '/audits/draw',
    express.json({ limit: '16kb' }),
    wrap(async (req, res) => {
      const who = await auditor(req);
      if (!('admin' in who)) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } });
        return;
      }
      res.json(await service.drawAudits(req.body));
    }),
  );
  router.get(
    '/audits/:conversationId',
    wrap(async (req, res) => {
      const who = await auditor(req);
      res.json(await service.auditDetail(who, String(req.params.conversationId)));
    }),
  );
  router.post(
    '/audits/:conversationId',
    express.json({ limit: '16kb' }),
    wrap(async (req, res) => {
      const who = await auditor(req);
      res.json(await service.submitVerdict(who, String(req.params.conversationId), req.body));
    }),
  );
  return router;
}
