import type { Lane, TriggerName } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import type { SimulatedConversation } from '../simulate/simulate';
import type { EvalLabels } from './corpus';
import {
  checkFloor,
  checkGate,
  computeFigures,
  escalatedBy,
  explicitHonoured,
  rate,
  UNLABELLED_LANGUAGE,
  type Scored,
  type SplitFigures,
} from './metrics';

/** A turn as `[lane, ...triggers]`. */
type TurnSpec = [Lane, ...TriggerName[]];

function simulated(id: string, turns: TurnSpec[]): SimulatedConversation {
  const simTurns = turns.map(([lane, ...triggers], i) => ({
    turn: i + 1,
    intent: null,
    confidence: null,
    lane,
    triggers,
    assistantReplied: lane === 'autonomous',
  }));
  return {
    id,
    lane: simTurns.reduce<Lane>(
      (top, t) =>
        t.lane === 'human' || top === 'human' ? 'human' : t.lane === 'assisted' ? 'assisted' : top,
      'autonomous',
    ),
    unit: null,
    tier: 1,
    triggers: [...new Set(simTurns.flatMap((t) => t.triggers))],
    queue: null,
    escalatedAtTurn: simTurns.find((t) => t.lane !== 'autonomous')?.turn ?? null,
    policyVersion: 'test',
    turns: simTurns,
  };
}

const labels = (over: Partial<EvalLabels> = {}): EvalLabels => ({
  language: 'en',
  style: null,
  explicitTurn: null,
  mustReachHuman: false,
  needTurn: null,
  informational: false,
  triggers: null,
  falseFriend: false,
  ...over,
});

const scored = (id: string, l: Partial<EvalLabels>, turns: TurnSpec[]): Scored => ({
  labels: labels(l),
  result: simulated(id, turns),
});

describe('explicitHonoured', () => {
  it.each<[string, TurnSpec[], number, boolean]>([
    [
      'human with the trigger on the turn',
      [['autonomous'], ['human', 'explicit_human_request']],
      2,
      true,
    ],
    [
      'human one turn late',
      [['autonomous'], ['autonomous'], ['human', 'explicit_human_request']],
      2,
      false,
    ],
    ['only the assisted lane', [['assisted', 'explicit_human_request']], 1, false],
    ['human for another reason (held action)', [['human', 'irreversible_action']], 1, false],
    [
      'a person already owned the conversation',
      [['human', 'security_identity'], ['human']],
      2,
      true,
    ],
    ['human with no trigger and no earlier owner', [['autonomous'], ['human']], 2, false],
    ['the turn does not exist', [['autonomous']], 3, false],
  ])('%s', (_name, turns, turn, expected) => {
    expect(explicitHonoured(simulated('c', turns), turn)).toBe(expected);
  });
});

describe('escalatedBy', () => {
  it.each<[string, TurnSpec[], number, boolean]>([
    ['assisted on the needed turn', [['autonomous'], ['assisted', 'low_confidence']], 2, true],
    ['human before the needed turn', [['human', 'explicit_human_request'], ['human']], 2, true],
    ['only after the needed turn', [['autonomous'], ['autonomous'], ['assisted']], 2, false],
    ['never', [['autonomous'], ['autonomous']], 2, false],
  ])('%s', (_name, turns, by, expected) => {
    expect(escalatedBy(simulated('c', turns), by)).toBe(expected);
  });
});

