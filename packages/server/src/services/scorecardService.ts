import {
  BatonError,
  ErrorCode,
  SCORECARD_MAX_DAYS,
  auditDrawSchema,
  auditVerdictSchema,
  parsePayload,
  scorecardQuerySchema,
  type AuditSample,
  type ChatMessage,
  type DecisionSummary,
  type Scorecard,
  type ScorecardDimension,
} from '@baton/shared';
import { routeQueue } from '@baton/escalation';
import type { Agent, AuditRow, ScorecardConversationFacts, Store } from '../storage';
import { summarizeDecision } from './agentService';
import type { Clock } from './clock';
import type { PolicyHolder } from './policyHolder';
import type { QueueService } from './queueService';
import { changeOf, computeScorecard, factsOfVersion, metricRows } from './scorecard';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Without `from`, a scorecard covers the 30 days before `to` (default: now). */
export const DEFAULT_SCORECARD_DAYS = 30;
const AUDIT_LIST_LIMIT = 200;

export interface ScorecardServiceDeps {
  store: Store;
  policy: PolicyHolder;
  queues: Pick<QueueService, 'resolveQueue'>;
  clock: Clock;
}

/** Who submits a verdict: an agent (their queues only) or the administrator. */
export type Auditor = { agent: Agent } | { admin: true };

const invalid = (path: string, message: string) =>
  new BatonError(ErrorCode.INVALID_PAYLOAD, `Invalid query — ${path}: ${message}`, {
    issues: [{ path, message }],
  });

export interface ParsedScorecardQuery {
  from: Date;
  to: Date;
  by: ScorecardDimension;
  format: 'json' | 'csv';
  /** The version judged (next to the one before it); null for the whole period. */
  version: string | null | 'current';
}

