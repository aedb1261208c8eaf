import type { CustomerContext } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { extractAmount } from './extractAmount';

const twoOrders: CustomerContext = {
  orders: [
    { id: 'A100', total: 250, currency: 'USD', placedDaysAgo: 3 },
    { id: 'A090', total: 40.5, currency: 'USD', placedDaysAgo: 20 },
  ],
};
const newestLast: CustomerContext = {
  orders: [
    { id: 'A090', total: 40, currency: 'USD', placedDaysAgo: 20 },
    { id: 'A100', total: 250, currency: 'USD', placedDaysAgo: 3 },
  ],
};
const oneOrder: CustomerContext = { orders: [{ id: 'B7', total: 89.99, currency: 'cad' }] };
const noTotal: CustomerContext = { orders: [{ id: 'A100' }, { id: 'A090', total: 40 }] };
const mixedCurrencies: CustomerContext = {
  orders: [
    { id: 'E1', total: 30, currency: 'EUR' },
    { id: 'U1', total: 45, currency: 'USD' },
  ],
};

const text = (value: number, currency: string | null) => ({ value, currency, source: 'text' });

describe('extractAmount', () => {
  it.each<[string, string, CustomerContext, string, ReturnType<typeof extractAmount>]>([
    // Money written in the text.
    ['dollar sign', 'I want $250 back', {}, 'refund', text(250, 'USD')],
    ['dollars word', 'that is 250 dollars', {}, 'answer', text(250, 'USD')],
    ['bucks', 'charged me 30 bucks', {}, 'dispute', text(30, 'USD')],
    ['euro sign', 'refund €40 please', {}, 'refund', text(40, 'EUR')],
    ['euro suffix', 'I paid 40€', {}, 'refund', text(40, 'EUR')],
    ['euros word', 'it was 19.90 euros', {}, 'refund', text(19.9, 'EUR')],
    ['pound sign', 'it cost £12.50', {}, 'refund', text(12.5, 'GBP')],
    ['code prefix', 'charged USD 99.90', {}, 'dispute', text(99.9, 'USD')],
    ['code suffix, lower case', 'about 120 cad', {}, 'refund', text(120, 'CAD')],
    ['prefixed dollar', 'paid CA$45', {}, 'refund', text(45, 'CAD')],
    ['thousands and cents', 'the sofa was $1,299.99', {}, 'refund', text(1299.99, 'USD')],
    ['european format', 'I paid 1.299,50 €', {}, 'refund', text(1299.5, 'EUR')],
    ['k suffix', 'a $2k order', {}, 'refund', text(2000, 'USD')],
    [
      'the largest of several',
      'I paid $120 but it is $90 now',
      {},
      'price_match',
      text(120, 'USD'),
    ],
    ['text beats context', 'refund $30 on order A100', twoOrders, 'refund', text(30, 'USD')],
    ['$ in a CAD context', 'refund $30', oneOrder, 'refund', text(30, 'CAD')],
    // Orders referenced by id.
    [
      'order id, any action',
      'where is order A090',
      twoOrders,
      'lookup',
      { value: 40.5, currency: 'USD', source: 'context.orders[1]' },
    ],
    [
      'order id with # and other case',
      'refund #a100 please',
      twoOrders,
      'refund',
      { value: 250, currency: 'USD', source: 'context.orders[0]' },
    ],
    [
      'two order ids, same currency',
      'orders A100 and A090 both arrived broken',
      twoOrders,
      'refund',
      { value: 290.5, currency: 'USD', source: 'context.orders[0]+context.orders[1]' },
    ],
    [
      'two order ids, different currencies: the larger',
      'refund E1 and U1',
      mixedCurrencies,
      'refund',
      { value: 45, currency: 'USD', source: 'context.orders[1]' },
    ],
    ['named order without a total', 'refund order A100', noTotal, 'refund', null],
    // Refund-like intents fall back to the only / most recent order.
    [
      'refund, most recent by placedDaysAgo',
      'I want a refund',
      newestLast,
      'refund',
      { value: 250, currency: 'USD', source: 'context.orders[1]' },
    ],
    [
      'return, the only order, currency upper-cased',
      'I want to send it back',
      oneOrder,
      'return',
      { value: 89.99, currency: 'CAD', source: 'context.orders[0]' },
    ],
    ['dispute, first order when ages are unknown', 'charged twice', noTotal, 'dispute', null],
    ['not refund-like', 'where is my order', twoOrders, 'lookup', null],
    ['price match never uses the order total', 'can you match it', twoOrders, 'price_match', null],
    // Numbers that are not money.
    ['bare number', 'I ordered 3 chairs 10 days ago', twoOrders, 'answer', null],
    ['order number is not money', 'order 12345 is late', {}, 'lookup', null],
    ['pounds are a weight here', 'does it hold 300 pounds', {}, 'answer', null],
    ['currency code inside a word', 'do you ship to europe 2 times a week', {}, 'answer', null],
    ['no orders, refund', 'refund me', {}, 'refund', null],
  ])('%s', (_label, input, context, action, expected) => {
    expect(extractAmount(input, context, action)).toEqual(expected);
  });
});
