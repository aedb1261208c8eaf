import type { CustomerContext, OrderInfo } from '@baton/shared';

export interface IndexedOrder {
  /** Position in context.orders, used to cite the source as `context.orders[index]`. */
  index: number;
  order: OrderInfo;
}

function contextOrders(context: CustomerContext): IndexedOrder[] {
  if (!Array.isArray(context.orders)) return [];
  return context.orders
    .map((order, index) => ({ index, order }))
    .filter(({ order }) => typeof order?.id === 'string' && order.id.trim() !== '');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Orders in context whose id appears in the text as a whole token: "order A100", "#a100". */
export function findReferencedOrders(text: string, context: CustomerContext): IndexedOrder[] {
  return contextOrders(context).filter(({ order }) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])#?${escapeRegExp(order.id.trim())}(?![\\p{L}\\p{N}])`,
      'iu',
    ).test(text),
  );
}

/**
 * The order a request most likely means when it names none: the only order, otherwise the one
 * with the smallest `placedDaysAgo` when every order has it, otherwise the first one
 * (storefronts are asked to list orders newest first).
 */
export function mostRecentOrder(context: CustomerContext): IndexedOrder | null {
  const orders = contextOrders(context);
  const [first] = orders;
  if (!first) return null;
  if (!orders.every(({ order }) => typeof order.placedDaysAgo === 'number')) return first;
  return orders.reduce((newest, candidate) =>
    (candidate.order.placedDaysAgo as number) < (newest.order.placedDaysAgo as number)
      ? candidate
      : newest,
  );
}

/** Order numbers the customer typed ("order A999", "order #1234") that the context lacks. */
export function unknownOrderIds(text: string, context: CustomerContext): string[] {
  const known = new Set(contextOrders(context).map(({ order }) => order.id.trim().toLowerCase()));
  const ids = new Set<string>();
  for (const match of text.matchAll(
    /\borders?\s*(?:number|no\.?|id)?\s*[:#]?\s*([a-z]*\d[a-z0-9-]*)/giu,
  )) {
    const id = match[1];
    // Two characters or fewer is more likely "order 2 days ago" than an order number.
    if (id && id.length >= 3 && !known.has(id.toLowerCase())) ids.add(id);
  }
  return [...ids];
}
