import { describe, expect, it } from 'vitest';
import { alex, detail, pendingAction } from '../test-support/fixtures';
import {
  actionDecisionBlocker,
  formatAmount,
  groupActions,
  MAX_ACTION_NOTE_LENGTH,
  normalizeActionNote,
} from './actions';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 1, second)).toISOString();

describe('groupActions', () => {
  it('puts pending first (oldest first), then decided (newest first)', () => {
    const groups = groupActions([
      pendingAction({ id: 'p2', createdAt: at(20) }),
      pendingAction({ id: 'd1', status: 'approved', createdAt: at(1) }),
      pendingAction({ id: 'p1', createdAt: at(10) }),
      pendingAction({ id: 'd2', status: 'denied', createdAt: at(5) }),
    ]);
    expect(groups.pending.map((a) => a.id)).toEqual(['p1', 'p2']);
    expect(groups.decided.map((a) => a.id)).toEqual(['d2', 'd1']);
  });
});

describe('formatAmount', () => {
  it('shows the value with its currency, without one, or nothing', () => {
    expect(formatAmount({ value: 250, currency: 'USD' })).toBe('250 USD');
    expect(formatAmount({ value: 1234.5, currency: 'EUR' })).toBe('1,234.5 EUR');
    expect(formatAmount({ value: 19.999, currency: null })).toBe('20');
    expect(formatAmount(null)).toBeNull();
    expect(formatAmount({ value: Number.NaN, currency: 'USD' })).toBeNull();
  });
});

describe('actionDecisionBlocker', () => {
  it('lets any member of the queue decide, owner or not', () => {
    expect(actionDecisionBlocker(detail({ queue: 'billing', state: 'queued' }), alex)).toBeNull();
    expect(
      actionDecisionBlocker(
        detail({ state: 'assigned', assignedAgent: { id: 'agent-sam', name: 'Sam' } }),
        alex,
      ),
    ).toBeNull();
    expect(actionDecisionBlocker(detail({ queue: null, state: 'bot' }), alex)).toBeNull();
  });

  it('blocks agents outside the queue and resolved conversations', () => {
    expect(actionDecisionBlocker(detail({ queue: 'trust-safety' }), alex)).toMatch(
      /members of the trust-safety queue/,
    );
    expect(actionDecisionBlocker(detail({ state: 'resolved' }), alex)).toMatch(/resolved/);
    expect(actionDecisionBlocker(detail(), undefined)).toMatch(/Sign in/);
  });
});

describe('normalizeActionNote', () => {
  it('trims, drops an empty note and refuses a too long one', () => {
    expect(normalizeActionNote('  needs a receipt  ')).toEqual({
      ok: true,
      note: 'needs a receipt',
    });
    expect(normalizeActionNote('   ')).toEqual({ ok: true, note: undefined });
    expect(normalizeActionNote('x'.repeat(MAX_ACTION_NOTE_LENGTH + 1))).toMatchObject({
      ok: false,
    });
  });
});
