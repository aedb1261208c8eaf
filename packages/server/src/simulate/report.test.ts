import { describe, expect, it } from 'vitest';
import { diffRuns, formatComparison, formatSummary, laneDistribution } from './report';
import type { SimulatedConversation } from './simulate';

function result(id: string, overrides: Partial<SimulatedConversation> = {}): SimulatedConversation {
  return {
    id,
    lane: 'autonomous',
    unit: null,
    tier: 1,
    triggers: [],
    queue: null,
    escalatedAtTurn: null,
    policyVersion: 'A',
    turns: [],
    ...overrides,
  };
}

const a = [
  result('same'),
  result('refund', {
    lane: 'assisted',
    unit: 'answer',
    tier: 3,
    triggers: ['policy_sensitivity', 'low_confidence'],
    queue: 'billing',
    escalatedAtTurn: 2,
  }),
  result('vip', {
    lane: 'assisted',
    unit: 'answer',
    triggers: ['customer_pressure'],
    queue: 'general',
    escalatedAtTurn: 1,
  }),
];
const b = [
  result('same', { policyVersion: 'B' }),
  result('refund', {
    policyVersion: 'B',
    lane: 'human',
    unit: 'action',
    tier: 3,
    triggers: ['policy_sensitivity', 'policy_boundary'],
    queue: 'billing',
    escalatedAtTurn: 1,
  }),
  result('vip', { policyVersion: 'B', escalatedAtTurn: null }),
];

describe('compare report', () => {
  it('counts the lanes of a run', () => {
    expect(laneDistribution('A', a)).toEqual({
      policyVersion: 'A',
      total: 3,
      counts: { autonomous: 1, assisted: 2, human: 0 },
    });
  });

  it('lists only the conversations whose decision changed, with triggers added and removed', () => {
    expect(diffRuns(a, b)).toEqual([
      {
        id: 'refund',
        lane: ['assisted', 'human'],
        escalatedAtTurn: [2, 1],
        unit: ['answer', 'action'],
        tier: [3, 3],
        queue: ['billing', 'billing'],
        triggersAdded: ['policy_boundary'],
        triggersRemoved: ['low_confidence'],
      },
      {
        id: 'vip',
        lane: ['assisted', 'autonomous'],
        escalatedAtTurn: [1, null],
        unit: ['answer', null],
        tier: [1, 1],
        queue: ['general', null],
        triggersAdded: [],
        triggersRemoved: ['customer_pressure'],
      },
    ]);
  });

  it('refuses to pair runs of different inputs', () => {
    expect(() => diffRuns(a, b.slice(1))).toThrow(/3 and 2/);
    expect(() => diffRuns(a, [b[1]!, b[0]!, b[2]!])).toThrow(/order/);
  });

  it('prints both distributions and the changes', () => {
    const text = formatComparison({ version: 'A', results: a }, { version: 'B', results: b });
    expect(text).toContain('Lane distribution over 3 conversations');
    expect(text).toMatch(/A \(A, --policy\)\s+B \(B, --compare\)/);
    expect(text).toMatch(/autonomous\s+1 \( 33\.3%\)\s+2 \( 66\.7%\)/);
    expect(text).toMatch(/human\s+0 \( {2}0\.0%\)\s+1 \( 33\.3%\)/);
    expect(text).toContain('Decisions that changed from A to B (2):');
    expect(text).toContain(
      '  refund: lane assisted → human; escalatedAtTurn 2 → 1; unit answer → action; ' +
        'added policy_boundary; removed low_confidence',
    );
    expect(text).toContain(
      '  vip: lane assisted → autonomous; escalatedAtTurn 1 → none; unit answer → none; ' +
        'queue general → none; removed customer_pressure',
    );
  });

  it('says so when nothing changed, and summarises a single run', () => {
    expect(formatComparison({ version: 'A', results: a }, { version: 'A2', results: a })).toContain(
      'No decision changed between A and B.',
    );
    expect(formatSummary(a, 'A')).toMatch(/assisted\s+2 \( 66\.7%\)/);
  });
});
