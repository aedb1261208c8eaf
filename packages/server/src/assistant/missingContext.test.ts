import type { CustomerContext } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { findMissingContext } from './missingContext';

describe('findMissingContext', () => {
  it.each<[string, string[] | undefined, CustomerContext, string[]]>([
    ['nothing required', undefined, {}, []],
    ['present', ['orders'], { orders: [{ id: 'A1' }] }, []],
    ['absent', ['orders'], {}, ['orders']],
    ['empty list', ['orders'], { orders: [] }, ['orders']],
    [
      'unavailable system',
      ['orders'],
      { orders: [{ id: 'A1' }], systems: { orders: 'unavailable' } },
      ['orders'],
    ],
    [
      'stale system',
      ['orders'],
      { orders: [{ id: 'A1' }], systems: { orders: 'stale' } },
      ['orders'],
    ],
    ['healthy system', ['orders'], { orders: [{ id: 'A1' }], systems: { orders: 'ok' } }, []],
    ['dotted path present', ['customer.email'], { customer: { email: 'a@b.c' } }, []],
    [
      'dotted path blank',
      ['customer.email', 'account'],
      { customer: { email: ' ' } },
      ['customer.email', 'account'],
    ],
    ['empty object', ['account'], { account: {} }, ['account']],
  ])('%s', (_label, requires, context, expected) => {
    expect(findMissingContext(requires, context)).toEqual(expected);
  });
});
