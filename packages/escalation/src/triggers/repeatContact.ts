import { assessment, type Assessment } from '../assessment';
import type { ContactFact, TurnFacts } from '../facts';
import type { Policy } from '../policy';
import { sameProblem, saysRepeat, topicSignature } from '../topicSignature';

/** What this turn is about. Both null when unknown. */
interface Topic {
  intent: string | null;
  domain: string | null;
}

/**
 * The topic of this turn: its own intent, or, for a turn without one (a press of the button,
 * a message nothing matched), the most recent earlier turn that had an intent. A topic carried
 * over from an earlier turn has no domain (earlier turns record only the intent's name), so it
 * matches contacts by intent alone.
 */
export function turnTopic(facts: TurnFacts): Topic {
  if (facts.intent) return { intent: facts.intent.name, domain: facts.intent.domain };
  for (let i = facts.priorTurns.length - 1; i >= 0; i--) {
    const intent = facts.priorTurns[i]!.intent;
    if (intent !== null) return { intent, domain: null };
  }
  return { intent: null, domain: null };
}

const isUnknown = (t: Topic) => t.intent === null && t.domain === null;

/**
 * Could `contact` be about the same issue as this turn?
 * - same intent → yes;
 * - otherwise the same domain (a refund status and a refund request are both billing) → yes;
 * - a contact whose topic is unknown (nothing matched its text, or that conversation never had
 *   an intent) → yes, whatever this turn is about: it cannot be ruled out, and the cost of a
 *   wrong match is one draft reviewed by an agent, while a miss leaves a customer on their third
 *   try with the bot. This also keeps the count monotone: learning this turn's topic (from an
 *   earlier turn) never removes a contact that counted while it was unknown;
 * - a contact with a known topic when this turn's topic is unknown → no: nothing says it is
 *   the same issue.
 */
function sameTopic(turn: Topic, contact: ContactFact, words: readonly string[]): boolean {
  if (contact.intent === null && contact.domain === null) return true;
  // The same problem in other words ("the vase came smashed", "package arrived broken").
  if (contact.signature && sameProblem(words, contact.signature)) return true;
  if (isUnknown(turn)) return false;
  if (turn.intent !== null && contact.intent === turn.intent) return true;
  return turn.domain !== null && contact.domain === turn.domain;
}

function topicLabel(topic: Topic): string {
  if (topic.intent !== null) return topic.intent;
  if (topic.domain !== null) return topic.domain;
  return 'an unrecognised topic';
}

/**
 * repeat_contact (medium): this contact plus the earlier ones on the same topic within the
 * window reach the policy's count (default 3 in 7 days).
 *
 * With `facts.contacts` (earlier contacts classified by topic: the storefront's recent contacts
 * and Baton's own history) only contacts that could be about this turn's issue count (see
 * `sameTopic`). Without them, the storefront's raw `context.recentContacts` count whatever
 * their wording, as the only evidence there is.
 */
export function repeatContact(facts: TurnFacts, policy: Policy): Assessment[] {
  return facts.contacts ? byTopic(facts, facts.contacts, policy) : anyTopic(facts, policy);
}

const inWindow = (daysAgo: number, windowDays: number) =>
  Number.isFinite(daysAgo) && daysAgo <= windowDays;

/** Without classified contacts: every storefront contact in the window counts. */
function anyTopic(facts: TurnFacts, policy: Policy): Assessment[] {
  const { count, windowDays } = policy.repeatContact;
  let earlier = 0;
  for (const c of facts.context.recentContacts ?? [])
    if (inWindow(c.daysAgo, windowDays)) earlier++;
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

/** With classified contacts: those in the window that could be on this turn's topic count. */
function byTopic(facts: TurnFacts, all: readonly ContactFact[], policy: Policy): Assessment[] {
  const { count, windowDays } = policy.repeatContact;
  if (all.length + 1 < count) return [];
  const topic = turnTopic(facts);
  const words = facts.text === null ? [] : topicSignature(facts.text);
  // "third time asking": the customer says the earlier contacts are this problem.
  const told = facts.text !== null && saysRepeat(facts.text);
  const matching = all.filter(
    (c) => inWindow(c.daysAgo, windowDays) && (told || sameTopic(topic, c, words)),
  );
  const contacts = matching.length + 1;
  if (contacts < count) return [];
  const unknownTopic = matching.filter((c) => c.intent === null && c.domain === null).length;
  const label = topicLabel(topic);
  return [
    assessment(
      'repeat_contact',
      `contact ${contacts} about ${label} within ${windowDays} days` +
        (unknownTopic > 0 ? ` (${unknownTopic} earlier of unknown topic)` : ''),
      {
        contacts,
        windowDays,
        threshold: count,
        topic: topic.intent ?? topic.domain,
        domain: topic.domain,
        unknownTopicContacts: unknownTopic,
        sources: {
          storefront: matching.filter((c) => c.source === 'storefront').length,
          history: matching.filter((c) => c.source === 'history').length,
        },
      },
      { severity: 'medium', unit: 'answer' },
    ),
  ];
}
