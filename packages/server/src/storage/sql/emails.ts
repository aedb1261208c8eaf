import type { Email, Store } from '../types';
import { dateOrNull, type Row } from './rows';
import type { SqlContext } from './context';

const toEmail = (r: Row): Email => ({
  id: String(r.id),
  conversationId: String(r.conversation_id),
  messageId: (r.message_id as string | null) ?? null,
  kind: r.kind as Email['kind'],
  to: String(r.to_address),
  subject: String(r.subject),
  body: String(r.body),
  status: r.status as Email['status'],
  attempts: Number(r.attempts),
  nextAttemptAt: dateOrNull(r.next_attempt_at) ?? new Date(0),
  lastError: (r.last_error as string | null) ?? null,
  createdAt: dateOrNull(r.created_at) ?? new Date(0),
  sentAt: dateOrNull(r.sent_at),
});

/** Emails to customers, as rows any node's worker sends (see services/mailer.ts). */
export const emailQueries = ({ q }: SqlContext) =>
  ({
    async queueEmail(e) {
      const rows = await q(
        `INSERT INTO emails (conversation_id, message_id, kind, to_address, subject, body,
           next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (message_id) DO NOTHING RETURNING *`,
        [e.conversationId, e.messageId, e.kind, e.to, e.subject, e.body, e.now],
      );
      return rows[0] ? toEmail(rows[0]) : null;
    },
    async takeDueEmails(now, limit, holdMs) {
      // Taken for `holdMs`: a worker that dies mid-send leaves it to any node after that.
      const rows = await q(
        `UPDATE emails SET attempts = attempts + 1,
           next_attempt_at = $1::timestamptz + ($3 * interval '1 millisecond')
         WHERE id IN (
           SELECT id FROM emails WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, limit, holdMs],
      );
      return rows.map(toEmail).sort((a, b) => Number(a.id) - Number(b.id));
    },
    async emailSent(id, now) {
      await q(`UPDATE emails SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1`, [
        id,
        now,
      ]);
    },
    async emailFailed(id, error, retryAt) {
      await q(
        `UPDATE emails SET last_error = $2,
           status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE status END,
           next_attempt_at = coalesce($3::timestamptz, next_attempt_at)
         WHERE id = $1`,
        [id, error, retryAt],
      );
    },
    async listEmails(conversationId) {
      const rows = await q('SELECT * FROM emails WHERE conversation_id = $1 ORDER BY id', [
        conversationId,
      ]);
      return rows.map(toEmail);
    },
  }) satisfies Partial<Store>;
