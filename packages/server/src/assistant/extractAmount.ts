import type { CustomerContext } from '@baton/shared';
import type { ProposedAmount } from './assistant';
import { findReferencedOrders, mostRecentOrder, type IndexedOrder } from './contextOrders';

/**
 * Actions that move money back to the customer, so the order total is the amount at stake when
 * the customer names no amount and no order. price_match is not here: its amount is a price
 * difference, never the order total.
 */
export const REFUND_LIKE_ACTIONS: ReadonlySet<string> = new Set([
  'refund',
  'return',
  'dispute',
  'cancel_order',
  'damage_claim',
]);

const DOLLAR_CURRENCIES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);

const SYMBOLS: Record<string, string> = {
  us$: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  au$: 'AUD',
  a$: 'AUD',
  nz$: 'NZD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};

const WORDS: Record<string, string> = {
  dollar: '$',
  dollars: '$',
  buck: '$',
  bucks: '$',
  euro: 'EUR',
  euros: 'EUR',
  quid: 'GBP',
  yen: 'JPY',
};

const CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'MXN'];

// 1,299.99 · 1.299,99 · 1299 · 12.5 — grouped thousands, or plain digits, with optional decimals.
const NUMBER = String.raw`\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CODE = CODES.join('|');
const SYMBOL = String.raw`us\$|ca\$|c\$|au\$|a\$|nz\$|\$|€|£|¥`;
const WORD = Object.keys(WORDS).join('|');

// Prefix form: "$250", "€ 40", "USD 99.90", "$2k". Suffix form: "250 dollars", "40€", "99 usd".
// "pounds" is left out on purpose: in a home & outdoor store it is usually a weight.
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<prefix>${SYMBOL}|(?:${CODE})(?=\s?\d))\s?(?<prefixNumber>${NUMBER})(?<prefixK>k\b)?` +
    String.raw`|(?<suffixNumber>${NUMBER})(?<suffixK>k)?\s?(?<suffix>€|\$|£|(?:${CODE}|${WORD})(?![\p{L}\p{N}])))`,
  'giu',
);

function parseNumber(raw: string): number {
  const lastSeparator = Math.max(raw.lastIndexOf(','), raw.lastIndexOf('.'));
  // A separator followed by exactly three digits groups thousands; one or two digits are cents.
  if (lastSeparator === -1 || raw.length - lastSeparator - 1 === 3) {
    return Number(raw.replace(/[,.]/g, ''));
  }
  const whole = raw.slice(0, lastSeparator).replace(/[,.]/g, '');
  return Number(`${whole}.${raw.slice(lastSeparator + 1)}`);
}

/** '$' and "dollars" mean the context's dollar currency when it has exactly one, else USD. */
function dollarCurrency(context: CustomerContext): string {
  const currencies = new Set(
    (Array.isArray(context.orders) ? context.orders : [])
      .map((order) => order?.currency?.toUpperCase())
      .filter((currency): currency is string => !!currency && DOLLAR_CURRENCIES.has(currency)),
  );
  const [only] = currencies;
  return currencies.size === 1 && only ? only : 'USD';
}

function currencyOf(marker: string, context: CustomerContext): string {
  const lower = marker.toLowerCase();
  const mapped = SYMBOLS[lower] ?? WORDS[lower] ?? (lower === '$' ? '$' : marker.toUpperCase());
  return mapped === '$' ? dollarCurrency(context) : mapped;
}

function amountsInText(text: string, context: CustomerContext): ProposedAmount[] {
  const amounts: ProposedAmount[] = [];
  for (const match of text.matchAll(MONEY)) {
    const groups = match.groups ?? {};
    const raw = groups.prefixNumber ?? groups.suffixNumber;
    const marker = groups.prefix ?? groups.suffix;
    if (!raw || !marker) continue;
    const thousands = groups.prefixK || groups.suffixK ? 1000 : 1;
    const value = parseNumber(raw) * thousands;
    if (Number.isFinite(value) && value > 0) {
      amounts.push({ value, currency: currencyOf(marker, context), source: 'text' });
    }
  }
  return amounts;
}

function orderAmount(orders: IndexedOrder[]): ProposedAmount | null {
  const priced = orders.filter(
    ({ order }) => typeof order.total === 'number' && Number.isFinite(order.total),
  );
  if (priced.length === 0) return null;
  const currencies = new Set(priced.map(({ order }) => order.currency?.toUpperCase() ?? null));
  // Totals in different currencies cannot be added; keep the largest one alone.
  const chosen =
    currencies.size === 1
      ? priced
      : [priced.reduce((a, b) => ((b.order.total as number) > (a.order.total as number) ? b : a))];
  const [first] = chosen;
  return {
    value:
      Math.round(chosen.reduce((sum, { order }) => sum + (order.total as number), 0) * 100) / 100,
    currency: first?.order.currency?.toUpperCase() ?? null,
    source: chosen.map(({ index }) => `context.orders[${index}]`).join('+'),
  };
}

/**
 * The money a request is about, in this order of precedence:
 * 1. an amount written in the text ("$250", "250 dollars", "€40", "USD 99.90", "$2k"); with
 *    several, the largest, because limits are checked against the most that is at stake.
 *    '$' / "dollars" / "bucks" are the context's dollar currency if it has exactly one, else USD.
 *    Bare numbers are ignored: they are usually order numbers, quantities or days;
 * 2. the total of orders referenced by id from context.orders ("order A100"), summed when
 *    several share a currency — for any action;
 * 3. for refund-like actions (REFUND_LIKE_ACTIONS) with no order named, the total of the only /
 *    most recent order in context (see mostRecentOrder), source 'context.orders[i]'.
 * A referenced order without a total gives null rather than falling back to another order.
 */
export function extractAmount(
  text: string,
  context: CustomerContext,
  action: string,
): ProposedAmount | null {
  const inText = amountsInText(text, context);
  if (inText.length > 0) {
    return inText.reduce((largest, amount) => (amount.value > largest.value ? amount : largest));
  }
  const referenced = findReferencedOrders(text, context);
  if (referenced.length > 0) return orderAmount(referenced);
  if (!REFUND_LIKE_ACTIONS.has(action)) return null;
  const recent = mostRecentOrder(context);
  return recent ? orderAmount([recent]) : null;
}
