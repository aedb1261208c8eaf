import type { DecisionSummary } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { decision } from '../test-support/fixtures';
import { decisionRows, diffDecision, shadowSummary } from './decisions';

const shadow = (
  patch: Partial<NonNullable<DecisionSummary['shadow']>> = {},
): NonNullable<DecisionSummary['shadow']> => ({
  policyVersion: 'candidate-2',
  lane: 'assisted',
  unit: 'answer',
  triggers: ['low_confidence'],
  queue: 'general',
  ...patch,
});

const acted = (patch: Partial<DecisionSummary> = {}) =>
  decision({
    lane: 'assisted',
    unit: 'answer',
    triggers: ['low_confidence'],
    queue: 'general',
    ...patch,
  });

describe('diffDecision', () => {
  it('finds no difference without a shadow decision', () => {
    expect(diffDecision(acted()).differs).toBe(false);
  });

  it('finds no difference when the shadow agrees', () => {
    expect(diffDecision(acted({ shadow: shadow() }))).toEqual({
      differs: false,
      lane: false,
      unit: false,
      queue: false,
      triggers: false,
      onlyActual: [],
      onlyShadow: [],
    });
  });

  it.each([
    ['lane', { lane: 'human' }],
    ['unit', { unit: 'conversation' }],
    ['unit', { unit: null }],
    ['queue', { queue: 'billing' }],
    ['queue', { queue: null }],
  ] as const)('flags a different %s', (field, patch) => {
    const diff = diffDecision(acted({ shadow: shadow(patch) }));
    expect(diff.differs).toBe(true);
    expect(diff[field]).toBe(true);
  });

  it('compares triggers as sets: order and repeats do not count', () => {
    const a = acted({ triggers: ['low_confidence', 'multi_domain'] });
    const same = diffDecision({
      ...a,
      shadow: shadow({ triggers: ['multi_domain', 'low_confidence', 'multi_domain'] }),
    });
    expect(same.differs).toBe(false);

    const changed = diffDecision({
      ...a,
      shadow: shadow({ triggers: ['multi_domain', 'negative_sentiment'] }),
    });
    expect(changed).toMatchObject({
      differs: true,
      triggers: true,
      lane: false,
      onlyActual: ['low_confidence'],
      onlyShadow: ['negative_sentiment'],
    });
  });

  it('ignores the policy version itself (it always differs in shadow mode)', () => {
    expect(diffDecision(acted({ shadow: shadow({ policyVersion: 'other' }) })).differs).toBe(false);
  });
});

describe('decisionRows & shadowSummary', () => {
  it('orders by turn, stable within a turn, and counts differing rows', () => {
    const rows = decisionRows([
      acted({ turn: 3, shadow: shadow({ lane: 'human' }) }),
      acted({ turn: 1 }),
      acted({ turn: 2, queue: 'billing', shadow: shadow({ queue: 'billing' }) }),
      acted({ turn: 2, shadow: shadow({ policyVersion: 'candidate-3' }) }),
    ]);
    expect(rows.map((r) => [r.decision.turn, r.decision.queue, r.diff.differs])).toEqual([
      [1, 'general', false],
      [2, 'billing', false],
      [2, 'general', false],
      [3, 'general', true],
    ]);
    expect(shadowSummary(rows)).toEqual({
      compared: 3,
      differing: 1,
      versions: ['candidate-2', 'candidate-3'],
    });
  });

  it('summarises nothing without shadow decisions', () => {
    expect(shadowSummary(decisionRows([acted()]))).toEqual({
      compared: 0,
      differing: 0,
      versions: [],
    });
  });
});
