import type { ChatMessage } from '@baton/shared';
import type { Conversation, Email, Store, Visitor } from '../storage';
import { withAttachmentNames } from './attachmentService';
import type { Clock } from './clock';
import type { EmailWorker } from './mailer';
import type { Notifier } from './notifier';
import type { QueueService } from './queueService';
import { hashToken, newToken } from './tokens';

/** How long a reply email's link carries the chat on, in any browser. */
export const RESUME_LINK_DAYS = 7;

/** `url` with `baton_resume=TOKEN` added to its query (the widget's loader reads it). */
export function resumeUrl(url: string, token: string): string {
  const link = new URL(url);
  link.searchParams.set('baton_resume', token);
  return link.toString();
}

/** The address a customer is known by: the one they left in the queue, else their profile's. */
export function knownAddress(
  conversation: Pick<Conversation, 'emailLeft'>,
  visitor: Pick<Visitor, 'email'> | null,
): string | null {
  return conversation.emailLeft ?? visitor?.email ?? null;
}

/** A conversation as plain text for the transcript email: who said what, and when (UTC). */
export function transcriptText(siteName: string, messages: ChatMessage[]): string {
  const who = (m: ChatMessage) =>
    m.role === 'customer'
      ? 'You'
      : m.role === 'assistant'
        ? 'Assistant'
        : m.role === 'agent'
          ? (m.authorName ?? 'Agent')
          : null;
  const lines = messages.map((m) => {
    const at = m.createdAt.slice(0, 16).replace('T', ' ');
    const name = who(m);
    const text = withAttachmentNames(m);
    return name ? `${at}  ${name}: ${text}` : `${at}  (${text})`;
  });
  return [`Your chat with ${siteName} (times in UTC):`, '', ...lines, ''].join('\n');
}

export interface CustomerEmailsDeps {
  store: Store;
  worker: EmailWorker;
  notifier: Notifier;
  queues: QueueService;
  clock: Clock;
  site: { name: string; url?: string | undefined };
  /** Baton's public origin: the link back to the chat when the site names no storefront URL. */
  publicOrigin?: string | undefined;
}

/** What Baton emails customers: replies they were not there to see, and transcripts. */
export function createCustomerEmails(deps: CustomerEmailsDeps) {
  const { store, worker, notifier, queues, clock, site } = deps;

  /** Stores an email for the worker; the conversation's watchers see it, and it goes out now. */
  async function queue(input: {
    conversationId: string;
    messageId: string;
    kind: Email['kind'];
    to: string;
    subject: string;
    body: string;
  }): Promise<void> {
    const queued = await store.queueEmail({ ...input, now: clock() });
    if (!queued) return;
    notifier.conversationUpdated(input.conversationId, null);
    worker.kick();
  }

  return {
    /** An agent's reply the customer is not in the chat to see goes to the email they gave. */
    async replyIfAway(conversationId: string, message: ChatMessage, agentName: string) {
      if (await notifier.customerConnected(conversationId)) return;
      const conversation = await store.getConversation(conversationId);
      if (!conversation) return;
      const to = knownAddress(conversation, await store.getVisitor(conversation.visitorId));
      if (!to) return;
      const team = conversation.queue
        ? queues.config(queues.resolveQueue(conversation.queue))
        : null;
      const page = site.url ?? deps.publicOrigin ?? null;
      let link: string | null = null;
      if (page) {
        // A link of its own per email, valid for a week, in any browser; only its hash is kept.
        const token = newToken();
        const now = clock();
        await store.createResumeLink({
          tokenHash: hashToken(token),
          visitorId: conversation.visitorId,
          conversationId,
          now,
          expiresAt: new Date(now.getTime() + RESUME_LINK_DAYS * 24 * 60 * 60 * 1000),
        });
        link = resumeUrl(page, token);
      }
      const body = [
        `${agentName}${team ? ` from ${team.displayName}` : ''} at ${site.name} replied to your chat:`,
        '',
        withAttachmentNames(message),
        '',
        link
          ? `To carry on, open this link, on any device, within ${RESUME_LINK_DAYS} days: the chat picks up where you left it.\n${link}`
          : 'To carry on, open the chat on our site in the browser you chatted from.',
      ].join('\n');
      await queue({
        conversationId,
        messageId: message.id,
        kind: 'reply',
        to,
        subject: `${site.name}: a reply to your message`,
        body,
      });
    },
    /** The chat so far; `requestId` makes a retried request store nothing more. */
    async transcript(conversation: Conversation, to: string, requestId: string) {
      await queue({
        conversationId: conversation.id,
        messageId: requestId,
        kind: 'transcript',
        to,
        subject: `${site.name}: your chat`,
        body: transcriptText(site.name, await store.listMessages(conversation.id)),
      });
    },
  };
}
