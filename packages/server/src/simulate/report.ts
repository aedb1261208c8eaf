import { LANES, type Lane, type RiskTier, type TriggerName, type Unit } from '@baton/shared';
import type { SimulatedConversation } from './simulate';

/** How many conversations ended in each lane under one policy. */
export interface LaneDistribution {
  policyVersion: string;
  total: number;
  counts: Record<Lane, number>;
}

/** A conversation whose decision differs between two policies (A = --policy, B = --compare). */
export interface DecisionChange {
  id: string;
  lane: [Lane, Lane];
  escalatedAtTurn: [number | null, number | null];
  unit: [Unit | null, Unit | null];
  tier: [RiskTier, RiskTier];
  queue: [string | null, string | null];
  /** Triggers that fire under B but not under A. */
  triggersAdded: TriggerName[];
  /** Triggers that fire under A but not under B. */
  triggersRemoved: TriggerName[];
}

export function laneDistribution(
  policyVersion: string,
  results: readonly SimulatedConversation[],
): LaneDistribution {
  const counts: Record<Lane, number> = { autonomous: 0, assisted: 0, human: 0 };
  for (const result of results) counts[result.lane]++;
  return { policyVersion, total: results.length, counts };
}

/**
 * The conversations whose outcome differs: lane, when it escalated, unit, tier, queue or the
 * triggers fired. Both runs must come from the same input, so they are paired by position.
 */
export function diffRuns(
  a: readonly SimulatedConversation[],
  b: readonly SimulatedConversation[],
): DecisionChange[] {
  if (a.length !== b.length) {
    throw new Error(`cannot compare runs of ${a.length} and ${b.length} conversations`);
  }
  const changes: DecisionChange[] = [];
  a.forEach((x, i) => {
    const y = b[i]!;
    if (x.id !== y.id) throw new Error(`runs differ in order at ${i}: ${x.id} vs ${y.id}`);
    const added = y.triggers.filter((t) => !x.triggers.includes(t));
    const removed = x.triggers.filter((t) => !y.triggers.includes(t));
    const same =
      x.lane === y.lane &&
      x.escalatedAtTurn === y.escalatedAtTurn &&
      x.unit === y.unit &&
      x.tier === y.tier &&
      x.queue === y.queue &&
      added.length === 0 &&
      removed.length === 0;
    if (same) return;
    changes.push({
      id: x.id,
      lane: [x.lane, y.lane],
      escalatedAtTurn: [x.escalatedAtTurn, y.escalatedAtTurn],
      unit: [x.unit, y.unit],
      tier: [x.tier, y.tier],
      queue: [x.queue, y.queue],
      triggersAdded: added,
      triggersRemoved: removed,
    });
  });
  return changes;
}

function percent(count: number, total: number): string {
  return total === 0 ? '-' : `${((count / total) * 100).toFixed(1)}%`;
}

function formatDistributions(runs: readonly { label: string; dist: LaneDistribution }[]): string[] {
  const headers = runs.map((r) => `${r.dist.policyVersion} (${r.label})`);
  const cells = runs.map((r) =>
    LANES.map(
      (lane) =>
        `${r.dist.counts[lane]} (${percent(r.dist.counts[lane], r.dist.total).padStart(6)})`,
    ),
  );
  const widths = runs.map((_, i) =>
    Math.max(headers[i]!.length, ...cells[i]!.map((c) => c.length)),
  );
  const laneWidth = Math.max(...LANES.map((l) => l.length));
  const row = (first: string, columns: string[]) =>
    [first.padEnd(laneWidth), ...columns.map((c, i) => c.padStart(widths[i]!))].join('   ');
  return [
    row('', headers),
    ...LANES.map((lane, l) =>
      row(
        lane,
        cells.map((c) => c[l]!),
      ),
    ),
    row(
      'total',
      runs.map((r) => String(r.dist.total)),
    ),
  ];
}

const show = (value: unknown) => (value === null ? 'none' : String(value));

function formatChange(change: DecisionChange): string {
  const parts: string[] = [];
  const pair = <T>(label: string, [x, y]: [T, T], always = false) => {
    if (always || x !== y) parts.push(`${label} ${show(x)} → ${show(y)}`);
  };
  pair('lane', change.lane, true);
  pair('escalatedAtTurn', change.escalatedAtTurn, true);
  pair('unit', change.unit);
  pair('tier', change.tier);
  pair('queue', change.queue);
  if (change.triggersAdded.length > 0) parts.push(`added ${change.triggersAdded.join(', ')}`);
  if (change.triggersRemoved.length > 0) {
    parts.push(`removed ${change.triggersRemoved.join(', ')}`);
  }
  return `  ${change.id}: ${parts.join('; ')}`;
}

/** The lane distribution of a single run, as printed without --compare. */
export function formatSummary(results: readonly SimulatedConversation[], version: string): string {
  const dist = laneDistribution(version, results);
  return [
    `Lane distribution over ${dist.total} conversations`,
    ...formatDistributions([{ label: '--policy', dist }]),
  ].join('\n');
}

/**
 * The --compare report: the lane distribution under each policy and every conversation whose
 * decision changed (A = the acting --policy, B = the --compare candidate).
 */
export function formatComparison(
  a: { version: string; results: readonly SimulatedConversation[] },
  b: { version: string; results: readonly SimulatedConversation[] },
): string {
  const changes = diffRuns(a.results, b.results);
  const lines = [
    `Lane distribution over ${a.results.length} conversations`,
    ...formatDistributions([
      { label: 'A, --policy', dist: laneDistribution(a.version, a.results) },
      { label: 'B, --compare', dist: laneDistribution(b.version, b.results) },
    ]),
    '',
    changes.length === 0
      ? 'No decision changed between A and B.'
      : `Decisions that changed from A to B (${changes.length}):`,
    ...changes.map(formatChange),
  ];
  return lines.join('\n');
}
