import { detectStakes } from '@baton/escalation';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { Nlp } from '@nlpjs/nlp';
import type { Assistant, AssistantInput, AssistantProposal, ProposedIntent } from './assistant';
import { extractAmount } from './extractAmount';
import type { KnowledgeBase, KnowledgeIntent } from './knowledgeBase';
import { findMissingContext } from './missingContext';
import { foreignLanguage, NOT_UNDERSTOOD_IN } from './otherLanguage';
import { OFF_TOPIC_EXAMPLES, UNCOVERED_SHOP_EXAMPLES } from './offTopicExamples';
import { createDomainDetector, type OtherDomainsOptions } from './otherDomains';
import { draftReply } from './replyDraft';
import { isPleasantry, plainPleasantry } from './pleasantries';
import { scoreSentiment } from './scoreSentiment';
import { createVocabulary } from './vocabularyCoverage';

/**
 * Below this the assistant reports no intent at all. Deliberately low: between it and the
 * per-tier thresholds of the policy, the escalation engine sees the guess and its confidence
 * and decides (low_confidence); the assistant does not second-guess the policy.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.2;

/** NLP.js's "no match" intent. */
const NO_MATCH = 'None';
const LOCALE = 'en';
/** Classifying is linear in length; chat messages past this are not more informative. */
const MAX_CLASSIFIED_CHARS = 2000;

export interface NluAssistantOptions {
  /** 0..1, default DEFAULT_MIN_CONFIDENCE. */
  minConfidence?: number;
  /** How further business domains in a message are found (`domains`, multi_domain). */
  domains?: OtherDomainsOptions;
}

/** A message's one question and the words around it; see `questionFocus`. */
export interface QuestionFocus {
  /** The question sentence (when the message has others) and its last clause. */
  question: string[];
  /** Every other sentence, and the clauses of the question sentence before its last. */
  context: string[];
}

/**
 * Splits a message that asks exactly one question (one sentence ending in a question mark) into
 * that question and its context. Null when the message asks nothing or several things, or is
 * the question alone: then the whole message is what is read.
 */
