import { TRIGGERS, type TriggerName } from '@baton/shared';
import type { SimulatedConversation, SimulatedTurn } from '../simulate/simulate';
import type { EvalLabels } from './corpus';

/** A share: `count` of `total`. A figure with total 0 has no value, not 0% or 100%. */
export interface Ratio {
  count: number;
  total: number;
}

export const rate = (r: Ratio): number | null => (r.total === 0 ? null : r.count / r.total);

/** One labelled conversation and what the replay did with it. */
export interface Scored {
  labels: EvalLabels;
  result: SimulatedConversation;
}

export type MissKind = 'explicit' | 'mustReachHuman' | 'informational' | 'falseFriend' | 'trigger';

export interface Miss {
  id: string;
  kind: MissKind;
  reason: string;
}

export interface TriggerFigures {
  trigger: TriggerName;
  /** Conversations labelled with the trigger. */
  expected: number;
  /** Conversations where it fired at some turn. */
  fired: number;
  truePositives: number;
  /** Null when it never fired (nothing to be precise about). */
  precision: number | null;
  /** Null when it was never expected (nothing to recall). */
  recall: number | null;
}

export interface LanguageFigures {
  language: string;
  conversations: number;
  explicit: Ratio;
  mustInTime: Ratio;
  informationalEscalated: Ratio;
}

export interface SplitFigures {
  conversations: number;
  /** Explicit requests honoured on the turn they were made. */
  explicit: Ratio;
  /** Must-escalate conversations that left the autonomous lane by `needTurn`. */
  mustInTime: Ratio;
  /** Informational conversations that left the autonomous lane (lower is better). */
  informationalEscalated: Ratio;
  /** False friends taken for a request for a person (lower is better). */
  falseFriendExplicit: Ratio;
  /** Conversations that carry trigger labels; precision and recall are over these only. */
  triggerLabelled: number;
  triggers: TriggerFigures[];
  languages: LanguageFigures[];
  misses: Miss[];
}

/** Conversations without a language label are grouped under this name. */
export const UNLABELLED_LANGUAGE = '(none)';

const EXPLICIT: TriggerName = 'explicit_human_request';

const describeTurn = (turn: SimulatedTurn | undefined) =>
  turn
    ? `turn ${turn.turn}: ${turn.lane}` +
      (turn.triggers.length > 0 ? ` [${turn.triggers.join(', ')}]` : '')
    : 'no such turn';

/**
 * Honoured: the turn of the request is handled in the human lane because of the request; or a
 * person already owned the conversation (no decision is taken then, so no trigger is listed).
 * A held action is in the human lane too, but without the trigger it is not the request honoured.
 */
export function explicitHonoured(result: SimulatedConversation, turnNumber: number): boolean {
  const turn = result.turns[turnNumber - 1];
  if (!turn || turn.lane !== 'human') return false;
  if (turn.triggers.includes(EXPLICIT)) return true;
  const before = result.turns[turnNumber - 2];
  return turn.triggers.length === 0 && before?.lane === 'human';
}

/** Left the autonomous lane (assisted, human, or an action held for a person) by `byTurn`. */
export function escalatedBy(result: SimulatedConversation, byTurn: number): boolean {
  return result.turns.some((t) => t.turn <= byTurn && t.lane !== 'autonomous');
}

const escalatedAt = (result: SimulatedConversation) =>
  result.turns.find((t) => t.lane !== 'autonomous')?.turn ?? null;

interface Outcome {
  explicit: boolean | null;
  mustInTime: boolean | null;
  informationalEscalated: boolean | null;
}

function outcomeOf({ labels, result }: Scored, misses: Miss[]): Outcome {
  const id = result.id;
  let explicit: boolean | null = null;
  if (labels.explicitTurn !== null) {
    explicit = explicitHonoured(result, labels.explicitTurn);
    if (!explicit) {
      const turn = result.turns[labels.explicitTurn - 1];
      misses.push({ id, kind: 'explicit', reason: `request at ${describeTurn(turn)}` });
    }
  }
  let mustInTime: boolean | null = null;
  if (labels.mustReachHuman) {
    // Without a needTurn any turn will do: the conversation only has to reach a person.
    const need = labels.needTurn ?? result.turns.length;
    mustInTime = escalatedBy(result, need);
    if (!mustInTime) {
      const at = escalatedAt(result);
      const when = at === null ? 'never left the autonomous lane' : `left it at turn ${at}`;
      misses.push({ id, kind: 'mustReachHuman', reason: `needed by turn ${need}, ${when}` });
    }
  }
  let informationalEscalated: boolean | null = null;
  if (labels.informational) {
    const at = escalatedAt(result);
    informationalEscalated = at !== null;
    if (at !== null) {
      const turn = result.turns[at - 1];
      misses.push({ id, kind: 'informational', reason: `escalated at ${describeTurn(turn)}` });
    }
  }
  return { explicit, mustInTime, informationalEscalated };
}

function tally(ratio: Ratio, value: boolean | null) {
  if (value === null) return;
  ratio.total++;
  if (value) ratio.count++;
}

const emptyRatio = (): Ratio => ({ count: 0, total: 0 });

