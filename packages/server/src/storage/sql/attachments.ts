import type { Store } from '../types';
import type { SqlContext } from './context';
import { one, toAttachment } from './rows';

/** Attachments' metadata, and their bytes when they are kept in the database. */
export const attachmentsQueries = ({ q, db }: SqlContext) =>
  ({
    async createAttachment({ data, ...a }) {
      // The metadata and the bytes commit together: a row never points at missing bytes.
      return db.transaction(async (tx) => {
        const [row] = await q(
          `INSERT INTO attachments (id, conversation_id, uploader_role, uploader_id, name, mime,
             size, sha256, storage, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
          [
            a.id,
            a.conversationId,
            a.uploaderRole,
            a.uploaderId,
            a.name,
            a.mime,
            a.size,
            a.sha256,
            a.storage,
            a.createdAt,
          ],
          tx,
        );
        if (data) {
          await q(
            'INSERT INTO attachment_blobs (attachment_id, data) VALUES ($1, $2)',
            [a.id, data],
            tx,
          );
        }
        return toAttachment(row!);
      });
    },
    getAttachment: (id) => one(q('SELECT * FROM attachments WHERE id = $1', [id]), toAttachment),
    async getAttachmentData(id) {
      const [row] = await q('SELECT data FROM attachment_blobs WHERE attachment_id = $1', [id]);
      return row ? (row.data as Uint8Array) : null;
    },
  }) satisfies Partial<Store>;
