import type { QueueSnapshot, WaitingConversation } from '@baton/shared';
import type { ConsoleState } from '../state/consoleStore';
import { slaCountdown, waitedFor } from '../state/time';
import { UNIT_LABELS } from '../state/labels';
import { LaneBadge, PendingBadge, TierBadge, TriggerChip } from './badges';
import { useStore } from './storeContext';
import { useNow } from './useNow';

/** The agent's queues, live from `queues:update`; waiting conversations in the server's SLA order. */
export function QueueList({ state }: { state: ConsoleState }) {
  const now = useNow();
  if (!state.queuesLoaded) return <p class="muted pad">Loading queues…</p>;
  if (state.queues.length === 0) {
    return <p class="muted pad">You are not a member of any queue.</p>;
  }
  return (
    <div class="queues">
      {state.queues.map((queue) => (
        <QueueSection key={queue.name} queue={queue} state={state} now={now} />
      ))}
    </div>
  );
}

function QueueSection({
  queue,
  state,
  now,
}: {
  queue: QueueSnapshot;
  state: ConsoleState;
  now: number;
}) {
  return (
    <section class="queue" data-testid={`queue-${queue.name}`} aria-label={queue.displayName}>
      <header class="queue-head">
        <h2>{queue.displayName}</h2>
        <span class="queue-meta">
          <span title="Agents of this queue online now">{queue.agentsOnline} online</span>
          <span class="sep">·</span>
          <span>{queue.waiting.length} waiting</span>
        </span>
      </header>
      {queue.waiting.length === 0 ? (
        <p class="muted queue-empty">Nobody waiting.</p>
      ) : (
        <ul class="waiting-list">
          {queue.waiting.map((item) => (
            <WaitingItem
              key={item.conversationId}
              item={item}
              now={now}
              isOpen={state.openId === item.conversationId}
              claiming={state.claiming.includes(item.conversationId)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function WaitingItem({
  item,
  now,
  isOpen,
  claiming,
}: {
  item: WaitingConversation;
  now: number;
  isOpen: boolean;
  claiming: boolean;
}) {
  const store = useStore();
  const sla = slaCountdown(item.enqueuedAt, item.slaDeadline, now);
  return (
    <li
      class={`waiting${isOpen ? ' is-open' : ''}`}
      data-testid="waiting-item"
      data-conversation-id={item.conversationId}
    >
      <div class="waiting-body" onClick={() => store.open(item.conversationId)}>
        <div class="waiting-top">
          <span class="customer">{item.customerName ?? 'Anonymous customer'}</span>
          <TierBadge tier={item.tier} />
        </div>
        <div class="waiting-lane">
          <LaneBadge lane={item.lane} testId="waiting-lane" />
          {item.unit && <span class="muted small">hand over {UNIT_LABELS[item.unit]}</span>}
          <PendingBadge kind="draft" count={item.pendingDrafts} testId="waiting-pending-drafts" />
          <PendingBadge
            kind="action"
            count={item.pendingActions}
            testId="waiting-pending-actions"
          />
          {item.replyByEmail && (
            <span class="badge badge-email" data-testid="waiting-reply-by-email">
              Reply by email
            </span>
          )}
        </div>
        <p class="waiting-summary">{item.summary}</p>
        {item.triggers.length > 0 && (
          <div class="chips">
            {item.triggers.map((name) => (
              <TriggerChip key={name} name={name} />
            ))}
          </div>
        )}
        <div class="waiting-times">
          <span title={`In the queue since ${item.enqueuedAt}`}>
            Waiting {waitedFor(item.enqueuedAt, now)}
          </span>
          <span
            class={`sla sla--${sla.level}`}
            data-testid="sla"
            title={`First-response SLA deadline ${item.slaDeadline}`}
          >
            {sla.label}
          </span>
        </div>
      </div>
      <div class="waiting-actions">
        <button
          type="button"
          class="btn btn-ghost btn-small"
          onClick={() => store.open(item.conversationId)}
        >
          Preview
        </button>
        <button
          type="button"
          class="btn btn-primary btn-small"
          data-testid="claim-button"
          disabled={claiming}
          onClick={() => void store.claim(item.conversationId)}
        >
          {claiming ? 'Claiming…' : 'Claim'}
        </button>
      </div>
    </li>
  );
}
