import { describe, expect, it } from 'vitest';
import type { PacketFact } from '@baton/shared';
import {
  contextView,
  entries,
  formatConfidence,
  formatMoney,
  formatSentimentScores,
  formatValue,
  groupFacts,
  isContextEmpty,
  orderRows,
} from './packet';

const fact = (label: string, certainty: PacketFact['certainty']): PacketFact => ({
  label,
  value: 'v',
  source: 'storefront context',
  certainty,
});

describe('groupFacts', () => {
  it('groups confirmed, inferred, not verified in that order, keeping packet order inside', () => {
    const groups = groupFacts([
      fact('Email', 'not_verified'),
      fact('Intent', 'inferred'),
      fact('Name', 'confirmed'),
      fact('Identity', 'not_verified'),
    ]);
    expect(groups.map((g) => [g.label, g.facts.map((f) => f.label)])).toEqual([
      ['Confirmed', ['Name']],
      ['Inferred', ['Intent']],
      ['Not verified', ['Email', 'Identity']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupFacts([fact('Intent', 'inferred')]).map((g) => g.certainty)).toEqual(['inferred']);
    expect(groupFacts([])).toEqual([]);
  });
});

describe('value formatting', () => {
  it('turns any value into one line of text', () => {
    expect(formatValue('x')).toBe('x');
    expect(formatValue(250)).toBe('250');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(['a', 2])).toBe('a, 2');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('lists trigger values as key/value pairs', () => {
    expect(entries({ amount: 250, limit: 100, note: undefined })).toEqual([
      { key: 'amount', value: '250' },
      { key: 'limit', value: '100' },
    ]);
  });

  it('formats confidence and sentiment', () => {
    expect(formatConfidence(0.624)).toBe('62%');
    expect(formatConfidence(Number.NaN)).toBe('—');
    expect(formatSentimentScores([0.2, 0, -0.45])).toBe('+0.2 → 0 → −0.5');
  });

  it('formats money, falling back when the currency is not ISO', () => {
    expect(formatMoney(undefined, 'USD')).toBe('—');
    expect(formatMoney(12.5, undefined)).toBe('12.50');
    expect(formatMoney(12.5, 'store credit')).toBe('12.50 store credit');
    expect(formatMoney(12.5, 'USD')).toMatch(/12\.50/);
  });
});

describe('orders and context', () => {
  it('makes an order row with unknown fields kept in "other"', () => {
    const [row] = orderRows([
      {
        id: 'A-100',
        status: 'delivered',
        placedDaysAgo: 3,
        items: ['Blender', 'Jug'],
        carrier: 'DHL',
      },
    ]);
    expect(row).toEqual({
      id: 'A-100',
      status: 'delivered',
      total: '—',
      placed: '3 days ago',
      items: 'Blender, Jug',
      other: 'carrier: DHL',
    });
  });

  it('shows every part of the context, including keys Baton does not know', () => {
    const view = contextView({
      customer: { name: 'Dana', tier: 'vip', verified: true },
      account: { plan: 'Pro' },
      systems: { orders: 'stale' },
      recentContacts: [{ daysAgo: 1, text: 'asked about the blender' }],
      loyaltyPoints: 1200,
    });
    expect(view.customer).toEqual([
      { key: 'name', value: 'Dana' },
      { key: 'tier', value: 'vip' },
      { key: 'verified', value: 'true' },
    ]);
    expect(view.account).toEqual([{ key: 'plan', value: 'Pro' }]);
    expect(view.systems).toEqual([{ name: 'orders', state: 'stale' }]);
    expect(view.recentContacts).toEqual([
      { daysAgo: '1 day ago', text: 'asked about the blender' },
    ]);
    expect(view.other).toEqual([{ key: 'loyaltyPoints', value: '1200' }]);
    expect(isContextEmpty(view)).toBe(false);
    expect(isContextEmpty(contextView({}))).toBe(true);
  });
});
