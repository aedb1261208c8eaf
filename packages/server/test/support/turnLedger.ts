import type { SqlExecutor } from '../../src/storage';

export interface TurnFigures {
  customerMessages: number;
  /** Turns still pending when the wait ended. */
  unfinished: number;
  /** Answered by the assistant (a reply linked to the message). */
  answered: number;
  /** Held for a person or escalated (held draft, pending action, silent human lane). */
  escalated: number;
  /** Acked messages with no turn, a turn never finished, or an answer that was never written. */
  lost: number;
  /** Messages with more than one decision / more than one assistant reply. */
  duplicatedDecisions: number;
  duplicatedReplies: number;
  /** Messages with more than one held draft. */
  duplicatedDrafts: number;
  /** Turns handed to a person whose conversation is nevertheless not with a person's queue. */
  escalatedButNotQueued: number;
}

/**
 * Waits until the conversations have no pending turn (or `timeoutMs`), then accounts for every
 * customer message: answered or escalated exactly once, or lost.
 */
export async function turnLedger(
  db: SqlExecutor,
  conversationIds: string | string[],
  { timeoutMs }: { timeoutMs: number },
): Promise<{ figures: TurnFigures; turnNumbers: number[]; waitedMs: number }> {
  const ids = Array.isArray(conversationIds) ? conversationIds : [conversationIds];
  const started = Date.now();
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM turns WHERE conversation_id = ANY($1) AND status = 'pending'`,
      [ids],
    );
    if (Number(row?.n) === 0 || Date.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const waitedMs = Date.now() - started;
  const rows = await db.query<{
    id: string;
    status: string | null;
    act: string | null;
    replies: number;
    decisions: number;
    drafts: number;
    state: string;
    turn: number | null;
  }>(
    `SELECT m.id, t.status, t.act,
       (SELECT count(*)::int FROM messages r WHERE r.reply_to = m.id AND r.role = 'assistant') AS replies,
       (SELECT count(*)::int FROM decisions d WHERE d.message_id = m.id) AS decisions,
       (SELECT count(*)::int FROM held_drafts h WHERE h.message_id = m.id) AS drafts,
       (SELECT min(d.turn) FROM decisions d WHERE d.message_id = m.id) AS turn,
       c.state
     FROM messages m LEFT JOIN turns t ON t.message_id = m.id
     JOIN conversations c ON c.id = m.conversation_id
     WHERE m.conversation_id = ANY($1) AND m.role = 'customer'
     ORDER BY m.conversation_id, m.seq`,
    [ids],
  );
  const figures: TurnFigures = {
    customerMessages: rows.length,
    unfinished: rows.filter((r) => r.status === 'pending').length,
    answered: rows.filter((r) => r.status === 'done' && r.act === 'reply' && r.replies === 1)
      .length,
    escalated: rows.filter((r) => r.status === 'done' && r.act !== 'reply').length,
    lost: rows.filter((r) => r.status !== 'done' || (r.act === 'reply' && Number(r.replies) === 0))
      .length,
    duplicatedDecisions: rows.filter((r) => Number(r.decisions) > 1).length,
    duplicatedReplies: rows.filter((r) => Number(r.replies) > 1).length,
    duplicatedDrafts: rows.filter((r) => Number(r.drafts) > 1).length,
    // Nobody resolves in these runs: a turn given to a person leaves its conversation waiting.
    escalatedButNotQueued: rows.filter(
      (r) =>
        r.status === 'done' && r.act !== 'reply' && r.state !== 'queued' && r.state !== 'assigned',
    ).length,
  };
  const turnNumbers = rows.map((r) => r.turn).filter((t): t is number => t !== null);
  return { figures, turnNumbers: turnNumbers.map(Number), waitedMs };
}
