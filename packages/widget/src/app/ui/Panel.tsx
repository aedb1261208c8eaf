import type { WidgetState } from '../state/widgetState';
import type { WidgetActions } from '../widgetActions';
import { Composer } from './Composer';
import { Csat } from './Csat';
import { HumanButton } from './HumanButton';
import { QueueBanner } from './QueueBanner';
import { Transcript } from './Transcript';
import { TranscriptEmail } from './TranscriptEmail';

const CONNECTION_NOTICE: Record<WidgetState['connection'], string | null> = {
  connecting: 'Connecting…',
  online: null,
  offline: 'Connection lost — reconnecting…',
  failed: null,
};

export function Panel({ state, actions }: { state: WidgetState; actions: WidgetActions }) {
  const notice = state.fatalError
    ? `Chat is unavailable: ${state.fatalError.message} (${state.fatalError.code})`
    : (CONNECTION_NOTICE[state.connection] ??
      (state.resume === 'expired'
        ? 'That chat link has expired, so this is a new chat. Our reply is in your email.'
        : null));
  return (
    <section
      id="baton-panel"
      class="baton-panel"
      data-testid="baton-panel"
      aria-label="Chat"
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.setOpen(false);
      }}
    >
      <header class="baton-header">
        <h1 class="baton-title">Chat with us</h1>
        <button
          type="button"
          class="baton-close"
          aria-label="Close chat"
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
      />
      <Csat csat={state.csat} actions={actions} />
      <HumanButton human={state.human} status={state.status} onRequest={actions.requestHuman} />
      <Composer onSend={actions.send} onAttach={actions.attach} />
      <TranscriptEmail transcript={state.transcript} onSend={actions.emailTranscript} />
    </section>
  );
}
