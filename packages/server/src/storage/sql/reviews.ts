import { randomUUID } from 'node:crypto';
import type { Store } from '../types';
import { toDraft, toAction, one } from './rows';
import type { SqlContext } from './context';

/** Held drafts and pending actions awaiting a person. */
export const reviewsQueries = ({ q }: SqlContext) =>
  ({
    async createDraft({ conversationId, messageId, text, now }) {
      const rows = await q(
        `INSERT INTO held_drafts (id, conversation_id, message_id, text, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [randomUUID(), conversationId, messageId, text, now],
      );
      return toDraft(rows[0]!);
    },
    async listDrafts(conversationId) {
      const rows = await q(
        'SELECT * FROM held_drafts WHERE conversation_id = $1 ORDER BY created_at, id',
        [conversationId],
      );
      return rows.map(toDraft);
    },
    reviewDraft: ({ conversationId, draftId, status, reviewedBy, now }) =>
      one(
        q(
          `UPDATE held_drafts SET status = $3, reviewed_by = $4, reviewed_at = $5
           WHERE id = $1 AND conversation_id = $2 AND status = 'pending' RETURNING *`,
          [draftId, conversationId, status, reviewedBy, now],
        ),
        toDraft,
      ),
    async createAction({ conversationId, action, intent, amount, reasons, now }) {
      const rows = await q(
        `INSERT INTO pending_actions (id, conversation_id, action, intent, amount, currency, reasons, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          randomUUID(),
          conversationId,
          action,
          intent,
          amount?.value ?? null,
          amount?.currency ?? null,
          JSON.stringify(reasons),
          now,
        ],
      );
      return toAction(rows[0]!);
    },
    async listActions(conversationId) {
      const rows = await q(
        'SELECT * FROM pending_actions WHERE conversation_id = $1 ORDER BY created_at, id',
        [conversationId],
      );
      return rows.map(toAction);
    },
    decideAction: ({ conversationId, actionId, status, decidedBy, note, now }) =>
      one(
        q(
          `UPDATE pending_actions SET status = $3, decided_by = $4, note = $5, decided_at = $6
           WHERE id = $1 AND conversation_id = $2 AND status = 'pending' RETURNING *`,
          [actionId, conversationId, status, decidedBy, note, now],
        ),
        toAction,
      ),
  }) satisfies Partial<Store>;
