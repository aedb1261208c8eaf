import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filetypeinfo } from 'magic-bytes.js';
import {
  ATTACHMENT_MIME_TYPES,
  BatonError,
  ErrorCode,
  type AttachmentMime,
  type ChatMessage,
  type UploadedAttachment,
} from '@baton/shared';
import type { AttachmentRefError, StoredAttachment, Store } from '../storage';
import type { Agent, AgentService } from './agentService';
import type { Clock } from './clock';

/** Who sends an upload or asks for one: a customer (by their session) or a signed-in agent. */
export type Requester =
  { role: 'customer'; siteId: string; visitorId: string } | { role: 'agent'; agent: Agent };

export interface AttachmentServiceDeps {
  store: Store;
  agents: Pick<AgentService, 'checkAccess' | 'checkOwner'>;
  clock: Clock;
  /**
   * Where the bytes go: files `<dir>/<id>` (every node must see the same directory), or, when
   * null, the database (`attachment_blobs`).
   */
  dir: string | null;
}

/**
 * A message's text as an assistant or an email reads it: files it carried are named, since
 * neither shows them (a file sent alone would otherwise be an empty line).
 */
export function withAttachmentNames(m: Pick<ChatMessage, 'text' | 'attachments'>): string {
  if (!m.attachments?.length) return m.text;
  const files = `[attached: ${m.attachments.map((a) => `${a.name} (${a.mime})`).join(', ')}]`;
  return m.text ? `${m.text} ${files}` : files;
}

/** A message named attachments it may not send: INVALID_PAYLOAD naming them. */
export function attachmentRefused(err: AttachmentRefError): BatonError {
  return new BatonError(
    ErrorCode.INVALID_PAYLOAD,
    'Invalid payload — attachments: not uploaded by you to this conversation, or sent already',
    { issues: [{ path: 'attachments', message: 'unknown or already sent' }], ids: err.ids },
  );
}

const ALLOWED = new Set<string>(ATTACHMENT_MIME_TYPES);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The accepted kind the bytes are (their magic numbers), or null for anything else. */
export function detectMime(bytes: Uint8Array): AttachmentMime | null {
  const found = filetypeinfo(bytes.subarray(0, 4096)).find((t) => t.mime && ALLOWED.has(t.mime));
  return (found?.mime as AttachmentMime | undefined) ?? null;
}

/**
 * A file name safe to store and show: no directories, no control or bidirectional-override
 * characters, whitespace collapsed, at most 200 characters (the extension kept).
 */
export function sanitizeName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // Control characters (C0, C1) and the marks that reorder text, which could disguise a name.
  let name = base.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
  name = name.replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (name.length > 200) {
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name || 'attachment';
}

/** Uploads and downloads of images and PDFs, for a conversation's customer and its agents. */
export function createAttachmentService(deps: AttachmentServiceDeps) {
  const { store, clock, dir } = deps;

  /** The conversation, if the requester may see it (agents: their queues; customers: theirs). */
  async function conversationFor(who: Requester, conversationId: string, upload: boolean) {
    if (who.role === 'agent') {
      // Only the owner replies, so only the owner uploads; any agent of the queue reads.
      await (upload ? deps.agents.checkOwner : deps.agents.checkAccess)(who.agent, conversationId);
      return;
    }
    const conversation = await store.getConversation(conversationId);
    // Another customer's conversation is as good as unknown.
    if (
      !conversation ||
      conversation.visitorId !== who.visitorId ||
      conversation.siteId !== who.siteId
    ) {
      throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
    }
  }

  /**
   * Checks the requester may upload to the conversation, then reads the bytes (`read` enforces
   * the size limit) and stores them with their metadata.
   */
  async function upload(
    who: Requester,
    conversationId: string,
    name: string,
    read: () => Promise<Buffer>,
  ): Promise<UploadedAttachment> {
    await conversationFor(who, conversationId, true);
    const bytes = await read();
    if (bytes.length === 0) throw new BatonError(ErrorCode.INVALID_PAYLOAD, 'The file is empty');
    const mime = detectMime(bytes);
    if (!mime) {
      throw new BatonError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Only PNG, JPEG, GIF and WebP images and PDF documents can be attached',
      );
    }
    const id = randomUUID();
    const meta = {
      id,
      conversationId,
      uploaderRole: who.role,
      uploaderId: who.role === 'agent' ? who.agent.id : who.visitorId,
      name: sanitizeName(name),
      mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storage: dir ? ('disk' as const) : ('db' as const),
      createdAt: clock(),
    };
    let stored: StoredAttachment;
    if (dir) {
      // Written whole under a temporary name first: a reader never sees half a file.
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `${id}.part`);
      await writeFile(temp, bytes);
      await rename(temp, join(dir, id));
      stored = await store.createAttachment(meta).catch(async (err: unknown) => {
        await unlink(join(dir, id)).catch(() => undefined);
        throw err;
      });
    } else {
      stored = await store.createAttachment({ ...meta, data: bytes });
    }
    return {
      id: stored.id,
      conversationId: stored.conversationId,
      name: stored.name,
      mime: stored.mime,
      size: stored.size,
      sha256: stored.sha256,
      createdAt: stored.createdAt.toISOString(),
    };
  }

  /** The attachment and its bytes, for the conversation's customer and agents only. */
  async function download(who: Requester, conversationId: string, attachmentId: string) {
    await conversationFor(who, conversationId, false);
    const meta = UUID.test(attachmentId) ? await store.getAttachment(attachmentId) : null;
    if (!meta || meta.conversationId !== conversationId) {
      throw new BatonError(ErrorCode.NOT_FOUND, 'No such attachment in this conversation');
    }
    let data: Uint8Array | null;
    if (meta.storage === 'db') {
      data = await store.getAttachmentData(meta.id);
    } else {
      if (!dir) {
        throw new BatonError(
          ErrorCode.UNAVAILABLE,
          'This attachment is in the attachments directory, which this node is not configured with',
        );
      }
      data = await readFile(join(dir, meta.id)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
    }
    if (!data) throw new BatonError(ErrorCode.NOT_FOUND, 'The attachment’s file is missing');
    return { meta, data };
  }

  return { upload, download };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
