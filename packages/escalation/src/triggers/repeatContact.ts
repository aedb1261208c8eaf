import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';

/**
 * repeat_contact (medium): this contact plus the earlier ones within the window reach the
 * policy's count (default 3 in 7 days). Earlier contacts are not matched by topic: the
 * storefront passes only recent ones, and a customer back three times in a week needs a person
 * to look whatever the wording.
 */
export function repeatContact(facts: TurnFacts, policy: Policy): Assessment[] {
  const { count, windowDays } = policy.repeatContact;
  const earlier = (facts.context.recentContacts ?? []).filter(
    (c) => Number.isFinite(c.daysAgo) && c.daysAgo <= windowDays,
  ).length;
  if (earlier + 1 < count) return [];
  return [
    assessment(
      'repeat_contact',
      `contact ${earlier + 1} within ${windowDays} days`,
      { contacts: earlier + 1, windowDays, threshold: count },
      { severity: 'medium', unit: 'answer' },
    ),
  ];
}
