/**
 * Turns a QueueStatus into the lines of the queue banner. The server's `text` is the headline;
 * the details only restate numbers the server measured — nothing here invents an estimate.
 */
import type { QueueStatus } from '@baton/shared';

export interface QueueBannerView {
  headline: string;
  details: string[];
  /** Show the "leave your email" form. */
  offerEmail: boolean;
  /** Confirmation shown instead of the form once an email was left. */
  emailConfirmation: string | null;
}

export const EMAIL_OFFER_TEXT = "Leave your email and we'll keep your place in the queue.";
export const EMAIL_LEFT_TEXT = "Thanks — we'll keep your place and reply by email.";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whether the banner is shown at all: only once a human is involved. */
export function showQueueBanner(status: QueueStatus | null): status is QueueStatus {
  return status !== null && status.state !== 'bot';
}

export function formatQueueBanner(status: QueueStatus): QueueBannerView {
  const details: string[] = [];
  const waiting = status.state === 'queued';

  if (status.state === 'assigned' && status.agentName) {
    details.push(`${status.agentName} is helping you.`);
  }
  if (waiting) {
    if (status.position !== null) details.push(`Position in queue: ${status.position}`);
    details.push(
      status.agentsOnline > 0
        ? `${plural(status.agentsOnline, 'agent', 'agents')} online`
        : 'No agents online right now',
    );
    if (status.estimate) {
      const sla =
        status.estimate.exceedsSla && status.slaMinutes !== null
          ? ` — longer than our ${status.slaMinutes}-minute target`
          : status.estimate.exceedsSla
            ? ' — longer than our usual target'
            : '';
      details.push(
        `Estimated wait: about ${plural(status.estimate.minutes, 'minute', 'minutes')}${sla}`,
      );
    } else {
      details.push('No estimate yet');
    }
    if ((status.agentsOnline === 0 || !status.openNow) && status.openingHours) {
      details.push(`Opening hours: ${status.openingHours}`);
    }
  }

  return {
    headline: status.text,
    details,
    offerEmail: waiting && status.offerEmail && !status.emailLeft,
    emailConfirmation: waiting && status.emailLeft ? EMAIL_LEFT_TEXT : null,
  };
}
