import { useEffect, useState } from 'preact/hooks';
import {
  SCORECARD_DIMENSIONS,
  type AuditSample,
  type Distribution,
  type Scorecard,
  type ScorecardDimension,
  type ScorecardMetrics,
} from '@baton/shared';
import type { AuditDetail } from '../connection/http';
import { describeError } from '../state/errorMessages';
import { changeOf, kpis, lastDays, percent } from '../state/scorecard';
import { downloadText } from './download';
import { useStore } from './storeContext';

const PERIODS = [7, 30, 90] as const;
const DIMENSION_LABELS: Record<ScorecardDimension, string> = {
  queue: 'Queue',
  intent: 'Ticket type (intent)',
  tier: 'Risk tier',
  policyVersion: 'Policy version',
};

/** Metrics the breakdown chart can draw, one bar per group. */
const BREAKDOWN: { key: string; label: string; pick: (m: ScorecardMetrics) => number | null }[] = [
  {
    key: 'autonomousResolution',
    label: 'Resolved by the assistant alone',
    pick: (m) => m.autonomousResolution.rate,
  },
  { key: 'slaAttainment', label: 'Reply target met', pick: (m) => m.slaAttainment.rate },
  { key: 'humanOverride', label: 'Human override', pick: (m) => m.humanOverride.rate },
  { key: 'lateEscalation', label: 'Late escalation', pick: (m) => m.lateEscalation.rate },
  { key: 'csatSatisfied', label: 'Customers who gave 4–5', pick: (m) => m.csat.satisfied.rate },
];

/**
 * The escalation scorecard for a support lead: headline figures over a period, a breakdown by
 * queue, ticket type, tier or policy version, the ratings' distributions, the comparison with
 * the previous policy version, a CSV export, and the audits waiting for a verdict.
 */
