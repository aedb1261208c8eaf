import { errorText, t } from '../i18n';
import type { WidgetState } from '../state/widgetState';
import type { WidgetActions } from '../widgetActions';
import { Composer } from './Composer';
import { HumanButton } from './HumanButton';
import { QueueBanner } from './QueueBanner';
import { Transcript } from './Transcript';
import { lazy } from './lazy';
import { TypingIndicator } from './TypingIndicator';

// Shown only once a person is involved: fetched then, not with the first open.
const Csat = lazy(() => import('./Csat').then((m) => m.Csat));
const TranscriptEmail = lazy(() => import('./TranscriptEmail').then((m) => m.TranscriptEmail));

const connectionNotice = (c: WidgetState['connection']) =>
  c === 'connecting' ? t.connecting : c === 'offline' ? t.offline : null;

export function Panel({ state, actions }: { state: WidgetState; actions: WidgetActions }) {
  const notice = state.fatalError
    ? `${t.unavailable} ${errorText(state.fatalError)} (${state.fatalError.code})`
    : (connectionNotice(state.connection) ?? (state.resume === 'expired' ? t.resumeExpired : null));
  return (
    <section
      id="baton-panel"
      class="baton-panel"
      data-testid="baton-panel"
      aria-label={t.panel}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.setOpen(false);
      }}
    >
      <header class="baton-header">
        <h1 class="baton-title">{state.config.title ?? t.title}</h1>
        <button
          type="button"
          class="baton-close"
          aria-label={t.close}
          onClick={() => actions.setOpen(false)}
        >
          ×
        </button>
      </header>
      {notice && (
        <p class="baton-notice" role="status" data-testid="baton-connection">
          {notice}
        </p>
      )}
      <QueueBanner status={state.status} email={state.email} onLeaveEmail={actions.leaveEmail} />
      <Transcript
        messages={state.messages}
        outbox={state.outbox}
        onRetry={actions.retry}
        fileUrl={actions.fileUrl}
        queued={state.status?.state === 'queued'}
        greeting={state.config.greeting}
        avatarUrl={state.config.avatarUrl}
      />
      <TypingIndicator typing={state.agentTyping} />
      {state.csat && <Csat csat={state.csat} actions={actions} />}
      <HumanButton human={state.human} status={state.status} onRequest={actions.requestHuman} />
      <Composer onSend={actions.send} onTyping={actions.typing} onAttach={actions.attach} />
      {/* A copy by email, once a person is involved (waiting, with one, or resolved). */}
      {state.status && state.status.state !== 'bot' && (
        <TranscriptEmail transcript={state.transcript} onSend={actions.emailTranscript} />
      )}
    </section>
  );
}
