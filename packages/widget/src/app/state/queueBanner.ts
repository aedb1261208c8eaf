/**
 * Turns a QueueStatus into the queue banner. The server's `text` says every fact once, each
 * backed by a number it measured (place, who is online, the estimate or its absence, opening
 * hours, the email option); the banner adds nothing that would say one of them again.
 */
import type { QueueStatus } from '@baton/shared';

export interface QueueBannerView {
  headline: string;
  /** Show the "leave your email" form (the text has already said what it is for). */
  offerEmail: boolean;
  /** Acknowledges the email once it was saved, instead of the form. */
  emailConfirmation: string | null;
}

/** The form's field label: the banner's text has already said what the email is for. */
export const EMAIL_OFFER_TEXT = 'Your email';
export const EMAIL_LEFT_TEXT = 'Email saved.';

/** Whether the banner is shown at all: only once a human is involved. */
export function showQueueBanner(status: QueueStatus | null): status is QueueStatus {
  return status !== null && status.state !== 'bot';
}

export function formatQueueBanner(status: QueueStatus): QueueBannerView {
  const waiting = status.state === 'queued';
  return {
    headline: status.text,
    offerEmail: waiting && status.offerEmail && !status.emailLeft,
    emailConfirmation: waiting && status.emailLeft ? EMAIL_LEFT_TEXT : null,
  };
}