export function questionFocus(text: string): QuestionFocus | null {
  const sentences = text
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const asking = sentences.filter((s) => /\?[\s\p{Extended_Pictographic}]*$/u.test(s));
  if (asking.length !== 1) return null;
  const sentence = asking[0]!;
  const clauses = sentence.split(/[,;]\s+/u).map((c) => c.trim());
  const clause = clauses.at(-1)!;
  const question = [...new Set([...(sentences.length > 1 ? [sentence] : []), clause])].filter(
    (q) => q !== text.trim(),
  );
  if (question.length === 0) return null;
  const context = [...sentences.filter((s) => s !== sentence), ...clauses.slice(0, -1)];
  return { question, context };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The built-in assistant: an NLP.js intent classifier trained at start-up from the knowledge
 * base examples (plus a small off-topic 'None' class). Confidence is the classifier score scaled
 * by how much of the message's vocabulary the knowledge base covers, so a message about
 * something else entirely cannot come out confident just because one word was familiar.
 * It uses only the current message; `history` is for assistants that can use it (an LLM).
 */
export async function createNluAssistant(
  kb: KnowledgeBase,
  options: NluAssistantOptions = {},
): Promise<Assistant> {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new RangeError(`minConfidence must be between 0 and 1, got ${minConfidence}`);
  }

  // NLP.js with only its English pipeline (tokenizer, stopwords, stemmer, normalizer): node-nlp's
  // NlpManager builds the same classifier but first loads every language and entity recogniser
  // it ships (a second at start-up, and a built-in entity pass on every message).
  const container = containerBootstrap();
  container.use(LangEn);
  const manager = new Nlp({
    container,
    languages: [LOCALE],
    forceNER: false,
    // Keep NLP.js from replacing weak matches with 'None': we threshold ourselves.
    threshold: 0,
    calculateSentiment: false,
    nlu: { log: false },
    autoSave: false,
    autoLoad: false,
  });
  const intents = new Map<string, KnowledgeIntent>();
  for (const intent of kb.intents) {
    intents.set(intent.name, intent);
    for (const example of intent.examples) manager.addDocument(LOCALE, example, intent.name);
  }
  for (const example of [...OFF_TOPIC_EXAMPLES, ...UNCOVERED_SHOP_EXAMPLES])
    manager.addDocument(LOCALE, example, NO_MATCH);
  await manager.train();
  const vocabulary = createVocabulary(kb.intents.flatMap((intent) => intent.examples));
  const intentVocabulary = new Map(
    kb.intents.map((intent) => [intent.name, createVocabulary(intent.examples)]),
  );
  // What each intent's own examples put at stake (money, account…). A message that puts something
  // at stake its intent never does ("I was promised 20% off my next order": money, order_status)
  // is only as likely that intent as the intent's own vocabulary covers it: the classifier
  // ignores the unfamiliar words that carry the consequence, so its score alone overstates.
  const intentStakes = new Map(
    kb.intents.map((intent) => [
      intent.name,
      new Set(intent.examples.flatMap((example) => detectStakes(example).stakes)),
    ]),
  );
  const stakesSupport = (utterance: string, name: string): number => {
    const own = intentStakes.get(name);
    const foreign = detectStakes(utterance).stakes.some((stake) => !own?.has(stake));
    return foreign ? (intentVocabulary.get(name)?.coverage(utterance) ?? 1) : 1;
  };

  interface Analysis {
    match: { intent: KnowledgeIntent; confidence: number } | null;
    /** Classifier scores summed per domain, scaled by vocabulary coverage. */
    domains: Map<string, number>;
  }

  async function analyse(text: string): Promise<Analysis> {
    const utterance = text.trim().slice(0, MAX_CLASSIFIED_CHARS);
    const domains = new Map<string, number>();
    if (utterance === '') return { match: null, domains };
    const result = await manager.process(LOCALE, utterance);
    const coverage = vocabulary.coverage(utterance);
    // Domain scores are shares of what the store's intents got: the out-of-scope class takes
    // probability from every intent alike and must not hide a domain the message does touch.
    const inScope = result.classifications
      .filter((c) => intents.has(c.intent))
      .reduce((sum, c) => sum + c.score, 0);
    const scale = inScope > 0 ? Math.min(1, 1 / inScope) : 1;
    for (const c of result.classifications) {
      const domain = intents.get(c.intent)?.domain;
      if (domain !== undefined)
        domains.set(domain, (domains.get(domain) ?? 0) + c.score * scale * coverage);
    }
    const intent = intents.get(result.intent);
    if (!intent) return { match: null, domains };
    const confidence = round(result.score * coverage * stakesSupport(utterance, intent.name));
    return { match: confidence >= minConfidence ? { intent, confidence } : null, domains };
  }

  /**
   * A message often wraps one question in context ("Hello again! Shopping for the lake house.
   * Are the teak benches fine outside all year? I'd rather they not go grey"): the context words
   * the knowledge base never uses dilute the whole message's score although the question itself
   * is plain. So the question is read on its own too, and its reading wins when it beats the
   * whole message's — but only when the rest is context and nothing more:
   * - the words put nothing at stake (money, account, identity, legal, safety, a concession), so
   *   a covered question can never hide a risk in the sentence around it;
   * - no other sentence or clause reads, on its own, as anything beyond tier 1: "please cancel my
   *   membership. And do you ship to the UK?" is two requests, read whole.
   */
  async function focusOnQuestion(text: string, whole: Analysis): Promise<Analysis> {
    const focus = questionFocus(text.trim().slice(0, MAX_CLASSIFIED_CHARS));
    if (!focus) return whole;
    const stakes = detectStakes(text);
    if (stakes.stakes.length > 0 || stakes.concession !== null) return whole;
    let best = whole;
    for (const part of focus.question) {
      // A bare "right?" or "ok?" names no topic; its score would be noise.
      if (vocabulary.contentWords(part) < 2) continue;
      const { match } = await analyse(part);
      if (match && match.confidence > (best.match?.confidence ?? 0)) {
        best = { match, domains: whole.domains };
      }
    }
    if (best === whole) return whole;
    for (const part of focus.context) {
      const { match } = await analyse(part);
      if (match && match.intent.tier > 1) return whole;
    }
    return best;
  }

  /**
   * A message made only of greetings, thanks and acknowledgements is read among the knowledge
   * base's general-domain answers (greeting, thanks…): the classifier's scores for those alone,
   * as shares of their sum, so "bet ty" is a thanks rather than a failed turn.
   */
  const pleasantries = kb.intents.filter((i) => i.domain === 'general' && i.action === 'answer');
  async function pleasantry(text: string, plain = false): Promise<Analysis> {
    const domains = new Map<string, number>();
    const result = await manager.process(LOCALE, plain ? plainPleasantry(text) : text);
    const scores = result.classifications.filter((c) =>
      pleasantries.some((i) => i.name === c.intent),
    );
    const total = scores.reduce((sum, c) => sum + c.score, 0);
    const best = [...scores].sort((a, b) => b.score - a.score)[0];
    const intent = best && intents.get(best.intent);
    if (!intent || total <= 0) {
      // Words the examples never use ("k", "sweet 🙌"): read the plain phrase they stand for.
      return plain ? { match: null, domains } : pleasantry(text, true);
    }
    return { match: { intent, confidence: round(best.score / total) }, domains };
  }

  const domainDetector = await createDomainDetector(
    kb.intents,
    async (text) => (await analyse(text)).domains,
    (text) => vocabulary.contentWords(text),
    options.domains,
  );

  return {
    name: 'nlu',
    async propose({ text, context }: AssistantInput): Promise<AssistantProposal> {
      // The knowledge base is English: a message confidently in another language is not
      // classified (an English intent read from a few shared words would be a guess), and the
      // reply says so in the customer's language and offers a person.
      const utterance = text.slice(0, MAX_CLASSIFIED_CHARS);
      const language = foreignLanguage(utterance, vocabulary.coverage(utterance));
      if (language !== null) {
        return {
          intent: null,
          replyDraft: NOT_UNDERSTOOD_IN[language],
          sources: [`language:${language}`],
          amount: extractAmount(text, context, ''),
          missingContext: [],
          sentiment: scoreSentiment(text),
          domains: [],
        };
      }
      const { match, domains } = isPleasantry(utterance)
        ? await pleasantry(utterance)
        : await focusOnQuestion(text, await analyse(text));
      const intent: ProposedIntent | null = match && {
        name: match.intent.name,
        confidence: match.confidence,
        tier: match.intent.tier,
        domain: match.intent.domain,
        action: match.intent.action,
      };
      const draft = draftReply(match?.intent ?? null, text, context);
      return {
        intent,
        replyDraft: draft.text,
        sources: draft.sources,
        amount: extractAmount(text, context, intent?.action ?? ''),
        missingContext: findMissingContext(match?.intent.requires, context),
        sentiment: scoreSentiment(text),
        domains: await domainDetector.otherDomains(
          text.trim().slice(0, MAX_CLASSIFIED_CHARS),
          match?.intent ?? null,
          domains,
        ),
      };
    },
  };
}