/** Validates the query string: INVALID_PAYLOAD naming the field on anything off. */
export function parseScorecardQuery(raw: unknown, now: Date): ParsedScorecardQuery {
  const query = parsePayload(scorecardQuerySchema, raw ?? {});
  const to = query.to === undefined ? now : new Date(query.to);
  const from =
    query.from === undefined
      ? new Date(to.getTime() - DEFAULT_SCORECARD_DAYS * DAY_MS)
      : new Date(query.from);
  if (from.getTime() >= to.getTime()) throw invalid('from', 'must be before to');
  if (to.getTime() - from.getTime() > SCORECARD_MAX_DAYS * DAY_MS) {
    throw invalid('to', `the period may span at most ${SCORECARD_MAX_DAYS} days`);
  }
  return {
    from,
    to,
    by: query.by ?? 'queue',
    format: query.format ?? 'json',
    version: query.policyVersion ?? (query.compare === 'policyVersion' ? 'current' : null),
  };
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The scorecard as CSV: one line per metric value of every section and group. */
export function scorecardCsv(card: Scorecard): string {
  const lines = [['scope', 'group', 'metric', 'numerator', 'denominator', 'value']];
  const scope = card.policyVersion === null ? 'all' : `policyVersion=${card.policyVersion}`;
  const section = (
    name: string,
    s: { overall: Scorecard['overall']; groups: Scorecard['groups'] },
  ) => {
    const add = (group: string, m: Scorecard['overall']) => {
      for (const r of metricRows(m)) {
        lines.push([name, group, r.metric, r.numerator, r.denominator, r.value].map(csvCell));
      }
    };
    add('overall', s.overall);
    for (const g of s.groups) add(`${card.by}=${g.key}`, g.metrics);
  };
  section(scope, card);
  const c = card.comparison;
  if (c?.previous && c.previousVersion) section(`policyVersion=${c.previousVersion}`, c.previous);
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

export function createScorecardService(deps: ScorecardServiceDeps) {
  const { store, clock } = deps;

  /** A conversation that never left the assistant: where the acting routing would send it. */
  const routedQueue = (c: Pick<ScorecardConversationFacts, 'maxTier' | 'domain'>) =>
    deps.queues.resolveQueue(routeQueue(deps.policy.current(), c.maxTier, c.domain));

  /** The enforce version loaded before `version` was first loaded (else any other before it). */
  async function previousVersion(version: string): Promise<string | null> {
    const history = (await store.listPolicyVersions(1_000)).reverse(); // oldest first
    const first = history.findIndex((v) => v.version === version);
    if (first < 0) return null;
    const before = history.slice(0, first).reverse();
    return (
      before.find((v) => v.version !== version && v.mode === 'enforce')?.version ??
      before.find((v) => v.version !== version)?.version ??
      null
    );
  }

  async function report(query: ParsedScorecardQuery): Promise<Scorecard> {
    const facts = await store.scorecardFacts(query.from, query.to);
    const base = {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      by: query.by,
      generatedAt: clock().toISOString(),
    };
    if (query.version === null) {
      return {
        ...base,
        policyVersion: null,
        ...computeScorecard(facts, query.by, routedQueue),
        comparison: null,
      };
    }
    const version = query.version === 'current' ? deps.policy.current().version : query.version;
    const current = computeScorecard(factsOfVersion(facts, version), query.by, routedQueue);
    const prior = await previousVersion(version);
    const previous =
      prior === null ? null : computeScorecard(factsOfVersion(facts, prior), query.by, routedQueue);
    return {
      ...base,
      policyVersion: version,
      ...current,
      comparison: {
        version,
        previousVersion: prior,
        previous,
        change: previous ? changeOf(current.overall, previous.overall) : {},
      },
    };
  }

  const toSample = (a: AuditRow): AuditSample => ({
    conversationId: a.conversationId,
    queue: a.queue,
    intent: a.intent,
    tier: a.tier,
    drawnAt: a.drawnAt.toISOString(),
    verdict: a.verdict,
    note: a.note,
    auditedBy: a.auditedBy,
    auditedAt: a.auditedAt?.toISOString() ?? null,
  });

  /**
   * Draws assistant-only conversations for audit: those whose stable id hash falls under
   * `share`. Reproducible (the same share selects the same conversations) and idempotent across
   * calls and nodes (a conversation is drawn once); each goes to the queue the acting routing
   * would send its topic to, whose agents audit it.
   */
  async function drawAudits(raw: unknown) {
    const p = parsePayload(auditDrawSchema, raw ?? {});
    const from = new Date(p.from);
    const to = new Date(p.to);
    if (from.getTime() >= to.getTime()) throw invalid('from', 'must be before to');
    const candidates = await store.auditCandidates({
      from,
      to,
      share: p.share,
      minTier: p.minTier ?? 1,
    });
    const drawn = await store.insertAuditSamples(
      candidates.map((c) => ({
        conversationId: c.conversationId,
        queue: routedQueue({ maxTier: c.tier, domain: c.domain }),
      })),
      p.share,
      clock(),
    );
    return { drawn };
  }

  const queuesOf = (who: Auditor) => ('agent' in who ? who.agent.queues : null);

  async function listAudits(who: Auditor, pendingOnly: boolean) {
    const rows = await store.listAudits({
      queues: queuesOf(who),
      pendingOnly,
      limit: AUDIT_LIST_LIMIT,
    });
    return { audits: rows.map(toSample) };
  }

  async function auditFor(who: Auditor, conversationId: string): Promise<AuditRow> {
    const audit = await store.getAudit(conversationId);
    if (!audit) throw new BatonError(ErrorCode.NOT_FOUND, 'No audit for this conversation');
    const queues = queuesOf(who);
    if (queues && !queues.includes(audit.queue)) {
      throw new BatonError(ErrorCode.FORBIDDEN, 'This audit belongs to a queue you are not in');
    }
    return audit;
  }

  /** What the auditor reads: the audit, the transcript and the decisions made. */
  async function auditDetail(
    who: Auditor,
    conversationId: string,
  ): Promise<{ audit: AuditSample; messages: ChatMessage[]; decisions: DecisionSummary[] }> {
    const audit = await auditFor(who, conversationId);
    const [messages, decisions] = await Promise.all([
      store.listMessages(conversationId),
      store.listDecisions(conversationId),
    ]);
    return { audit: toSample(audit), messages, decisions: decisions.map(summarizeDecision) };
  }

  async function submitVerdict(who: Auditor, conversationId: string, raw: unknown) {
    const p = parsePayload(auditVerdictSchema, raw ?? {});
    await auditFor(who, conversationId);
    const row = await store.recordAuditVerdict({
      conversationId,
      verdict: p.verdict,
      note: p.note ?? null,
      auditedBy: 'agent' in who ? who.agent.id : 'admin',
      now: clock(),
    });
    if (!row) throw new BatonError(ErrorCode.NOT_FOUND, 'No audit for this conversation');
    return { audit: toSample(row) };
  }

  return {
    parse: (raw: unknown) => parseScorecardQuery(raw, clock()),
    report,
    csv: scorecardCsv,
    drawAudits,
    listAudits,
    auditDetail,
    submitVerdict,
  };
}
export type ScorecardService = ReturnType<typeof createScorecardService>;
