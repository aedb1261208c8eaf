import type { Notice } from '../state/consoleStore';

/** The one place errors (and confirmations) appear; errors are `error-banner` for tests. */
export function Banner({ notice, onDismiss }: { notice: Notice | null; onDismiss?: () => void }) {
  if (!notice) return null;
  const isError = notice.tone === 'error';
  return (
    <div
      key={notice.id}
      class={`banner banner--${notice.tone}`}
      role={isError ? 'alert' : 'status'}
      data-testid={isError ? 'error-banner' : 'notice-banner'}
    >
      <span class="banner-text">{notice.message}</span>
      {onDismiss && (
        <button type="button" class="banner-close" onClick={onDismiss} aria-label="Dismiss" />
      )}
    </div>
  );
}
