import type { ConversationDetail, EmailState } from '@baton/shared';
import { useRef } from 'preact/hooks';
import { actionDecisionBlocker, groupActions } from '../state/actions';
import { canReply, type ConsoleState, type ConversationPane } from '../state/consoleStore';
import { draftReviewBlocker, groupDrafts } from '../state/drafts';
import { transcriptToText } from '../state/messages';
import { CUSTOMER_TYPING_TEXT } from '../state/typing';
import { LaneBadge, StateBadge } from './badges';
import { Decisions } from './Decisions';
import { downloadText } from './download';
import { HeldDrafts } from './HeldDrafts';
import { PacketView } from './PacketView';
import { PendingActions } from './PendingActions';
import { ReplyComposer } from './ReplyComposer';
import { ResolveForm } from './ResolveForm';
import { useStore } from './storeContext';
import { Transcript } from './Transcript';

/**
 * One conversation: packet on top, then what waits for a person (held drafts, pending actions),
 * the live transcript, reply and resolve for its owner, and the decision log at the end.
 */
export function ConversationView({ state, pane }: { state: ConsoleState; pane: ConversationPane }) {
  const store = useStore();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { detail } = pane;
  const agent = state.session?.agent;
  const me = agent?.id;
  const mine = canReply(state, pane);
  const packet = detail?.packet ?? null;
  const customerName = customerNameOf(state, pane);
  const claiming = state.claiming.includes(pane.id);

  const useDraft = (draft: string) => {
    store.setReplyText(pane.id, draft);
    inputRef.current?.focus();
  };
  const openTranscript = async () => {
    const messages = await store.fetchTranscript(pane.id);
    if (messages)
      downloadText(`transcript-${pane.id}.txt`, transcriptToText(messages, customerName));
  };

  return (
    <article class="conversation" data-testid="conversation" data-conversation-id={pane.id}>
      <header class="conversation-head">
        <div class="conversation-title">
          <h1>{customerName ?? 'Anonymous customer'}</h1>
          <code class="muted small">{pane.id}</code>
        </div>
        <div class="conversation-status">
          {detail && <LaneBadge lane={detail.lane} testId="conversation-lane" />}
          {detail && <StateBadge state={detail.state} />}
          {detail?.assignedAgent && (
            <span class="muted small" data-testid="conversation-owner">
              {detail.assignedAgent.id === me ? 'Yours' : `Owned by ${detail.assignedAgent.name}`}
            </span>
          )}
          {detail?.state === 'queued' && (
            <button
              type="button"
              class="btn btn-primary btn-small"
              data-testid="conversation-claim"
              disabled={claiming}
              onClick={() => void store.claim(pane.id)}
            >
              {claiming ? 'Claiming…' : 'Claim'}
            </button>
          )}
          <button
            type="button"
            class="btn btn-ghost btn-small"
            onClick={() => store.closeConversation()}
          >
            Close
          </button>
        </div>
      </header>

      {pane.loadError && (
        <p class="inline-error" role="alert">
          {pane.loadError}{' '}
          <button type="button" class="link" onClick={() => void store.load(pane.id)}>
            Try again
          </button>
        </p>
      )}
      {pane.loading && !detail && <p class="muted pad">Loading conversation…</p>}
      {detail && (detail.replyByEmail || detail.emails.length > 0) && (
        <EmailStatus detail={detail} />
      )}
      {detail?.csat && (
        <p class="card csat-given" data-testid="csat-given">
          <strong>The customer rated this conversation {detail.csat.rating} of 5</strong>
          {detail.csat.comment ? `: “${detail.csat.comment}”` : '.'}
        </p>
      )}

      {packet ? (
        <PacketView
          packet={packet}
          canUseDraft={mine}
          onUseDraft={useDraft}
          onOpenTranscript={() => void openTranscript()}
        />
      ) : (
        detail && <p class="card muted">No escalation packet for this conversation.</p>
      )}

      {detail && (detail.drafts.length > 0 || detail.lane === 'assisted') && (
        <HeldDrafts
          groups={groupDrafts(detail.drafts, pane.messages)}
          blocker={draftReviewBlocker(detail, me)}
          reviewing={pane.reviewing}
          customerName={customerName}
          me={agent}
          onReview={(draftId, review) => store.reviewDraft(pane.id, draftId, review)}
        />
      )}

      {detail && detail.actions.length > 0 && (
        <PendingActions
          groups={groupActions(detail.actions)}
          blocker={actionDecisionBlocker(detail, agent)}
          reviewing={pane.reviewing}
          me={agent}
          onDecide={(actionId, decision, note) =>
            store.decideAction(pane.id, actionId, decision, note)
          }
        />
      )}

      {detail && (
        <Transcript
          messages={pane.messages}
          outbox={pane.outbox}
          customerName={customerName}
          onRetry={(clientId) => void store.retryReply(pane.id, clientId)}
          onDiscard={(clientId) => store.discardReply(pane.id, clientId)}
          loadAttachment={(id) => store.attachmentUrl(pane.id, id)}
        />
      )}
      {detail && (
        <p class="muted small typing-note" role="status" data-testid="customer-typing">
          {pane.customerTypingUntil !== null ? CUSTOMER_TYPING_TEXT : ''}
        </p>
      )}

      {mine ? (
        <>
          <ReplyComposer
            text={pane.replyText}
            inputRef={inputRef}
            onChange={(text) => store.setReplyText(pane.id, text)}
            onSend={() => void store.sendReply(pane.id)}
            onAttach={(file) => void store.attachFile(pane.id, file)}
          />
          <ResolveForm
            key={pane.id}
            resolving={pane.resolving}
            onResolve={(outcome) => void store.resolve(pane.id, outcome)}
          />
        </>
      ) : (
        detail && <p class="card muted readonly-note">{readOnlyReason(state, pane)}</p>
      )}

      {detail && <Decisions decisions={detail.decisions} />}
    </article>
  );
}

