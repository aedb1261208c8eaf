/** Zod schemas for every client → server payload. Servers validate with these; clients may too. */
import { z } from 'zod';
import { ATTACHMENTS_PER_MESSAGE, ESCALATION_OUTCOMES, ROOT_CAUSES } from './model';

const id = z.string().min(1).max(128);
/** Client-generated message id: makes retries idempotent. */
export const clientIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
const messageText = z.string().trim().min(1, 'must not be empty').max(4000);
/**
 * Attachments the sender uploaded to the same conversation and has not sent yet. With at least
 * one, the text may be empty.
 */
const attachmentIds = z
  .array(id)
  .min(1)
  .max(ATTACHMENTS_PER_MESSAGE)
  .refine((ids) => new Set(ids).size === ids.length, 'each attachment once');
/** Text that may be empty when the message carries an attachment (see `textOrAttachment`). */
const messageBody = z.string().trim().max(4000);
const textOrAttachment: [
  (m: { text: string; attachments?: string[] | undefined }) => boolean,
  { path: string[]; message: string },
] = [
  (m) => m.text.length > 0 || m.attachments !== undefined,
  { path: ['text'], message: 'must not be empty (unless the message carries an attachment)' },
];

/** The query of an upload (`POST /api/conversations/:conversationId/attachments?name=…`). */
export const attachmentUploadSchema = z.object({
  name: z.string().trim().min(1, 'give the file name').max(1000),
});

const orderSchema = z
  .object({
    id: z.string().min(1).max(64),
    total: z.number().finite().nonnegative().optional(),
    currency: z.string().max(8).optional(),
    status: z.string().max(64).optional(),
    placedDaysAgo: z.number().finite().nonnegative().optional(),
    items: z.array(z.string().max(200)).max(50).optional(),
  })
  .catchall(z.unknown());

export const customerContextSchema = z
  .object({
    customer: z
      .object({
        id: z.string().max(128).optional(),
        name: z.string().max(200).optional(),
        email: z.string().max(320).optional(),
        tier: z.enum(['standard', 'vip', 'enterprise']).optional(),
        verified: z.boolean().optional(),
      })
      .catchall(z.unknown())
      .optional(),
    account: z
      .object({
        plan: z.string().max(64).optional(),
        renewalInDays: z.number().finite().optional(),
      })
      .catchall(z.unknown())
      .optional(),
    orders: z.array(orderSchema).max(100).optional(),
    recentContacts: z
      .array(z.object({ daysAgo: z.number().finite().nonnegative(), text: z.string().max(2000) }))
      .max(50)
      .optional(),
    systems: z.record(z.string().max(64), z.enum(['ok', 'unavailable', 'stale'])).optional(),
  })
  .catchall(z.unknown())
  .refine((v) => JSON.stringify(v).length <= 64_000, 'context is larger than 64 KB');

// ---- customer namespace ----
export const sessionStartSchema = z.object({
  siteKey: z.string().min(1).max(128),
  /** Token from an earlier session:start; resumes that conversation. */
  sessionToken: z.string().min(1).max(256).optional(),
  /**
   * From a reply email's link (`baton_resume`): carries the chat on in this browser, on any
   * device, while the link is valid (7 days). Takes precedence over `sessionToken`.
   */
  resumeToken: z.string().min(16).max(256).optional(),
  /** Highest seq the client already has; the ack carries only later messages. */
  lastSeq: z.number().int().nonnegative().optional(),
});
export const customerMessageSchema = z
  .object({ clientId: clientIdSchema, text: messageBody, attachments: attachmentIds.optional() })
  .refine(...textOrAttachment);
