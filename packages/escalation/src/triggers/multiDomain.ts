import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';

/** multi_domain (medium): the message mixes business domains (billing + outage, …). */
export function multiDomain(facts: TurnFacts): Assessment[] {
  const domains = new Set<string>();
  if (facts.intent) domains.add(facts.intent.domain);
  for (const d of facts.domains ?? []) domains.add(d);
  if (domains.size < 2) return [];
  const list = [...domains];
  return [
    assessment(
      'multi_domain',
      `the message mixes ${list.join(' and ')}`,
      { domains: list },
      { severity: 'medium', unit: 'answer' },
    ),
  ];
}