export function ScorecardPage() {
  const store = useStore();
  const [days, setDays] = useState<number>(7);
  const [by, setBy] = useState<ScorecardDimension>('queue');
  const [compare, setCompare] = useState(false);
  const [metric, setMetric] = useState(BREAKDOWN[0]!.key);
  const [card, setCard] = useState<Scorecard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reload, setReload] = useState(0);

  const request = () => ({ ...lastDays(days, store.clockNow()), by, compare });

  useEffect(() => {
    let current = true;
    setLoading(true);
    void store
      .authorized((http, token) => http.fetchScorecard(token, request()))
      .then((result) => {
        if (!current) return;
        setLoading(false);
        if (result.ok) {
          setCard(result.data);
          setError(null);
        } else setError(`Could not load the scorecard. ${describeError(result.error)}`);
      });
    return () => {
      current = false;
    };
  }, [days, by, compare, reload]);

  async function exportCsv() {
    const q = request();
    const result = await store.authorized((http, token) => http.fetchScorecardCsv(token, q));
    if (result.ok) {
      downloadText(
        `baton-scorecard-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}-by-${by}.csv`,
        result.data,
      );
    } else setError(`Could not export the scorecard. ${describeError(result.error)}`);
  }

  const chosen = BREAKDOWN.find((b) => b.key === metric) ?? BREAKDOWN[0]!;
  return (
    <div class="scorecard" data-testid="scorecard">
      <div class="scorecard-head">
        <h1>Escalation scorecard</h1>
        <div class="scorecard-controls">
          <label>
            Period{' '}
            <select
              value={String(days)}
              onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value))}
            >
              {PERIODS.map((d) => (
                <option key={d} value={String(d)}>
                  Last {d} days
                </option>
              ))}
            </select>
          </label>
          <label>
            Break down by{' '}
            <select
              value={by}
              onChange={(e) => setBy((e.target as HTMLSelectElement).value as ScorecardDimension)}
            >
              {SCORECARD_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={compare}
              onChange={(e) => setCompare((e.target as HTMLInputElement).checked)}
            />{' '}
            Compare the current policy with the previous one
          </label>
          <button type="button" class="btn btn-small" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </div>
      </div>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      {loading && !card && <p class="muted">Loading…</p>}
      {card && (
        <>
          <p class="muted scorecard-period" aria-live="polite">
            {card.overall.conversations} conversations from {card.from.slice(0, 10)} to{' '}
            {card.to.slice(0, 10)}
            {card.comparison &&
              (card.comparison.previousVersion
                ? ` · policy ${card.comparison.version} against ${card.comparison.previousVersion}`
                : ` · policy ${card.comparison.version} (no earlier version to compare with)`)}
          </p>
          <ul class="kpis" aria-label="Headline figures">
            {kpis(card.overall).map((k) => {
              const change = changeOf(card, k);
              return (
                <li key={k.key} class="kpi" data-kpi={k.key}>
                  <span class="kpi-label">{k.label}</span>
                  <span class="kpi-value">{k.value}</span>
                  <span class="kpi-detail">{k.detail}</span>
                  {change && (
                    <span
                      class={`kpi-change ${change.good === null ? '' : change.good ? 'kpi-change--good' : 'kpi-change--bad'}`}
                    >
                      {change.text} against the previous policy
                    </span>
                  )}
                </li>
              );
            })}
          </ul>

          <section class="card scorecard-card" aria-labelledby="breakdown-title">
            <div class="card-head">
              <h2 id="breakdown-title">By {DIMENSION_LABELS[card.by].toLowerCase()}</h2>
              <label>
                Show{' '}
                <select
                  value={metric}
                  onChange={(e) => setMetric((e.target as HTMLSelectElement).value)}
                >
                  {BREAKDOWN.map((b) => (
                    <option key={b.key} value={b.key}>
                      {b.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {card.groups.length === 0 ? (
              <p class="muted">No conversations in this period.</p>
            ) : (
              <ul class="bars" aria-label={chosen.label}>
                {card.groups.map((g) => {
                  const rate = chosen.pick(g.metrics);
                  return (
                    <li key={g.key} class="bar-row">
                      <span class="bar-label">{g.key}</span>
                      <span class="bar-track" aria-hidden="true">
                        <span class="bar-fill" style={{ width: `${(rate ?? 0) * 100}%` }} />
                      </span>
                      <span class="bar-value">
                        {percent(rate)} <span class="muted">({g.metrics.conversations} conv.)</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <div class="scorecard-columns">
            <DistributionChart
              title="Packet usefulness (agents, 1–5)"
              counts={card.overall.packetUsefulness.distribution}
            />
            <DistributionChart
              title="Customer satisfaction (1–5)"
              counts={card.overall.csat.distribution}
            />
          </div>
        </>
      )}
      <Audits onVerdict={() => setReload((n) => n + 1)} />
    </div>
  );
}

function DistributionChart({ title, counts }: { title: string; counts: Distribution }) {
  const keys = ['1', '2', '3', '4', '5'] as const;
  const max = Math.max(1, ...keys.map((k) => counts[k]));
  const total = keys.reduce((n, k) => n + counts[k], 0);
  const summary = keys.map((k) => `${k}: ${counts[k]}`).join(', ');
  return (
    <section class="card scorecard-card" aria-label={title}>
      <h2>{title}</h2>
      {total === 0 ? (
        <p class="muted">No ratings in this period.</p>
      ) : (
        <figure class="histogram" aria-label={`${title}: ${summary}`}>
          {keys.map((k) => (
            <div key={k} class="histogram-col">
              <span class="histogram-count">{counts[k]}</span>
              <span
                class="histogram-bar"
                aria-hidden="true"
                style={{ height: `${(counts[k] / max) * 100}%` }}
              />
              <span class="histogram-key">{k}</span>
            </div>
          ))}
        </figure>
      )}
    </section>
  );
}

/** Conversations the assistant handled alone, drawn for review: was it right to keep them? */
function Audits({ onVerdict }: { onVerdict: () => void }) {
  const store = useStore();
  const [audits, setAudits] = useState<AuditSample[] | null>(null);
  const [open, setOpen] = useState<AuditDetail | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function refresh() {
    const result = await store.authorized((http, token) => http.fetchAudits(token, true));
    if (result.ok) setAudits(result.data.audits);
    else setError(`Could not load the audits. ${describeError(result.error)}`);
  }
  useEffect(() => {
    void refresh();
  }, []);

  async function show(conversationId: string) {
    const result = await store.authorized((http, token) => http.fetchAudit(token, conversationId));
    if (result.ok) {
      setOpen(result.data);
      setNote('');
      setError(null);
    } else setError(`Could not open the audit. ${describeError(result.error)}`);
  }

  async function judge(verdict: 'ok' | 'missed') {
    if (!open) return;
    setBusy(true);
    const id = open.audit.conversationId;
    const result = await store.authorized((http, token) =>
      http.submitVerdict(token, id, { verdict, ...(note.trim() && { note: note.trim() }) }),
    );
    setBusy(false);
    if (!result.ok) {
      setError(`Could not save the verdict. ${describeError(result.error)}`);
      return;
    }
    setOpen(null);
    await refresh();
    onVerdict();
  }

  return (
    <section class="card scorecard-card" aria-labelledby="audits-title" data-testid="audits">
      <h2 id="audits-title">High-risk miss review</h2>
      <p class="muted">
        Conversations the assistant handled alone, drawn at random from your queues. Read each and
        say whether it should have gone to a person; the verdicts feed the miss rate above.
      </p>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      {audits && audits.length === 0 && <p class="muted">Nothing waiting for review.</p>}
      {audits && audits.length > 0 && (
        <ul class="audit-list">
          {audits.map((a) => (
            <li key={a.conversationId} class="audit-item">
              <span>
                <strong>{a.intent ?? 'no intent'}</strong> · {a.queue} · tier {a.tier} · drawn{' '}
                {a.drawnAt.slice(0, 10)}
              </span>
              <button
                type="button"
                class="btn btn-small"
                onClick={() => void show(a.conversationId)}
              >
                Review
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div class="audit-detail" data-testid="audit-detail">
          <h3>Conversation {open.audit.conversationId.slice(0, 8)}</h3>
          <ol class="audit-transcript">
            {open.messages.map((m) => (
              <li key={m.id} class={`audit-msg audit-msg--${m.role}`}>
                <span class="audit-role">{m.role}</span> {m.text}
              </li>
            ))}
          </ol>
          <p class="muted">
            Decisions: {open.decisions.map((d) => `turn ${d.turn} ${d.lane}`).join(' · ') || '—'}
          </p>
          <label class="audit-note">
            Note (optional)
            <textarea
              value={note}
              maxLength={2000}
              rows={2}
              onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <div class="audit-actions">
            <button
              type="button"
              class="btn btn-small"
              disabled={busy}
              onClick={() => void judge('ok')}
            >
              Right to keep it
            </button>
            <button
              type="button"
              class="btn btn-small btn-danger"
              disabled={busy}
              onClick={() => void judge('missed')}
            >
              Should have gone to a person
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