export const humanRequestSchema = z.object({ clientId: clientIdSchema });
export const identifySchema = z.object({
  id: z.string().max(128).optional(),
  /** hex HMAC-SHA256 of `id` with the site's identity secret: proves the id to the agent. */
  userHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '64 hex characters')
    .optional(),
  name: z.string().max(200).optional(),
  email: z.email().max(320).optional(),
});
export const contextSetSchema = customerContextSchema;
export const leaveEmailSchema = z.object({ email: z.email().max(320) });
export const syncSchema = z.object({ lastSeq: z.number().int().nonnegative() });
/** The customer is typing (or stopped): only the flag travels, never the draft. */
export const typingSchema = z.object({ typing: z.boolean() }).strict();
/** The customer's rating of the conversation (its current episode); a later one replaces it. */
export const csatSubmitSchema = z.object({
  /** Must be the session's conversation when given. */
  conversationId: id.optional(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
/** A copy of the chat by email: to `email`, else the one the customer left or was known by. */
export const transcriptEmailSchema = z.object({
  clientId: clientIdSchema,
  email: z.email().max(320).optional(),
});

// ---- agent namespace & HTTP ----
export const agentLoginSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});
export const presenceSchema = z.object({ status: z.enum(['online', 'away']) });
export const conversationRefSchema = z.object({ conversationId: id });
export const offerRefSchema = z.object({ offerId: id });
export const agentMessageSchema = z
  .object({
    conversationId: id,
    clientId: clientIdSchema,
    text: messageBody,
    attachments: attachmentIds.optional(),
  })
  .refine(...textOrAttachment);
/** The agent is typing a reply (or stopped) in a conversation they own; only the flag travels. */
export const agentTypingSchema = z.object({ conversationId: id, typing: z.boolean() }).strict();
export const resolveSchema = z.object({
  conversationId: id,
  outcome: z.object({
    escalation: z.enum(ESCALATION_OUTCOMES),
    rootCause: z.enum(ROOT_CAUSES),
    packetUsefulness: z.number().int().min(1).max(5),
    note: z.string().max(2000).optional(),
  }),
});
export const draftReviewSchema = z.discriminatedUnion('decision', [
  z.object({ conversationId: id, draftId: id, decision: z.literal('approve') }),
  z.object({ conversationId: id, draftId: id, decision: z.literal('edit'), text: messageText }),
  z.object({ conversationId: id, draftId: id, decision: z.literal('reject') }),
]);
export const actionDecisionSchema = z.object({
  conversationId: id,
  actionId: id,
  decision: z.enum(['approve', 'deny']),
  /** Shown to the customer with a denial. */
  note: z.string().trim().max(1000).optional(),
});
export const emptySchema = z.object({}).strict().optional();

export type SessionStartPayload = z.infer<typeof sessionStartSchema>;
export type CustomerMessagePayload = z.infer<typeof customerMessageSchema>;
export type HumanRequestPayload = z.infer<typeof humanRequestSchema>;
export type IdentifyPayload = z.infer<typeof identifySchema>;
export type ContextSetPayload = z.infer<typeof contextSetSchema>;
export type LeaveEmailPayload = z.infer<typeof leaveEmailSchema>;
export type TranscriptEmailPayload = z.infer<typeof transcriptEmailSchema>;
export type SyncPayload = z.infer<typeof syncSchema>;
export type TypingPayload = z.infer<typeof typingSchema>;
export type AgentTypingPayload = z.infer<typeof agentTypingSchema>;
export type CsatSubmitPayload = z.infer<typeof csatSubmitSchema>;
export type AgentLoginPayload = z.infer<typeof agentLoginSchema>;
export type PresencePayload = z.infer<typeof presenceSchema>;
export type ConversationRefPayload = z.infer<typeof conversationRefSchema>;
export type OfferRefPayload = z.infer<typeof offerRefSchema>;
export type AgentMessagePayload = z.infer<typeof agentMessageSchema>;
export type AttachmentUploadQuery = z.infer<typeof attachmentUploadSchema>;
export type ResolvePayload = z.infer<typeof resolveSchema>;
export type DraftReviewPayload = z.infer<typeof draftReviewSchema>;
export type ActionDecisionPayload = z.infer<typeof actionDecisionSchema>;
