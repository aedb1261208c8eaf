import type { DecisionSummary, TriggerName } from '@baton/shared';
import {
  decisionRows,
  shadowSummary,
  type DecisionDiff,
  type DecisionRow,
} from '../state/decisions';
import { LANE_LABELS } from '../state/labels';
import { TierBadge, TriggerChip } from './badges';

/**
 * The audit trail, one row per customer turn. When a candidate policy ran in shadow, its decision
 * sits beside the one acted on and rows where it would have decided differently are highlighted.
 */
export function Decisions({ decisions }: { decisions: readonly DecisionSummary[] }) {
  const rows = decisionRows(decisions);
  const summary = shadowSummary(rows);
  const withShadow = summary.compared > 0;
  return (
    <section class="card decisions" data-testid="decisions" aria-label="Decisions">
      <header class="card-head">
        <h2>Decisions</h2>
        {withShadow ? (
          <span
            class={`small${summary.differing > 0 ? ' shadow-differs' : ' muted'}`}
            data-testid="decisions-shadow-summary"
          >
            Shadow policy {summary.versions.join(', ')}:{' '}
            {summary.differing === 0
              ? `same decision on all ${summary.compared} turn${summary.compared === 1 ? '' : 's'}`
              : `would have decided differently on ${summary.differing} of ${summary.compared} turn${
                  summary.compared === 1 ? '' : 's'
                }`}
          </span>
        ) : (
          <span class="muted small">One row per customer turn</span>
        )}
      </header>
      {rows.length === 0 ? (
        <p class="muted">No decisions recorded yet.</p>
      ) : (
        <div class="table-scroll">
          <table class="table decisions-table">
            <thead>
              <tr>
                <th scope="col" class="num">
                  Turn
                </th>
                <th scope="col">Lane</th>
                <th scope="col">Unit</th>
                <th scope="col">Tier</th>
                <th scope="col">Triggers</th>
                <th scope="col">Queue</th>
                <th scope="col">Policy</th>
                {withShadow && <th scope="col">Shadow policy would have…</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <DecisionRowView
                  key={`${row.decision.turn}-${i}`}
                  row={row}
                  withShadow={withShadow}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DecisionRowView({ row, withShadow }: { row: DecisionRow; withShadow: boolean }) {
  const { decision, diff } = row;
  return (
    <tr
      class={diff.differs ? 'decision-differs' : undefined}
      data-testid="decision-row"
      data-turn={decision.turn}
      data-differs={diff.differs ? 'true' : 'false'}
      title={diff.differs ? 'The shadow policy would have decided differently' : undefined}
    >
      <td class="num">{decision.turn}</td>
      <td class={diff.lane ? 'diff-cell' : undefined}>
        <span class={`badge lane lane--${decision.lane}`}>{LANE_LABELS[decision.lane]}</span>
      </td>
      <td class={diff.unit ? 'diff-cell' : undefined}>{decision.unit ?? '—'}</td>
      <td>
        <TierBadge tier={decision.tier} />
      </td>
      <td class={diff.triggers ? 'diff-cell' : undefined}>
        <Triggers names={decision.triggers} />
      </td>
      <td class={diff.queue ? 'diff-cell' : undefined}>
        {decision.queue ? <code>{decision.queue}</code> : '—'}
      </td>
      <td>
        <code class="small">{decision.policyVersion}</code>
      </td>
      {withShadow && (
        <td class="shadow-cell" data-testid="decision-shadow">
          {decision.shadow ? (
            <ShadowCell shadow={decision.shadow} diff={diff} />
          ) : (
            <span class="muted">not evaluated</span>
          )}
        </td>
      )}
    </tr>
  );
}

function ShadowCell({
  shadow,
  diff,
}: {
  shadow: NonNullable<DecisionSummary['shadow']>;
  diff: DecisionDiff;
}) {
  return (
    <div class="shadow">
      <div class="shadow-line">
        <span class={diff.lane ? 'diff-value' : undefined} data-field="lane">
          <span class={`badge lane lane--${shadow.lane}`}>{LANE_LABELS[shadow.lane]}</span>
        </span>
        <span class={diff.unit ? 'diff-value' : 'muted'} data-field="unit">
          {shadow.unit ?? 'no unit'}
        </span>
        <span class={diff.queue ? 'diff-value' : 'muted'} data-field="queue">
          {shadow.queue ? <code>{shadow.queue}</code> : 'no queue'}
        </span>
      </div>
      <Triggers
        names={[...shadow.triggers, ...diff.onlyActual]}
        added={diff.onlyShadow}
        removed={diff.onlyActual}
      />
      <span class="muted small">
        <code>{shadow.policyVersion}</code>
        {diff.differs ? ' · differs' : ' · same'}
      </span>
    </div>
  );
}

/** Trigger chips; in the shadow cell, `added` ones only it fired, `removed` ones only the acted-on policy fired. */
function Triggers({
  names,
  added = [],
  removed = [],
}: {
  names: readonly TriggerName[];
  added?: readonly TriggerName[];
  removed?: readonly TriggerName[];
}) {
  if (names.length === 0) return <span class="muted">none</span>;
  return (
    <span class="chips">
      {[...new Set(names)].map((name) => (
        <span
          key={name}
          class={added.includes(name) ? 'chip-added' : removed.includes(name) ? 'chip-removed' : ''}
          title={
            added.includes(name)
              ? 'Only the shadow policy fired this trigger'
              : removed.includes(name)
                ? 'The shadow policy did not fire this trigger'
                : undefined
          }
        >
          <TriggerChip name={name} />
        </span>
      ))}
    </span>
  );
}