function readOnlyReason(state: ConsoleState, pane: ConversationPane): string {
  const detail = pane.detail;
  if (!detail) return '';
  if (detail.state === 'resolved') return 'This conversation is resolved.';
  if (detail.state === 'queued') return 'Preview. Claim the conversation to reply to the customer.';
  if (detail.state === 'bot') return 'The assistant is still handling this conversation.';
  if (detail.assignedAgent && detail.assignedAgent.id !== state.session?.agent.id) {
    return `${detail.assignedAgent.name} owns this conversation.`;
  }
  return 'You cannot reply to this conversation.';
}

function customerNameOf(state: ConsoleState, pane: ConversationPane): string | null {
  const fromContext = pane.detail?.packet?.context.customer?.name;
  if (typeof fromContext === 'string' && fromContext) return fromContext;
  const fromMine = state.mine.find((c) => c.conversationId === pane.id)?.customerName;
  if (fromMine) return fromMine;
  for (const queue of state.queues) {
    const hit = queue.waiting.find((w) => w.conversationId === pane.id);
    if (hit?.customerName) return hit.customerName;
  }
  return null;
}

const EMAIL_STATUS: Record<EmailState['status'], string> = {
  pending: 'waiting to send',
  sent: 'sent',
  failed: 'not sent (gave up)',
};

/** The email the customer left, and each email sent to them and whether it went out. */
function EmailStatus({ detail }: { detail: ConversationDetail }) {
  return (
    <section class="card email-status" data-testid="email-status" aria-label="Email">
      {detail.replyByEmail && (
        <p>
          <strong>Reply by email:</strong> the customer left <code>{detail.replyByEmail}</code>.
          Replies they are not in the chat to see are emailed there.
        </p>
      )}
      {detail.emails.length > 0 && (
        <ul class="email-list">
          {detail.emails.map((e) => (
            <li key={e.id} data-testid="email-item" data-status={e.status}>
              {e.kind === 'reply' ? 'Reply' : 'Transcript'} to {e.to}: {EMAIL_STATUS[e.status]}
              {e.status === 'pending' &&
                e.attempts > 0 &&
                ` (attempt ${e.attempts} failed, retrying)`}
              {e.status !== 'sent' && e.lastError && (
                <span class="muted small"> — {e.lastError}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
