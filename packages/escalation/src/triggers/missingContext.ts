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
  if (!intent) return [];
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
