import type { KnowledgeIntent } from './knowledgeBase';

/**
 * Confidence per domain that a text is about it, 0..1: the classifier's intent scores summed by
 * domain (so refund_status and refund_request both count for billing) and scaled by vocabulary
 * coverage. Domains with no score may be left out.
 */
export type DomainScores = ReadonlyMap<string, number>;

export interface OtherDomainsOptions {
  /** A clause must be this sure of its domain to name it. Default 0.85. */
  clauseConfidence?: number;
  /** A clause needs at least this many content words to be classified at all. Default 1. */
  minContentWords?: number;
  /**
   * The whole message must give the clause's domain at least this share. Default 0.002. Keeps a
   * fragment the classifier misreads on its own ("I ordered a week ago" as a fraud report: it
   * ignores the missing "never") from counting when the message as a whole shows no trace of it.
   */
  minWholeShare?: number;
  /** A clause of a knowledge-base example mentions a domain from this score. Default 0.3. */
  mentionConfidence?: number;
  /**
   * Domains that are not a business topic (greetings, thanks, store hours): never reported as
   * an extra domain, and never enough on their own to make a message mixed. Default ['general'].
   */
  nonBusinessDomains?: readonly string[];
}

export const DEFAULT_OTHER_DOMAINS = {
  clauseConfidence: 0.85,
  minContentWords: 1,
  minWholeShare: 0.002,
  mentionConfidence: 0.3,
  nonBusinessDomains: ['general'] as readonly string[],
} as const;

/** Words that open a clause of their own: "… and my order never arrived", "… but you sent …". */
const CLAUSE_OPENERS =
  "i|i'm|im|i've|ive|i'd|my|me|we|our|you|your|you've|it|its|it's|they|their|he|she|his|her|" +
  'someone|somebody|there|this|that|these|those|the|a|an|now|then|please|can|could|would|will|' +
  'why|how|when|where|what|is|are|was|were|did|do|does|has|have|still|nothing|no|also';

/**
 * Where one request can end and another begin: sentence ends, semicolons, commas; words that
 * add a second matter ("also", "as well as", "on top of that", "another thing", "by the way");
 * and "and" / "but" / "plus" when a new clause follows ("charged twice and my order never
 * arrived", not "my account and data"). Over-splitting is harmless: a fragment too short to
 * classify, or classified into the same domain, adds nothing.
 */
const CLAUSE_BREAK = new RegExp(
  '[.!?;,:\\n]+' +
    '|\\b(?:and also|also|as well as|besides|additionally|on top of (?:that|this)|another thing|' +
    'other thing|by the way|btw)\\b' +
    `|\\b(?:and|but|plus)\\b(?=\\s+(?:${CLAUSE_OPENERS})\\b)`,
  'giu',
);

/** Split a message into the clauses that may each carry a request. */
export function splitClauses(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

export interface DomainDetector {
  /**
   * Business domains the message clearly touches besides `top`'s (the intent of the whole
   * message), each once, in order of appearance; [] for a single-topic message. `whole` is the
   * message's own domain scores.
   */
  otherDomains(text: string, top: KnowledgeIntent | null, whole: DomainScores): Promise<string[]>;
  /** For each intent, the other domains its own knowledge-base examples mention. */
  readonly mentioned: ReadonlyMap<string, ReadonlySet<string>>;
}

function best(scores: DomainScores): [domain: string, score: number] | null {
  let top: [string, number] | null = null;
  for (const [domain, score] of scores) if (!top || score > top[1]) top = [domain, score];
  return top;
}

/**
 * Finds the further business domains a message touches by scoring each of its clauses on its
 * own: "I was charged twice and my order never arrived" is payment_dispute (billing) as a whole,
 * but its second clause alone is clearly about orders.
 *
 * Conservative by construction, since a false extra domain takes a single-topic message out of
 * the autonomous lane:
 * - only clauses the classifier places in one domain with confidence count;
 * - non-business domains (greetings, thanks) never count;
 * - the whole message must show a trace of the clause's domain (see `minWholeShare`);
 * - a domain the top intent's own knowledge-base examples mention is part of that intent, not a
 *   second matter: the knowledge base says "I never received my order, I want a refund" is one
 *   refund request, so a refund request that mentions a missing order is not mixed, while a
 *   charge dispute, whose examples never mention delivery, is mixed when it does;
 * - without a business top intent, one business domain is the topic, not a mix: only two or more
 *   are reported.
 *
 * It uses the assistant's own classifier, so it needs no keyword lists and follows whatever
 * knowledge base the assistant is trained from.
 */
export async function createDomainDetector(
  intents: readonly KnowledgeIntent[],
  scoreDomains: (text: string) => Promise<DomainScores>,
  contentWords: (text: string) => number,
  options: OtherDomainsOptions = {},
): Promise<DomainDetector> {
  const o = { ...DEFAULT_OTHER_DOMAINS, ...options };
  const nonBusiness = new Set(o.nonBusinessDomains);

  /** The scored clauses of a text with more than one clause. */
  async function clauses(text: string): Promise<DomainScores[]> {
    const parts = splitClauses(text).filter((c) => contentWords(c) >= o.minContentWords);
    if (parts.length < 2) return [];
    return Promise.all(parts.map(scoreDomains));
  }

  const mentioned = new Map<string, Set<string>>();
  for (const intent of intents) {
    const domains = new Set<string>();
    for (const example of intent.examples) {
      for (const scores of await clauses(example)) {
        for (const [domain, score] of scores) {
          if (score >= o.mentionConfidence && domain !== intent.domain) domains.add(domain);
        }
      }
    }
    mentioned.set(intent.name, domains);
  }

  return {
    mentioned,
    async otherDomains(text, top, whole) {
      const found: string[] = [];
      for (const scores of await clauses(text)) {
        const clear = best(scores);
        if (!clear || clear[1] < o.clauseConfidence) continue;
        const [domain] = clear;
        if (nonBusiness.has(domain) || found.includes(domain)) continue;
        if ((whole.get(domain) ?? 0) < o.minWholeShare) continue;
        found.push(domain);
      }
      if (!top || nonBusiness.has(top.domain)) return found.length >= 2 ? found : [];
      // A mix needs both sides in the text: when no clause is clearly about the top intent's
      // domain, the top intent is the classifier's reading of the whole, and a clause in another
      // domain says more about that reading than about a second matter.
      if (!found.includes(top.domain)) return [];
      const partOfTop = mentioned.get(top.name);
      return found.filter((d) => d !== top.domain && !partOfTop?.has(d));
    },
  };
}
