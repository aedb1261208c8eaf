/**
 * The escalation scorecard: what the stored decisions, reviews, claims and outcomes say about how
 * well escalation works, over a period. Served as JSON (and CSV) to administrators and agents.
 */
import { z } from 'zod';

export const SCORECARD_DIMENSIONS = ['queue', 'intent', 'tier', 'policyVersion'] as const;
export type ScorecardDimension = (typeof SCORECARD_DIMENSIONS)[number];

/** The longest period one scorecard may cover. */
export const SCORECARD_MAX_DAYS = 366;

const isoDate = z
  .string()
  .max(64)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date or date-time');

/** Query string of GET /api/admin/scorecard (and the agents' /api/agent/scorecard). */
export const scorecardQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    by: z.enum(SCORECARD_DIMENSIONS).optional(),
    format: z.enum(['json', 'csv']).optional(),
    /** Judge one policy version: its scorecard next to the previous version's. */
    policyVersion: z.string().min(1).max(128).optional(),
    /** `policyVersion`: the acting version (or `policyVersion`) next to the one before it. */
    compare: z.literal('policyVersion').optional(),
  })
  .strict();
export type ScorecardQuery = z.infer<typeof scorecardQuerySchema>;

export const AUDIT_VERDICTS = ['ok', 'missed'] as const;
export type AuditVerdict = (typeof AUDIT_VERDICTS)[number];

/** POST /api/agent/audits/:conversationId (and the admin's): an audited conversation's verdict. */
export const auditVerdictSchema = z
  .object({
    verdict: z.enum(AUDIT_VERDICTS),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type AuditVerdictPayload = z.infer<typeof auditVerdictSchema>;

/** POST /api/admin/audits/draw: sample conversations the assistant handled alone for audit. */
export const auditDrawSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Share of eligible conversations drawn (by a stable hash of their id), 0 < share ≤ 1. */
    share: z.number().gt(0).max(1),
    /** Only conversations whose highest decided tier is at least this. */
    minTier: z.number().int().min(1).max(4).optional(),
  })
  .strict();
export type AuditDrawPayload = z.infer<typeof auditDrawSchema>;

/** A share: `rate` is numerator / denominator, null when there is nothing to divide by. */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** Counts of the ratings 1–5. */
export type Distribution = Record<'1' | '2' | '3' | '4' | '5', number>;

export interface ScorecardMetrics {
  /** Conversations started in the period with at least one stored decision. */
  conversations: number;
  /** Conversations whose every decision was autonomous and that never reached a person. */
  autonomousResolution: Ratio;
  /** Held drafts of those conversations, by how the agent reviewed them. */
  draftAcceptance: {
    reviewed: number;
    approved: Ratio;
    edited: Ratio;
    rejected: Ratio;
    /** Never reviewed: still pending, or closed with the episode. */
    pending: number;
    closed: number;
  };
  /** Escalated conversations a person handled where the person overrode the assistant. */
  humanOverride: Ratio & {
    draftRejected: number;
    actionDenied: number;
    outcomeUnnecessary: number;
  };
  /** Conversations that started below the human lane and needed a person later. */
  lateEscalation: Ratio & { byDecision: number; byOutcome: number };
  /** Autonomous-only conversations followed by a contact on the same issue within 7 days. */
  recontact7d: Ratio & { unknownTopic: number };
  /** Audited autonomous-only conversations an auditor found should have gone to a person. */
  missReview: Ratio & { sampled: number; pending: number };
  packetUsefulness: { count: number; mean: number | null; distribution: Distribution };
  /** Claimed conversations transferred after the claim. */
  specialistBounce: Ratio & { note: string | null };
  waitEstimate: {
    /** Claims (queued stays ended by a person taking them). */
    claims: number;
    /** Claims whose customer was shown an estimate; the rest saw "no estimate yet". */
    withEstimate: number;
    medianAbsErrorMinutes: number | null;
    /** Claims that came within the promised minutes, of those with an estimate. */
    withinEstimate: Ratio;
  };
  /** Queued stays claimed by their SLA deadline, of those claimed or breached. */
  slaAttainment: Ratio & { breaches: number };
  csat: { count: number; mean: number | null; distribution: Distribution; satisfied: Ratio };
}

export interface ScorecardGroup {
  key: string;
  metrics: ScorecardMetrics;
}

export interface ScorecardSection {
  overall: ScorecardMetrics;
  groups: ScorecardGroup[];
}

export interface Scorecard extends ScorecardSection {
  from: string;
  to: string;
  by: ScorecardDimension;
  /** Set when the scorecard is restricted to one policy version. */
  policyVersion: string | null;
  generatedAt: string;
  /** The same period under the version before `policyVersion` (policy comparison). */
  comparison: {
    version: string;
    previousVersion: string | null;
    previous: ScorecardSection | null;
    /** current rate − previous rate per share metric; null where either is null. */
    change: Record<string, number | null>;
  } | null;
}

/** An audit of a conversation the assistant handled alone. */
export interface AuditSample {
  conversationId: string;
  queue: string;
  intent: string | null;
  tier: number;
  drawnAt: string;
  verdict: AuditVerdict | null;
  note: string | null;
  auditedBy: string | null;
  auditedAt: string | null;
}
