import type { ChatMessage } from '@baton/shared';

/** A reply the agent sent that the server has not yet acknowledged. */
export interface OutgoingReply {
  /** Generated once per reply; every retry reuses it so the server stores the reply once. */
  clientId: string;
  text: string;
  status: 'sending' | 'failed';
  attempts: number;
  error: string | null;
  /** A file sent as the reply: uploaded first (once), then its id goes with the message. */
  file?: Blob & { name: string };
  attachments?: string[];
}

export function addOutgoing(
  outbox: readonly OutgoingReply[],
  clientId: string,
  text: string,
  file?: Blob & { name: string },
): OutgoingReply[] {
  return [
    ...outbox,
    { clientId, text, status: 'sending', attempts: 0, error: null, ...(file && { file }) },
  ];
}

export function updateOutgoing(
  outbox: readonly OutgoingReply[],
  clientId: string,
  patch: Partial<Omit<OutgoingReply, 'clientId' | 'text'>>,
): OutgoingReply[] {
  return outbox.map((reply) => (reply.clientId === clientId ? { ...reply, ...patch } : reply));
}

export function removeOutgoing(
  outbox: readonly OutgoingReply[],
  clientId: string,
): OutgoingReply[] {
  return outbox.filter((reply) => reply.clientId !== clientId);
}

/** Drops the replies that already appear in the transcript (their ack or live echo arrived). */
export function settleOutgoing(
  outbox: readonly OutgoingReply[],
  messages: readonly ChatMessage[],
): OutgoingReply[] {
  if (outbox.length === 0) return outbox as OutgoingReply[];
  const delivered = new Set(messages.map((m) => m.clientId).filter((id) => id !== null));
  const remaining = outbox.filter((reply) => !delivered.has(reply.clientId));
  return remaining.length === outbox.length ? (outbox as OutgoingReply[]) : remaining;
}

const CLIENT_ID_BYTES = 12;

/**
 * A message id matching the protocol's `clientIdSchema` (8-64 of [A-Za-z0-9_-]).
 * Uses getRandomValues, which, unlike randomUUID, also exists on plain-http origins.
 */
export function newClientId(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(CLIENT_ID_BYTES));
  return `a_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
