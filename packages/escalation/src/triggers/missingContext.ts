import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';

/**
 * missing_context: the system of record the intent's domain depends on is unavailable or stale,
 * so the assistant would have to guess. An answer built on a guess is reviewed (medium); an
 * action taken on one is decided by a person (high).
 */
export function missingContext(facts: TurnFacts, policy: Policy): Assessment[] {
  const intent = facts.intent;
  if (intent) {
    const system = policy.systems[intent.domain];
    if (system === undefined) return [];
    const state = facts.context.systems?.[system];
    if (state !== 'unavailable' && state !== 'stale') return [];
    const acting = !policy.actions.informational.includes(intent.action);
    return [
      assessment(
        'missing_context',
        `the ${system} system is ${state}, and "${intent.name}" depends on it`,
        { system, state, domain: intent.domain, action: intent.action },
        acting ? { severity: 'high', unit: 'action' } : { severity: 'medium', unit: 'answer' },
      ),
    ];
  }
  // Nothing understood, but the words name one of the customer's orders while the orders system
  // is down: whatever was asked about it, an answer would be a guess (in any language).
  const order = namedOrder(facts);
  const system = policy.systems.orders;
  const state = system === undefined ? undefined : facts.context.systems?.[system];
  if (!order || (state !== 'unavailable' && state !== 'stale')) return [];
  return [
    assessment(
      'missing_context',
      `the ${system} system is ${state}, and the customer asks about order ${order}`,
      { system, state, order },
      { severity: 'medium', unit: 'answer' },
    ),
  ];
}

/** One of the customer's own order ids, named in the text (case and separators ignored). */
function namedOrder(facts: TurnFacts): string | null {
  if (facts.text === null) return null;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const text = squash(facts.text);
  const found = (facts.context.orders ?? []).find(
    (o) => o.id.length >= 3 && text.includes(squash(o.id)),
  );
  return found?.id ?? null;
}
