import type { SimulatedConversation } from '../simulate/simulate';
import type { EvalCase } from './corpus';
import { rate, type GateResult, type MissKind, type Ratio, type SplitFigures } from './metrics';

const pct = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);

/** `57/60  95.0%`, or `0/0  -` when nothing was measured. */
export const formatRatio = (r: Ratio) =>
  `${r.count}/${r.total}`.padStart(9) + pct(rate(r)).padStart(8);

/** Left-aligned first column, right-aligned others, two spaces apart. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

export interface SplitHeading {
  split: string;
  path: string;
  policyVersion: string;
  assistant: string;
}

/** The readable report of one split: headline figures, per language, per trigger. */
export function formatSplit(heading: SplitHeading, f: SplitFigures): string {
  const lines = [
    `== ${heading.split}: ${heading.path} — ${f.conversations} conversations, ` +
      `policy ${heading.policyVersion}, assistant ${heading.assistant} ==`,
    ...table([
      ['', 'count', 'share'],
      ['explicit requests honoured on the turn', ...cells(f.explicit)],
      ['must-escalate in time', ...cells(f.mustInTime)],
      ['informational over-escalation (lower is better)', ...cells(f.informationalEscalated)],
      ['false friends taken as explicit (lower is better)', ...cells(f.falseFriendExplicit)],
    ]),
    '',
    'Per language',
    ...table([
      ['language', 'convs', 'explicit', '', 'must in time', '', 'info escalated', ''],
      ...f.languages.map((l) => [
        l.language,
        String(l.conversations),
        ...cells(l.explicit),
        ...cells(l.mustInTime),
        ...cells(l.informationalEscalated),
      ]),
    ]),
    '',
    ...formatTriggers(f),
  ];
  return lines.join('\n');
}

function formatTriggers(f: SplitFigures): string[] {
  if (f.triggerLabelled === 0) {
    return ['Per trigger: no conversation carries trigger labels (expect.triggers)'];
  }
  return [
    `Per trigger (over the ${f.triggerLabelled} conversations with trigger labels)`,
    ...table([
      ['trigger', 'expected', 'fired', 'both', 'precision', 'recall'],
      ...f.triggers.map((t) => [
        t.trigger,
        String(t.expected),
        String(t.fired),
        String(t.truePositives),
        pct(t.precision),
        pct(t.recall),
      ]),
    ]),
  ];
}

function cells(r: Ratio): [string, string] {
  return [`${r.count}/${r.total}`, pct(rate(r))];
}

const KIND_TITLES: Record<MissKind, string> = {
  explicit: 'Explicit requests not honoured on the turn',
  mustReachHuman: 'Must-escalate conversations not in time',
  informational: 'Informational conversations that escalated',
  falseFriend: 'False friends taken as a request for a person',
  trigger: 'Trigger labels not matched',
};

function formatConversation(c: EvalCase, result: SimulatedConversation): string[] {
  const labels = [c.labels.language, c.labels.style].filter((x) => x !== null).join(', ');
  const lines = [`  ${result.id} (line ${c.line}${labels ? `; ${labels}` : ''})`];
  c.conversation.messages.forEach((message, i) => {
    const turn = result.turns[i];
    const said = message.kind === 'text' ? JSON.stringify(message.text) : '[Talk to a human]';
    const intent =
      turn?.intent != null ? ` ${turn.intent}@${(turn.confidence ?? 0).toFixed(2)}` : '';
    const triggers = turn && turn.triggers.length > 0 ? ` [${turn.triggers.join(', ')}]` : '';
    lines.push(`    ${i + 1}. ${said}`, `       → ${turn?.lane ?? '?'}${intent}${triggers}`);
  });
  return lines;
}

/** Every miss of a split, grouped by kind, each with its texts and per-turn decisions. */
export function formatMisses(
  split: string,
  f: SplitFigures,
  byId: ReadonlyMap<string, { case: EvalCase; result: SimulatedConversation }>,
): string {
  if (f.misses.length === 0) return `== ${split} misses: none ==`;
  const lines = [`== ${split} misses (${f.misses.length}) ==`];
  for (const kind of Object.keys(KIND_TITLES) as MissKind[]) {
    const misses = f.misses.filter((m) => m.kind === kind);
    if (misses.length === 0) continue;
    lines.push('', `${KIND_TITLES[kind]} (${misses.length}):`);
    for (const miss of misses) {
      lines.push(`- ${miss.id}: ${miss.reason}`);
      const entry = byId.get(miss.id);
      if (entry) lines.push(...formatConversation(entry.case, entry.result));
    }
  }
  return lines.join('\n');
}

export function formatGate(gate: GateResult | null, title = 'Gate on the test split'): string {
  if (gate === null) return `${title}: FAILED, the test split could not be evaluated (see above).`;
  const rows = gate.checks.map(
    (c) =>
      `  ${c.passed ? 'pass' : 'FAIL'}  ${c.name} ${c.requirement}: ${formatRatio(c.figure).trim()}`,
  );
  return [`${title}: ${gate.passed ? 'PASSED' : 'FAILED'}`, ...rows].join('\n');
}
