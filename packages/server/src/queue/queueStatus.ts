import type { QueueStatus } from '@baton/shared';
import { englishNotices, notice, type Notice } from '@baton/shared/notices';

/** Everything the banner shows except what is derived from it here (the email offer, the text). */
export type QueueStatusInput = Omit<QueueStatus, 'offerEmail' | 'text' | 'notice'> & {
  /** Conversations that came in later but wait ahead of this one (0 when unknown). */
  passedBy?: number;
};

/**
 * The honest banner: every sentence is backed by a number the server measured or knows. Sent
 * as a notice (code plus those numbers) that the widget words in the customer's language, and
 * as English text for the console and older clients.
 */
export function buildQueueStatus(input: QueueStatusInput): QueueStatus {
  const offerEmail =
    input.state === 'queued' && (input.agentsOnline === 0 || input.overdue) && !input.emailLeft;
  const n = statusNotice(input);
  const { passedBy: _passedBy, ...fields } = input;
  return { ...fields, offerEmail, notice: n, text: englishNotices[n.code](n.params as never) };
}

function statusNotice(s: QueueStatusInput): Notice {
  const team = s.queueName ?? 'our team';
  switch (s.state) {
    case 'bot':
      return notice('status_bot', {});
    case 'resolved':
      return notice('status_resolved', {});
    case 'assigned':
      return notice('status_assigned', { agent: s.agentName, team });
    case 'queued':
      return notice('status_queued', {
        team,
        position: s.position,
        passedBy: s.passedBy ?? 0,
        online: s.agentsOnline,
        openNow: s.openNow,
        hours: s.openingHours,
        emailLeft: s.emailLeft,
        overdue: s.overdue,
        slaMinutes: s.slaMinutes,
        minutes: s.estimate?.minutes ?? null,
        samples: s.estimate?.samples ?? null,
        exceedsSla: s.estimate?.exceedsSla ?? false,
      });
  }
}
