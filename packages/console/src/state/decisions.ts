import type { DecisionSummary, TriggerName } from '@baton/shared';

/** The per-turn decision log, and where a shadow (candidate) policy would have decided otherwise. */

export interface DecisionDiff {
  /** True when the shadow decision differs in lane, unit, queue or trigger set. */
  differs: boolean;
  lane: boolean;
  unit: boolean;
  queue: boolean;
  triggers: boolean;
  /** Triggers only the acted-on policy fired. */
  onlyActual: TriggerName[];
  /** Triggers only the shadow policy fired. */
  onlyShadow: TriggerName[];
}

const NO_DIFF: DecisionDiff = {
  differs: false,
  lane: false,
  unit: false,
  queue: false,
  triggers: false,
  onlyActual: [],
  onlyShadow: [],
};

/** Compares a decision with its shadow. Trigger order and repeats do not count as a difference. */
export function diffDecision(decision: DecisionSummary): DecisionDiff {
  const shadow = decision.shadow;
  if (!shadow) return NO_DIFF;
  const actual = new Set(decision.triggers);
  const candidate = new Set(shadow.triggers);
  const onlyActual = [...actual].filter((t) => !candidate.has(t));
  const onlyShadow = [...candidate].filter((t) => !actual.has(t));
  const lane = decision.lane !== shadow.lane;
  const unit = decision.unit !== shadow.unit;
  const queue = decision.queue !== shadow.queue;
  const triggers = onlyActual.length > 0 || onlyShadow.length > 0;
  return {
    differs: lane || unit || queue || triggers,
    lane,
    unit,
    queue,
    triggers,
    onlyActual,
    onlyShadow,
  };
}

export interface DecisionRow {
  decision: DecisionSummary;
  diff: DecisionDiff;
}

/** Decisions in turn order (stable for several decisions on one turn), each with its diff. */
export function decisionRows(decisions: readonly DecisionSummary[]): DecisionRow[] {
  return decisions
    .map((decision, index) => ({ decision, index }))
    .sort((a, b) => a.decision.turn - b.decision.turn || a.index - b.index)
    .map(({ decision }) => ({ decision, diff: diffDecision(decision) }));
}

export interface ShadowSummary {
  /** Rows that carry a shadow decision. */
  compared: number;
  /** Of those, rows where the shadow policy decided differently. */
  differing: number;
  /** The candidate policy versions seen, in order of first appearance. */
  versions: string[];
}

export function shadowSummary(rows: readonly DecisionRow[]): ShadowSummary {
  const versions: string[] = [];
  let compared = 0;
  let differing = 0;
  for (const { decision, diff } of rows) {
    if (!decision.shadow) continue;
    compared += 1;
    if (diff.differs) differing += 1;
    if (!versions.includes(decision.shadow.policyVersion)) {
      versions.push(decision.shadow.policyVersion);
    }
  }
  return { compared, differing, versions };
}
