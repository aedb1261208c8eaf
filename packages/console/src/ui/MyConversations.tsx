import type { ConsoleState } from '../state/consoleStore';
import { LaneBadge, PendingBadge, StateBadge, TierBadge } from './badges';
import { useStore } from './storeContext';

/** Conversations this agent claimed (from claim acks), newest first. */
export function MyConversations({ state }: { state: ConsoleState }) {
  const store = useStore();
  return (
    <section class="mine" data-testid="my-conversations" aria-label="My conversations">
      <header class="queue-head">
        <h2>My conversations</h2>
        <span class="queue-meta">
          {state.mine.filter((c) => c.state !== 'resolved').length} open
        </span>
      </header>
      {state.mine.length === 0 ? (
        <p class="muted queue-empty">Claim a waiting conversation to start.</p>
      ) : (
        <ul class="mine-list">
          {state.mine.map((c) => (
            <li key={c.conversationId}>
              <button
                type="button"
                class={`mine-item${state.openId === c.conversationId ? ' is-open' : ''}${
                  c.state === 'resolved' ? ' is-resolved' : ''
                }`}
                data-testid="my-conversation"
                data-conversation-id={c.conversationId}
                onClick={() => store.open(c.conversationId)}
              >
                <span class="waiting-top">
                  <span class="customer">{c.customerName ?? 'Anonymous customer'}</span>
                  {c.unread > 0 && (
                    <span class="unread" title="New customer messages">
                      {c.unread}
                    </span>
                  )}
                  {c.tier !== null && <TierBadge tier={c.tier} />}
                </span>
                <span class="mine-summary">{c.summary || 'No summary'}</span>
                <span class="mine-badges">
                  <StateBadge state={c.state} />
                  {c.lane && <LaneBadge lane={c.lane} testId="my-conversation-lane" />}
                  {c.state !== 'resolved' && (
                    <>
                      <PendingBadge
                        kind="draft"
                        count={c.pendingDrafts}
                        testId="my-conversation-pending-drafts"
                      />
                      <PendingBadge
                        kind="action"
                        count={c.pendingActions}
                        testId="my-conversation-pending-actions"
                      />
                    </>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
