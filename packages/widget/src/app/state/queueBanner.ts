/**
 * Turns a QueueStatus into the queue banner. The server's notice says every fact once, each
 * backed by a number it measured (place, who is online, the estimate or its absence, opening
 * hours, the email option), rendered in the customer's language; the banner adds nothing that
 * would say one of them again.
 */
import type { QueueStatus } from '@baton/shared';
import { renderNotice } from '@baton/shared/notices';
import { t } from '../i18n';

export interface QueueBannerView {
  headline: string;
  /** Show the "leave your email" form (the text has already said what it is for). */
  offerEmail: boolean;
  /** Acknowledges the email once it was saved, instead of the form. */
  emailConfirmation: string | null;
}

/** Whether the banner is shown at all: only once a human is involved. */
export function showQueueBanner(status: QueueStatus | null): status is QueueStatus {
  return status !== null && status.state !== 'bot';
}

export function formatQueueBanner(status: QueueStatus): QueueBannerView {
  const waiting = status.state === 'queued';
  return {
    headline: noticeText(status),
    offerEmail: waiting && status.offerEmail && !status.emailLeft,
    emailConfirmation: waiting && status.emailLeft ? t.emailSaved : null,
  };
}

/** A notice in the customer's language: the server's English text in English or for a code the catalogue does not know. */
export function noticeText(
  item: Pick<QueueStatus, 'text'> & { notice?: QueueStatus['notice'] },
): string {
  return (t.notices && item.notice && renderNotice(t.notices, item.notice)) || item.text;
}