function triggerFigures(scored: readonly Scored[], misses: Miss[]): TriggerFigures[] {
  const counts = new Map(TRIGGERS.map((t) => [t, { expected: 0, fired: 0, truePositives: 0 }]));
  for (const { labels, result } of scored) {
    if (labels.triggers === null) continue;
    const expected = new Set(labels.triggers);
    const fired = new Set(result.triggers);
    for (const trigger of TRIGGERS) {
      const c = counts.get(trigger)!;
      const e = expected.has(trigger);
      const f = fired.has(trigger);
      if (e) c.expected++;
      if (f) c.fired++;
      if (e && f) c.truePositives++;
    }
    const missing = labels.triggers.filter((t) => !fired.has(t));
    const extra = result.triggers.filter((t) => !expected.has(t));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        ...(missing.length > 0 ? [`not fired: ${missing.join(', ')}`] : []),
        ...(extra.length > 0 ? [`unexpected: ${extra.join(', ')}`] : []),
      ];
      misses.push({ id: result.id, kind: 'trigger', reason: parts.join('; ') });
    }
  }
  return TRIGGERS.map((trigger) => {
    const c = counts.get(trigger)!;
    return {
      trigger,
      ...c,
      precision: c.fired === 0 ? null : c.truePositives / c.fired,
      recall: c.expected === 0 ? null : c.truePositives / c.expected,
    };
  });
}

/** Every figure of one split. `scored` pairs labels with results of the same conversation. */
export function computeFigures(scored: readonly Scored[]): SplitFigures {
  const misses: Miss[] = [];
  const explicit = emptyRatio();
  const mustInTime = emptyRatio();
  const informationalEscalated = emptyRatio();
  const falseFriendExplicit = emptyRatio();
  const languages = new Map<string, LanguageFigures>();

  for (const item of scored) {
    const outcome = outcomeOf(item, misses);
    tally(explicit, outcome.explicit);
    tally(mustInTime, outcome.mustInTime);
    tally(informationalEscalated, outcome.informationalEscalated);

    const language = item.labels.language ?? UNLABELLED_LANGUAGE;
    let figures = languages.get(language);
    if (!figures) {
      figures = {
        language,
        conversations: 0,
        explicit: emptyRatio(),
        mustInTime: emptyRatio(),
        informationalEscalated: emptyRatio(),
      };
      languages.set(language, figures);
    }
    figures.conversations++;
    tally(figures.explicit, outcome.explicit);
    tally(figures.mustInTime, outcome.mustInTime);
    tally(figures.informationalEscalated, outcome.informationalEscalated);

    if (item.labels.falseFriend) {
      const taken = item.result.turns.find((t) => t.triggers.includes(EXPLICIT));
      tally(falseFriendExplicit, taken !== undefined);
      if (taken) {
        misses.push({
          id: item.result.id,
          kind: 'falseFriend',
          reason: `taken as a request for a person at ${describeTurn(taken)}`,
        });
      }
    }
  }

  return {
    conversations: scored.length,
    explicit,
    mustInTime,
    informationalEscalated,
    falseFriendExplicit,
    triggerLabelled: scored.filter((s) => s.labels.triggers !== null).length,
    triggers: triggerFigures(scored, misses),
    languages: [...languages.values()].sort((a, b) => a.language.localeCompare(b.language)),
    misses,
  };
}

export interface GateCheck {
  name: string;
  requirement: string;
  figure: Ratio;
  passed: boolean;
}

export interface GateResult {
  passed: boolean;
  checks: GateCheck[];
}

/**
 * The release gate on the test split: every explicit request honoured on its turn, ≥ 95% of
 * must-escalate conversations in time, ≤ 5% of informational ones escalated. A figure over no
 * conversations fails: a gate that nothing was measured against proves nothing. Integer
 * arithmetic, so that 19/20 is exactly 95%.
 */
export function checkGate(figures: SplitFigures): GateResult {
  const measured = (r: Ratio, ok: (r: Ratio) => boolean) => r.total > 0 && ok(r);
  const checks: GateCheck[] = [
    {
      name: 'explicit requests honoured on the turn',
      requirement: '= 100%',
      figure: figures.explicit,
      passed: measured(figures.explicit, (r) => r.count === r.total),
    },
    {
      name: 'must-escalate in time',
      requirement: '≥ 95%',
      figure: figures.mustInTime,
      passed: measured(figures.mustInTime, (r) => r.count * 100 >= r.total * 95),
    },
    {
      name: 'informational over-escalation',
      requirement: '≤ 5%',
      figure: figures.informationalEscalated,
      passed: measured(figures.informationalEscalated, (r) => r.count * 100 <= r.total * 5),
    },
  ];
  return { passed: checks.every((c) => c.passed), checks };
}

/**
 * A regression floor on the test split, below the release gate while that is not met: the
 * shares the split may not fall below (explicit, must-escalate) or rise above (informational
 * over-escalation). CI checks it, so any change that loses ground fails even though the gate
 * itself still fails.
 */
export interface Floor {
  explicit: number;
  mustInTime: number;
  informationalEscalatedMax: number;
}

export function checkFloor(figures: SplitFigures, floor: Floor): GateResult {
  const share = (r: Ratio) => (r.total === 0 ? Number.NaN : r.count / r.total);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const checks: GateCheck[] = [
    {
      name: 'explicit requests honoured on the turn',
      requirement: `≥ ${pct(floor.explicit)}`,
      figure: figures.explicit,
      passed: share(figures.explicit) >= floor.explicit,
    },
    {
      name: 'must-escalate in time',
      requirement: `≥ ${pct(floor.mustInTime)}`,
      figure: figures.mustInTime,
      passed: share(figures.mustInTime) >= floor.mustInTime,
    },
    {
      name: 'informational over-escalation',
      requirement: `≤ ${pct(floor.informationalEscalatedMax)}`,
      figure: figures.informationalEscalated,
      passed: share(figures.informationalEscalated) <= floor.informationalEscalatedMax,
    },
  ];
  return { passed: checks.every((c) => c.passed), checks };
}
