import { topicSignature, type ContactFact } from '@baton/escalation';
import type { Assistant } from '../assistant';

/** The topic of one earlier contact; both null when unknown. */
export interface ContactTopic {
  intent: string | null;
  domain: string | null;
}

export type ClassifyContact = (text: string) => Promise<ContactTopic>;

export interface BuildContactsInput {
  /** The storefront's `context.recentContacts`: what the customer wrote, and when. */
  storefront: { daysAgo: number; text: string }[];
  /** Baton's own earlier conversations with this customer (not the current one). */
  history: { at: Date; intent: string | null; domain: string | null }[];
  now: Date;
  /** Classifies a storefront contact's text, normally the assistant (see classifyWithAssistant). */
  classify: ClassifyContact;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UNKNOWN: ContactTopic = { intent: null, domain: null };

/** Whole days from `at` to `now`, like the storefront's `daysAgo`; 0 for a time after `now`. */
function daysAgo(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
}

async function topicOf(text: string, classify: ClassifyContact): Promise<ContactTopic> {
  if (text.trim() === '') return UNKNOWN;
  try {
    const { intent, domain } = await classify(text);
    return { intent, domain };
  } catch {
    // A contact whose topic cannot be read still happened: with an unknown topic it counts
    // towards whatever this turn is about (repeat_contact), which errs towards a person.
    return UNKNOWN;
  }
}

/**
 * The customer's earlier contacts with their topics, for the repeat_contact trigger
 * (`TurnFacts.contacts`): the storefront's recent contacts, classified from their text, then
 * Baton's own history, with its age in whole days. Storefront contacts come first, each list in
 * its given order; nothing is deduplicated (the storefront and Baton may know of the same
 * contact) and nothing is filtered by age: the engine applies the policy's window. A history
 * entry with an invalid date gets a NaN age, which the engine never counts.
 *
 * Pure apart from `classify`; storefront texts are classified concurrently. A text that is
 * blank, or that `classify` fails on, gets an unknown topic. `classify` is not timed out here:
 * a caller with a slow assistant should bound it.
 */
export async function buildContacts(input: BuildContactsInput): Promise<ContactFact[]> {
  const storefront = await Promise.all(
    input.storefront.map(async (contact): Promise<ContactFact> => {
      const topic = await topicOf(contact.text, input.classify);
      // The words too: the same problem told in new words is matched even when the classifier
      // reads the two texts as different intents (or not at all).
      const signature = topicSignature(contact.text);
      return {
        daysAgo: contact.daysAgo,
        ...topic,
        ...(signature.length > 0 && { signature }),
        source: 'storefront',
      };
    }),
  );
  const history = input.history.map((contact): ContactFact => ({
    daysAgo: daysAgo(contact.at, input.now),
    intent: contact.intent,
    domain: contact.domain,
    source: 'history',
  }));
  return [...storefront, ...history];
}

/**
 * `classify` for buildContacts from an assistant: the intent and domain it proposes for the
 * text on its own (no context, no history), or an unknown topic when it matches nothing or is
 * less sure than `minConfidence` (default 0: whatever the assistant reports).
 */
export function classifyWithAssistant(assistant: Assistant, minConfidence = 0): ClassifyContact {
  return async (text) => {
    const { intent } = await assistant.propose({ text, context: {}, history: [] });
    if (!intent || intent.confidence < minConfidence) return UNKNOWN;
    return { intent: intent.name, domain: intent.domain };
  };
}

/** Storefront contacts classified per turn: only those inside the window, and at most this many. */
export const MAX_CLASSIFIED_CONTACTS = 10;

/** The storefront's recent contacts worth classifying: inside the window, capped. */
export function contactsInWindow<T extends { daysAgo: number }>(
  contacts: readonly T[],
  windowDays: number,
): T[] {
  return contacts
    .filter((c) => Number.isFinite(c.daysAgo) && c.daysAgo <= windowDays)
    .slice(0, MAX_CLASSIFIED_CONTACTS);
}
