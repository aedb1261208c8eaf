import type {
  AttachmentRef,
  ChatMessage,
  HeldDraft,
  MessageRole,
  Notice,
  PendingAction,
  RiskTier,
} from '@baton/shared';
import type {
  Agent,
  Conversation,
  PolicyVersionRow,
  Site,
  StoredAttachment,
  StoredDecision,
  StoredPolicyState,
  TurnJob,
  Visitor,
} from '../types';

/** The customer's name a conversation shows: the storefront's context first, else identify's. */
export const CUSTOMER_NAME_SQL = "coalesce(v.context -> 'customer' ->> 'name', v.name)";

/** Rows as the drivers return them, mapped to the store's types. */
export type Row = Record<string, unknown>;

export const iso = (v: unknown): string =>
  (v instanceof Date ? v : new Date(String(v))).toISOString();
export const dateOrNull = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export function toSite(r: Row): Site {
  return {
    id: String(r.id),
    siteKey: String(r.site_key),
    name: String(r.name),
    allowedOrigins: (r.allowed_origins as string[]) ?? [],
  };
}

export function toVisitor(r: Row): Visitor {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    externalId: (r.external_id as string | null) ?? null,
    verifiedId: (r.verified_id as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    context: json(r.context) ?? {},
  };
}

export function toAgent(r: Row): Agent {
  return {
    id: String(r.id),
    email: String(r.email),
    name: String(r.name),
    passwordHash: String(r.password_hash),
    queues: (r.queues as string[]) ?? [],
    capacity: Number(r.capacity ?? 3),
    languages: (r.languages as string[] | null) ?? null,
    skills: (r.skills as string[] | null) ?? null,
  };
}

export function toConversation(r: Row): Conversation {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    visitorId: String(r.visitor_id),
    state: r.state as Conversation['state'],
    lastSeq: Number(r.last_seq),
    lane: r.lane as Conversation['lane'],
    unit: (r.unit as Conversation['unit']) ?? null,
    tier: Number(r.tier) as RiskTier,
    queue: (r.queue as string | null) ?? null,
    assignedAgentId: (r.assigned_agent_id as string | null) ?? null,
    enqueuedAt: dateOrNull(r.enqueued_at),
    slaDeadline: dateOrNull(r.sla_deadline),
    slaBreachedAt: dateOrNull(r.sla_breached_at),
    claimedAt: dateOrNull(r.claimed_at),
    resolvedAt: dateOrNull(r.resolved_at),
    emailLeft: (r.email_left as string | null) ?? null,
    packet: r.packet === null || r.packet === undefined ? null : json(r.packet),
    episode: Number(r.episode ?? 1),
    createdAt: dateOrNull(r.created_at) ?? new Date(0),
  };
}

export function toTurn(r: Row): TurnJob {
  return {
    messageId: String(r.message_id),
    conversationId: String(r.conversation_id),
    seq: Number(r.seq),
    kind: r.kind as TurnJob['kind'],
    priority: Boolean(r.priority),
    status: r.status as TurnJob['status'],
    attempts: Number(r.attempts),
  };
}

export function toDraft(r: Row): HeldDraft {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    messageId: String(r.message_id),
    text: String(r.text),
    status: r.status as HeldDraft['status'],
    reviewedBy: (r.reviewed_by as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

export function toAction(r: Row): PendingAction {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    action: String(r.action),
    intent: (r.intent as string | null) ?? null,
    amount:
      r.amount === null || r.amount === undefined
        ? null
        : { value: Number(r.amount), currency: (r.currency as string | null) ?? null },
    reasons: json<string[]>(r.reasons) ?? [],
    status: r.status as PendingAction['status'],
    decidedBy: (r.decided_by as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

export function toMessage(r: Row): ChatMessage {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    seq: Number(r.seq),
    role: r.role as MessageRole,
    text: String(r.text),
    authorName: (r.author_name as string | null) ?? null,
    clientId: (r.client_id as string | null) ?? null,
    createdAt: iso(r.created_at),
    ...(r.notice != null && { notice: json<Notice>(r.notice) }),
    ...(r.attachments != null && { attachments: json<AttachmentRef[]>(r.attachments) }),
  };
}

export function toAttachment(r: Row): StoredAttachment {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    uploaderRole: r.uploader_role as StoredAttachment['uploaderRole'],
    uploaderId: String(r.uploader_id),
    name: String(r.name),
    mime: r.mime as StoredAttachment['mime'],
    size: Number(r.size),
    sha256: String(r.sha256),
    storage: r.storage as StoredAttachment['storage'],
    messageId: (r.message_id as string | null) ?? null,
    createdAt: dateOrNull(r.created_at)!,
  };
}

export const one = async <T>(rows: Promise<Row[]>, map: (r: Row) => T): Promise<T | null> => {
  const [row] = await rows;
  return row ? map(row) : null;
};

export function toPolicyState(r: Row | undefined): StoredPolicyState {
  // Migration 4 inserts the row; its absence would mean a schema not migrated.
  if (!r) throw new Error('policy_state row missing: run the migrations');
  return {
    epoch: Number(r.epoch),
    enforced: (r.enforced as string[] | null) ?? [],
    provisional: (r.provisional as string | null) ?? null,
    candidate: (r.candidate as string | null) ?? null,
    fileHash: (r.file_sha256 as string | null) ?? null,
  };
}

export function toPolicyVersion(r: Row): PolicyVersionRow {
  return {
    id: String(r.id),
    version: String(r.version),
    mode: String(r.mode),
    source: String(r.source),
    yaml: String(r.yaml),
    loadedAt: dateOrNull(r.loaded_at) ?? new Date(0),
  };
}

/** A decisions row, plain or as `to_jsonb` renders it. */
export function toDecisionRecord(r: Row): StoredDecision & { id: string } {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    messageId: (r.message_id as string | null) ?? null,
    turn: Number(r.turn),
    mode: r.mode as StoredDecision['mode'],
    decision: json(r.decision),
    shadow: r.shadow === null || r.shadow === undefined ? null : json(r.shadow),
    facts: json(r.facts),
    now: dateOrNull(r.created_at) ?? new Date(0),
    episode: Number(r.episode ?? 1),
  };
}

/**
 * Runs an upsert (INSERT … ON CONFLICT on its key) again once if it met a unique violation: when
 * nodes seed the same row at the same moment, the loser conflicts on another unique column
 * (ON CONFLICT covers one index only), and on the second try the row is there to update.
 */
export async function upsertRetried(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await write();
  }
}
