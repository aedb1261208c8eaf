import type { EscalationPacket, TriggerHit } from '@baton/shared';
import type { ComponentChildren } from 'preact';
import { TIER_LABELS, UNIT_LABELS } from '../state/labels';
import {
  contextView,
  entries,
  formatConfidence,
  formatSentimentScores,
  groupFacts,
  isContextEmpty,
  type KeyValue,
} from '../state/packet';
import { clockTime } from '../state/time';
import { LaneBadge, TierBadge } from './badges';

interface PacketViewProps {
  packet: EscalationPacket;
  canUseDraft: boolean;
  onUseDraft: (draft: string) => void;
  onOpenTranscript: () => void;
}

/** The escalation packet: what the agent reads first, so the customer never repeats themselves. */
export function PacketView({ packet, canUseDraft, onUseDraft, onOpenTranscript }: PacketViewProps) {
  const context = contextView(packet.context);
  return (
    <section class="card packet" data-testid="packet" aria-label="Escalation packet">
      <header class="packet-head">
        <h2>Escalation packet</h2>
        <div class="packet-badges">
          <LaneBadge lane={packet.lane} />
          <TierBadge tier={packet.tier} />
        </div>
      </header>

      <p class="packet-summary" data-testid="packet-summary">
        {packet.summary}
      </p>

      <dl class="packet-facts-line">
        <div>
          <dt>Recommended</dt>
          <dd>
            {packet.lane} lane
            {packet.unit ? ` · hand over ${UNIT_LABELS[packet.unit]}` : ''} ·{' '}
            {TIER_LABELS[packet.tier]}
          </dd>
        </div>
        <div>
          <dt>Intent</dt>
          <dd data-testid="packet-intent">
            {packet.intent ? (
              <>
                <code>{packet.intent.name}</code> · {formatConfidence(packet.intent.confidence)}{' '}
                confidence
              </>
            ) : (
              'not detected'
            )}
          </dd>
        </div>
        <div>
          <dt>Sentiment</dt>
          <dd class={`trend trend--${packet.sentiment.trend}`} data-testid="packet-sentiment">
            {packet.sentiment.trend}
            {packet.sentiment.scores.length > 0 && (
              <span class="muted"> ({formatSentimentScores(packet.sentiment.scores)})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Suggested queue</dt>
          <dd>
            <code>{packet.suggestedQueue}</code>
          </dd>
        </div>
      </dl>

      <section class="packet-section" data-testid="packet-triggers">
        <h3>Why it escalated</h3>
        {packet.triggers.length === 0 ? (
          <p class="muted">No trigger fired.</p>
        ) : (
          <ul class="trigger-list">
            {packet.triggers.map((hit, i) => (
              <TriggerRow key={`${hit.name}-${i}`} hit={hit} />
            ))}
          </ul>
        )}
      </section>

      {packet.heldDraft !== null && (
        <section class="packet-section held-draft" data-testid="held-draft">
          <h3>Held assistant draft</h3>
          <p class="muted small">Not sent to the customer. Review it before using it.</p>
          <blockquote>{packet.heldDraft}</blockquote>
          <button
            type="button"
            class="btn btn-small"
            data-testid="use-draft"
            disabled={!canUseDraft}
            title={canUseDraft ? 'Copy into the reply box' : 'Claim the conversation to reply'}
            onClick={() => packet.heldDraft !== null && onUseDraft(packet.heldDraft)}
          >
            Use draft
          </button>
        </section>
      )}

      <div class="packet-grid">
        <Section title="Facts" testId="packet-facts" wide>
          <FactsTable packet={packet} />
        </Section>

        <Section title="Context from the storefront" testId="packet-context">
          {isContextEmpty(context) ? (
            <p class="muted">The storefront supplied no context.</p>
          ) : (
            <>
              <KeyValues title="Customer" rows={context.customer} />
              <KeyValues title="Account" rows={context.account} />
              <KeyValues
                title="Systems"
                rows={context.systems.map((s) => ({ key: s.name, value: s.state }))}
              />
              {context.recentContacts.length > 0 && (
                <>
                  <h4>Recent contacts</h4>
                  <ul class="plain-list">
                    {context.recentContacts.map((c, i) => (
                      <li key={i}>
                        <span class="muted">{c.daysAgo}:</span> {c.text}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <KeyValues title="Other" rows={context.other} />
            </>
          )}
        </Section>

        {context.orders.length > 0 && (
          <Section title="Order history" testId="packet-orders" wide>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">
                      Total
                    </th>
                    <th scope="col">Placed</th>
                    <th scope="col">Items</th>
                    <th scope="col">Other</th>
                  </tr>
                </thead>
                <tbody>
                  {context.orders.map((order, i) => (
                    <tr key={`${order.id}-${i}`} data-testid="packet-order">
                      <td>
                        <code>{order.id}</code>
                      </td>
                      <td>{order.status}</td>
                      <td class="num">{order.total}</td>
                      <td>{order.placed}</td>
                      <td>{order.items}</td>
                      <td class="muted">{order.other}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        )}

        <ListSection
          title="Missing context"
          testId="packet-missing"
          items={packet.missingContext}
          empty="Nothing reported missing."
          tone="warn"
        />
        <ListSection
          title="Policy references"
          testId="packet-policy-refs"
          items={packet.policyReferences}
          empty="No references."
        />
        <ListSection
          title="What the assistant did not do"
          testId="packet-did-not"
          items={packet.assistantDidNot}
          empty="Nothing recorded."
        />
        <ListSection
          title="What the customer has been told"
          testId="packet-customer-state"
          items={packet.customerFacingState}
          empty="Nothing yet."
        />
      </div>

      <footer class="packet-foot">
        <span>
          Policy version <code data-testid="packet-policy-version">{packet.policyVersion}</code>
        </span>
        <span title={packet.createdAt}>Escalated at {clockTime(packet.createdAt)}</span>
        <button
          type="button"
          class="link"
          data-testid="packet-transcript-link"
          title={packet.transcriptUrl}
          onClick={onOpenTranscript}
        >
          Download full transcript
        </button>
      </footer>
    </section>
  );
}

function TriggerRow({ hit }: { hit: TriggerHit }) {
  const values = entries(hit.values);
  return (
    <li class="trigger" data-trigger={hit.name}>
      <code class="trigger-chip">{hit.name}</code>
      <span class="trigger-reason">{hit.reason}</span>
      {values.length > 0 && (
        <span class="trigger-values">
          {values.map((v) => (
            <span key={v.key} class="kv-chip">
              {v.key}: <strong>{v.value}</strong>
            </span>
          ))}
        </span>
      )}
    </li>
  );
}

function FactsTable({ packet }: { packet: EscalationPacket }) {
  const groups = groupFacts(packet.facts);
  if (groups.length === 0) return <p class="muted">No facts.</p>;
  return (
    <table class="table facts">
      <thead>
        <tr>
          <th scope="col">Fact</th>
          <th scope="col">Value</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.certainty} data-certainty={group.certainty}>
          <tr class="group-row">
            <th scope="rowgroup" colSpan={3}>
              <span class={`certainty certainty--${group.certainty}`}>{group.label}</span>
            </th>
          </tr>
          {group.facts.map((fact, i) => (
            <tr
              key={`${fact.label}-${i}`}
              data-testid="packet-fact"
              data-certainty={fact.certainty}
            >
              <td>{fact.label}</td>
              <td>{fact.value}</td>
              <td class="muted">{fact.source}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function Section({
  title,
  testId,
  wide,
  children,
}: {
  title: string;
  testId: string;
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <section class={`packet-section${wide ? ' wide' : ''}`} data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function ListSection({
  title,
  testId,
  items,
  empty,
  tone,
}: {
  title: string;
  testId: string;
  items: string[];
  empty: string;
  tone?: 'warn';
}) {
  return (
    <Section title={title} testId={testId}>
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class={`plain-list${tone ? ` tone-${tone}` : ''}`}>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function KeyValues({ title, rows }: { title: string; rows: KeyValue[] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl class="kv">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.key}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
