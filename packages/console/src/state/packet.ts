import type { Certainty, CustomerContext, OrderInfo, PacketFact } from '@baton/shared';
import { CERTAINTY_LABELS } from './labels';

/** Shapes the escalation packet into rows for display. Everything returned is plain text. */

export const CERTAINTY_ORDER: readonly Certainty[] = ['confirmed', 'inferred', 'not_verified'];

export interface FactGroup {
  certainty: Certainty;
  label: string;
  facts: PacketFact[];
}

/** Facts grouped confirmed → inferred → not verified, packet order kept inside a group. */
export function groupFacts(facts: readonly PacketFact[]): FactGroup[] {
  return CERTAINTY_ORDER.map((certainty) => ({
    certainty,
    label: CERTAINTY_LABELS[certainty],
    facts: facts.filter((fact) => fact.certainty === certainty),
  })).filter((group) => group.facts.length > 0);
}

/** Any JSON-ish value as one line of text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export interface KeyValue {
  key: string;
  value: string;
}

export function entries(values: Record<string, unknown> | undefined, skip: readonly string[] = []) {
  return Object.entries(values ?? {})
    .filter(([key, value]) => !skip.includes(key) && value !== undefined)
    .map(([key, value]): KeyValue => ({ key, value: formatValue(value) }));
}

/** 0.62 → "62%". */
export function formatConfidence(confidence: number): string {
  if (!Number.isFinite(confidence)) return '—';
  return `${Math.round(confidence * 100)}%`;
}

/** Sentiment scores as a readable series: "+0.2 → −0.4 → −0.8". */
export function formatSentimentScores(scores: readonly number[]): string {
  return scores.map((s) => (s > 0 ? `+${round1(s)}` : s < 0 ? `−${round1(-s)}` : '0')).join(' → ');
}

const round1 = (n: number) => String(Math.round(n * 10) / 10);

export interface OrderRow {
  id: string;
  status: string;
  total: string;
  placed: string;
  items: string;
  /** Storefront-specific fields beyond the known ones. */
  other: string;
}

const KNOWN_ORDER_KEYS = ['id', 'total', 'currency', 'status', 'placedDaysAgo', 'items'];

export function orderRows(orders: readonly OrderInfo[] | undefined): OrderRow[] {
  return (orders ?? []).map((order) => ({
    id: order.id,
    status: order.status ?? '—',
    total: formatMoney(order.total, order.currency),
    placed: formatDaysAgo(order.placedDaysAgo),
    items: order.items?.join(', ') || '—',
    other:
      entries(order, KNOWN_ORDER_KEYS)
        .map(({ key, value }) => `${key}: ${value}`)
        .join('; ') || '—',
  }));
}

export function formatMoney(total: number | undefined, currency: string | undefined): string {
  if (total === undefined) return '—';
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(total);
    } catch {
      // Not an ISO 4217 code (storefronts send what they like): show it as given.
      return `${total.toFixed(2)} ${currency}`;
    }
  }
  return total.toFixed(2);
}

export function formatDaysAgo(days: number | undefined): string {
  if (days === undefined) return '—';
  if (days === 0) return 'today';
  if (days === 1) return '1 day ago';
  return `${days} days ago`;
}

const KNOWN_CONTEXT_KEYS = ['customer', 'account', 'orders', 'recentContacts', 'systems'];

/** The storefront context as labelled sections, so nothing it supplied is hidden from the agent. */
export interface ContextView {
  customer: KeyValue[];
  account: KeyValue[];
  orders: OrderRow[];
  recentContacts: { daysAgo: string; text: string }[];
  systems: { name: string; state: string }[];
  other: KeyValue[];
}

export function contextView(context: CustomerContext): ContextView {
  return {
    customer: entries(context.customer),
    account: entries(context.account),
    orders: orderRows(context.orders),
    recentContacts: (context.recentContacts ?? []).map((c) => ({
      daysAgo: formatDaysAgo(c.daysAgo),
      text: c.text,
    })),
    systems: Object.entries(context.systems ?? {}).map(([name, state]) => ({ name, state })),
    other: entries(context, KNOWN_CONTEXT_KEYS),
  };
}

export function isContextEmpty(view: ContextView): boolean {
  return Object.values(view).every((rows: unknown[]) => rows.length === 0);
}