describe('computeFigures', () => {
  const corpus: Scored[] = [
    scored(
      'explicit-ok',
      { explicitTurn: 1, mustReachHuman: true, needTurn: 1, triggers: ['explicit_human_request'] },
      [['human', 'explicit_human_request']],
    ),
    scored(
      'explicit-late',
      {
        language: 'es',
        explicitTurn: 1,
        mustReachHuman: true,
        needTurn: 1,
        triggers: ['explicit_human_request'],
      },
      [
        ['assisted', 'low_confidence'],
        ['human', 'explicit_human_request'],
      ],
    ),
    scored(
      'must-never',
      { language: 'es', mustReachHuman: true, needTurn: 2, triggers: ['policy_boundary'] },
      [['autonomous'], ['autonomous']],
    ),
    scored('info-ok', { informational: true, triggers: [] }, [['autonomous'], ['autonomous']]),
    scored('info-escalated', { language: 'fr', informational: true, triggers: [] }, [
      ['autonomous'],
      ['assisted', 'low_confidence'],
    ]),
    scored('false-friend', { falseFriend: true, informational: true, triggers: [] }, [
      ['human', 'explicit_human_request'],
    ]),
    scored('unlabelled', { language: null }, [['assisted', 'multi_domain']]),
  ];
  const f = computeFigures(corpus);

  it('counts the headline figures over the conversations that carry each label', () => {
    expect(f.conversations).toBe(7);
    expect(f.explicit).toEqual({ count: 1, total: 2 });
    // explicit-late left autonomous on turn 1 (assisted): in time for must, though not honoured.
    expect(f.mustInTime).toEqual({ count: 2, total: 3 });
    expect(f.informationalEscalated).toEqual({ count: 2, total: 3 });
    expect(f.falseFriendExplicit).toEqual({ count: 1, total: 1 });
  });

  it('splits the same figures per language, unlabelled lines grouped apart', () => {
    const by = Object.fromEntries(f.languages.map((l) => [l.language, l]));
    expect(Object.keys(by)).toEqual([UNLABELLED_LANGUAGE, 'en', 'es', 'fr']);
    expect(by.es).toMatchObject({
      conversations: 2,
      explicit: { count: 0, total: 1 },
      mustInTime: { count: 1, total: 2 },
      informationalEscalated: { count: 0, total: 0 },
    });
    expect(by.en).toMatchObject({
      explicit: { count: 1, total: 1 },
      informationalEscalated: { count: 1, total: 2 },
    });
  });

  it('computes precision and recall only over conversations with trigger labels', () => {
    const t = Object.fromEntries(f.triggers.map((x) => [x.trigger, x]));
    // Fired in explicit-ok, explicit-late (both expected) and false-friend (not expected).
    expect(t.explicit_human_request).toMatchObject({ expected: 2, fired: 3, truePositives: 2 });
    expect(t.explicit_human_request!.precision).toBeCloseTo(2 / 3);
    expect(t.explicit_human_request!.recall).toBe(1);
    // Expected once, never fired: recall 0, precision undefined.
    expect(t.policy_boundary).toMatchObject({ expected: 1, fired: 0, precision: null, recall: 0 });
    // Fired but never expected: precision 0, recall undefined.
    expect(t.low_confidence).toMatchObject({ expected: 0, fired: 2, precision: 0, recall: null });
    // multi_domain fired only in the unlabelled conversation, which is out of the population.
    expect(t.multi_domain).toMatchObject({ expected: 0, fired: 0, precision: null, recall: null });
    expect(f.triggerLabelled).toBe(6);
  });

  it('lists every miss by kind with a reason', () => {
    const misses = f.misses.map((m) => `${m.kind} ${m.id}`);
    expect(misses).toEqual(
      expect.arrayContaining([
        'explicit explicit-late',
        'mustReachHuman must-never',
        'informational info-escalated',
        'informational false-friend',
        'falseFriend false-friend',
        'trigger must-never',
        'trigger explicit-late',
      ]),
    );
    expect(misses).not.toContain('explicit explicit-ok');
    expect(f.misses.find((m) => m.id === 'must-never')!.reason).toBe(
      'needed by turn 2, never left the autonomous lane',
    );
    expect(f.misses.find((m) => m.kind === 'explicit')!.reason).toBe(
      'request at turn 1: assisted [low_confidence]',
    );
  });

  it('has no value, not 0% or 100%, for a figure nothing was measured against', () => {
    const none = computeFigures([scored('info', { informational: true }, [['autonomous']])]);
    expect(none.explicit).toEqual({ count: 0, total: 0 });
    expect(rate(none.explicit)).toBeNull();
    expect(rate(none.informationalEscalated)).toBe(0);
    expect(none.triggerLabelled).toBe(0);
    expect(none.triggers.every((t) => t.precision === null && t.recall === null)).toBe(true);
    const empty = computeFigures([]);
    expect(empty.conversations).toBe(0);
    expect(empty.languages).toEqual([]);
  });

  it('without a needTurn, must-escalate counts any turn', () => {
    const late = computeFigures([
      scored('late', { mustReachHuman: true }, [['autonomous'], ['autonomous'], ['assisted']]),
    ]);
    expect(late.mustInTime).toEqual({ count: 1, total: 1 });
  });
});

/** Test-split figures from [count, total] pairs. */
const figures = (explicit: [number, number], must: [number, number], info: [number, number]) =>
  ({
    explicit: { count: explicit[0], total: explicit[1] },
    mustInTime: { count: must[0], total: must[1] },
    informationalEscalated: { count: info[0], total: info[1] },
  }) as SplitFigures;

describe('checkGate', () => {
  it.each<[string, [number, number], [number, number], [number, number], boolean[]]>([
    ['all met', [10, 10], [19, 20], [1, 20], [true, true, true]],
    ['one explicit miss fails', [9, 10], [20, 20], [0, 20], [false, true, true]],
    ['must just below 95%', [10, 10], [94, 99], [0, 20], [true, false, true]],
    ['informational just above 5%', [10, 10], [20, 20], [2, 39], [true, true, false]],
    ['nothing measured fails', [0, 0], [0, 0], [0, 0], [false, false, false]],
  ])('%s', (_name, explicit, must, info, expected) => {
    const gate = checkGate(figures(explicit, must, info));
    expect(gate.checks.map((c) => c.passed)).toEqual(expected);
    expect(gate.passed).toBe(expected.every(Boolean));
  });
});

describe('checkFloor', () => {
  const floor = { explicit: 0.974, mustInTime: 0.955, informationalEscalatedMax: 0.054 };

  it.each<[string, [number, number], [number, number], [number, number], boolean[]]>([
    ['at the floor', [75, 77], [194, 203], [4, 75], [true, true, true]],
    ['one explicit request lost', [74, 77], [194, 203], [4, 75], [false, true, true]],
    ['one must-escalate lost', [75, 77], [193, 203], [4, 75], [true, false, true]],
    ['one more informational escalated', [75, 77], [194, 203], [5, 75], [true, true, false]],
    ['nothing measured fails', [0, 0], [0, 0], [0, 0], [false, false, false]],
  ])('%s', (_name, explicit, must, info, expected) => {
    const result = checkFloor(figures(explicit, must, info), floor);
    expect(result.checks.map((c) => c.passed)).toEqual(expected);
    expect(result.passed).toBe(expected.every(Boolean));
  });
});
