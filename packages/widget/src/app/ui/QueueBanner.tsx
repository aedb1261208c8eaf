import type { QueueStatus } from '@baton/shared';
import { t } from '../i18n';
import { formatQueueBanner, showQueueBanner } from '../state/queueBanner';
import type { RequestState } from '../state/widgetState';
import { lazy } from './lazy';

// Offered only when nobody is online or the wait is overdue: fetched then.
const EmailForm = lazy(() => import('./EmailForm').then((m) => m.EmailForm));

export function QueueBanner(props: {
  status: QueueStatus | null;
  email: RequestState;
  onLeaveEmail: (email: string) => void;
}) {
  const { status, email } = props;
  if (!showQueueBanner(status)) return null;
  const view = formatQueueBanner(status);

  return (
    <div
      class={`baton-banner baton-banner-${status.state}`}
      data-testid="baton-queue-banner"
      data-state={status.state}
      role="status"
    >
      <p class="baton-banner-text">{view.headline}</p>
      {view.offerEmail && (
        <EmailForm name="email" label={t.email} request={email} onSend={props.onLeaveEmail} />
      )}
      {view.emailConfirmation && (
        <p class="baton-email-left" data-testid="baton-email-left">
          {view.emailConfirmation}
        </p>
      )}
    </div>
  );
}
