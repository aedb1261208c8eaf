import { readFileSync } from 'node:fs';
import type { CustomerContext } from '@baton/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant, AssistantProposal } from './assistant';
import { parseKnowledgeBase, type KnowledgeBase } from './knowledgeBase';
import { createNluAssistant, questionFocus } from './nluAssistant';
import { NOT_UNDERSTOOD_DRAFT } from './replyDraft';

const kb = parseKnowledgeBase(
  readFileSync(new URL('../../../../demo/knowledge-base.yaml', import.meta.url), 'utf8'),
);

/** Phrasings written for this test, none of them a knowledge-base example. */
const HELD_OUT: [text: string, intent: string][] = [
  ['hey, good morning to you', 'greeting'],
  ['hello hello', 'greeting'],
  ['hello again', 'greeting'],
  ['thanks a lot, bye', 'thanks_goodbye'],
  ['thank you, that was helpful', 'thanks_goodbye'],
  ['ok great, cheers!', 'thanks_goodbye'],
  ['where is my package right now', 'order_status'],
  ['my order still has not shown up', 'order_status'],
  ['can I get a tracking link for my order', 'order_status'],
  ['any update on my delivery? order A100', 'order_status'],
  ['wheres my order at', 'order_status'],
  ['hi, where is my order?', 'order_status'],
  ['please cancel my order, I no longer need it', 'order_cancellation'],
  ['can I cancel order A100 before it ships?', 'order_cancellation'],
  ['I want to call off the order I placed an hour ago', 'order_cancellation'],
  ['I still have not received my refund', 'refund_status'],
  ['when does my refund arrive', 'refund_status'],
  ['how long for the money to come back after a return', 'refund_status'],
  ['what time do you close today', 'store_hours'],
  ['are you open on saturday', 'store_hours'],
  ['what are your customer service hours', 'store_hours'],
  ['how long does standard shipping usually take', 'shipping_times'],
  ['is express delivery available', 'shipping_times'],
  ['if I order now when would I get it', 'shipping_times'],
  ['do you ship to France', 'international_shipping'],
  ['can you send my order to Australia', 'international_shipping'],
  ['do I pay customs duties on delivery to Canada', 'international_shipping'],
  ['how do I return a chair I bought', 'return_within_policy'],
  ['can I send back the blanket, it is unused', 'return_within_policy'],
  ['I need a return label for my order', 'return_within_policy'],
  ['my parcel was damaged', 'damaged_or_wrong_item'],
  ['you sent the wrong size', 'damaged_or_wrong_item'],
  ['one item is missing from my order', 'damaged_or_wrong_item'],
  ['the box was crushed and the vase inside is broken', 'damaged_or_wrong_item'],
  ['I want my money back for this order', 'refund_request'],
  ['please give me a refund, the lamp is broken', 'refund_request'],
  ['refund me for order A100', 'refund_request'],
  ['you charged me twice for my order', 'payment_dispute'],
  ['there are two charges on my card for one purchase', 'payment_dispute'],
  ['the charge on my bank statement is higher than my order total', 'payment_dispute'],
  ['can you match a lower price from another store', 'price_match'],
  ['it is cheaper at another retailer, will you match it', 'price_match'],
  ['the price went down after I bought it, can I get the difference back', 'price_match'],
  ['where do I put a coupon code', 'promo_code_use'],
  ['how do I redeem my discount code at checkout', 'promo_code_use'],
  ['my coupon code is not working', 'promo_exception'],
  ['the code expired, can you still give me the discount', 'promo_exception'],
  ['please cancel my Northwind Plus subscription', 'subscription_cancellation'],
  ['I do not want my membership to renew', 'subscription_cancellation'],
  ['how do I cancel my subscription', 'subscription_cancellation'],
  ['I forgot my password, how do I reset it', 'account_access'],
  ['how to change password', 'account_access'],
  ['my account has been hacked', 'account_access'],
  ['I am locked out of my account', 'account_access'],
  ['please change my account email address', 'account_access'],
  ['someone reset my password without me', 'account_access'],
  ['somebody logged into my account and changed the password', 'account_access'],
  ['someone used my card without permission to order from you', 'fraud_report'],
  ['I got a suspicious email claiming to be from Northwind', 'fraud_report'],
  ['there is a purchase on my card I did not make', 'fraud_report'],
  ['I will sue your company', 'legal_threat'],
  ['I am calling my lawyer', 'legal_threat'],
  ['I will take legal action against you', 'legal_threat'],
  ['please delete all my personal data', 'data_deletion'],
  ['I want my account and data erased under GDPR', 'data_deletion'],
  ['what material is the throw blanket', 'product_question'],
  ['is the tent easy to set up', 'product_question'],
  ['can I put the cushion covers in the washing machine', 'product_question'],
];

const OFF_TOPIC = [
  'what is the capital of mongolia',
  'purple monkey dishwasher',
  'tell me a joke about quantum physics',
  'the weather is nice on mars',
  'who won the football game last night',
  'can you write me a poem about cats',
  'recommend a good movie',
  'lorem ipsum dolor sit amet',
  'my cat likes to sleep on the keyboard',
  'asdfgh qwerty zxcv',
  '1234567',
];

/** The bar a match has to clear to count as understood. */
const CONFIDENT = 0.5;

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9 ]/g, '');

function propose(
  assistant: Assistant,
  text: string,
  context: CustomerContext = {},
): Promise<AssistantProposal> {
  return assistant.propose({ text, context, history: [] });
}

let assistant: Assistant;

beforeAll(async () => {
  const started = performance.now();
  assistant = await createNluAssistant(kb);
  const examples = kb.intents.reduce((sum, intent) => sum + intent.examples.length, 0);
  console.log(
    `[assistant] trained ${kb.intents.length} intents / ${examples} examples in ${(performance.now() - started).toFixed(1)} ms`,
  );
});

describe('held-out phrasings', () => {
  it('are not knowledge-base examples and cover every intent at least twice', () => {
    const examples = new Set(kb.intents.flatMap((intent) => intent.examples.map(normalise)));
    expect(HELD_OUT.filter(([text]) => examples.has(normalise(text)))).toEqual([]);
    for (const intent of kb.intents) {
      const count = HELD_OUT.filter(([, expected]) => expected === intent.name).length;
      expect(count, intent.name).toBeGreaterThanOrEqual(2);
    }
  });

  it(`are recognised with confidence > ${CONFIDENT} at least 90% of the time`, async () => {
    const misses: string[] = [];
    const started = performance.now();
    for (const [text, expected] of HELD_OUT) {
      const { intent } = await propose(assistant, text);
      if (intent?.name !== expected || intent.confidence <= CONFIDENT) {
        misses.push(
          `"${text}" → ${intent?.name ?? 'null'} ${intent?.confidence ?? ''} (expected ${expected})`,
        );
      }
    }
    const perQuery = (performance.now() - started) / HELD_OUT.length;
    const rate = (HELD_OUT.length - misses.length) / HELD_OUT.length;
    console.log(
      `[assistant] held-out accuracy ${(rate * 100).toFixed(1)}% (${HELD_OUT.length - misses.length}/${HELD_OUT.length}), ${perQuery.toFixed(2)} ms per proposal`,
    );
    if (misses.length > 0) console.log(`[assistant] misses:\n  ${misses.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  // Account recovery and ownership changes are security (tier 4) in the product model; a
  // takeover must never come back as a low-tier intent the assistant may answer on its own.
  it('keeps account takeover phrasings at tier 4', async () => {
    const lowTier: string[] = [];
    for (const text of [
      'my password was changed by someone else',
      'got an email saying my password changed but that was not me',
      'a stranger changed my password',
      'I think my password was stolen',
      'someone is trying to get into my account',
      'I got a password reset code I never requested',
    ]) {
      const { intent } = await propose(assistant, text);
      if (intent && intent.tier < 4) lowTier.push(`"${text}" → ${intent.name}`);
    }
    expect(lowTier).toEqual([]);
  });
});

describe('off-topic text', () => {
  it.each(OFF_TOPIC)('"%s" gives no intent or a low confidence', async (text) => {
    const { intent } = await propose(assistant, text);
    expect(intent === null || intent.confidence < CONFIDENT, JSON.stringify(intent)).toBe(true);
  });

  it('gets an honest "not sure" draft, no sources and no missing context', async () => {
    // Not "lorem ipsum": the language detector reads that Latin filler as Spanish, and a
    // message in another language gets the "I only answer in English" draft instead.
    const proposal = await propose(assistant, 'foo bar baz qux');
    expect(proposal).toMatchObject({
      intent: null,
      replyDraft: NOT_UNDERSTOOD_DRAFT,
      sources: [],
      missingContext: [],
    });
  });

  it('includes empty text', async () => {
    expect((await propose(assistant, '   ')).intent).toBeNull();
  });
});

describe('proposals', () => {
  const orders: CustomerContext = {
    orders: [
      { id: 'A100', total: 250, currency: 'USD', status: 'delivered', placedDaysAgo: 3 },
      { id: 'A090', total: 40, currency: 'USD', status: 'in_transit', placedDaysAgo: 20 },
    ],
  };

  it('reads a message of pleasantries only among the greetings and thanks', async () => {
    for (const text of [
      'righto cheers',
      'Splendid. Good day to you.',
      'Lovely, thanks a million',
    ]) {
      const { intent } = await propose(assistant, text, orders);
      expect(intent?.name, text).toMatch(/^(greeting|thanks_goodbye)$/);
      expect(intent!.confidence, text).toBeGreaterThanOrEqual(0.5);
    }
    // Words the examples never use are read as the plain phrase they stand for: an
    // acknowledgement as a thanks, a greeting as a greeting; never as "not understood".
    for (const [text, name] of [
      ['k', 'thanks_goodbye'],
      ['sweet 🙌', 'thanks_goodbye'],
      ['kk cool', 'thanks_goodbye'],
      ['bet ty', 'thanks_goodbye'],
      ['hiii', 'greeting'],
    ]) {
      const { intent } = await propose(assistant, text!, orders);
      expect(intent?.name, text).toBe(name);
    }
  });

  it('carries the tier, domain and action of the matched intent', async () => {
    const { intent } = await propose(assistant, 'I want my money back for this order', orders);
    expect(intent).toMatchObject({ name: 'refund_request', tier: 3, domain: 'billing' });
    expect(intent?.action).toBe('refund');
  });

  it('fills order status from context and cites it', async () => {
    const proposal = await propose(assistant, 'where is my package right now', orders);
    expect(proposal.replyDraft).toMatch(/^Your most recent order, A100, is delivered\. /);
    expect(proposal.sources).toEqual(['kb:order_status', 'context.orders[0]']);
    expect(proposal.missingContext).toEqual([]);
  });

  it('uses the order the customer names', async () => {
    const proposal = await propose(assistant, 'any update on my delivery? order A090', orders);
    expect(proposal.replyDraft).toMatch(/^Your order A090 is in transit\. /);
    expect(proposal.sources).toContain('context.orders[1]');
    expect(proposal.amount).toEqual({ value: 40, currency: 'USD', source: 'context.orders[1]' });
  });

  it('says so when the named order is not in context instead of guessing', async () => {
    const proposal = await propose(assistant, 'any update on my delivery? order B777', orders);
    expect(proposal.replyDraft).toMatch(/^I can't find order B777/);
    expect(proposal.replyDraft).not.toMatch(/A100|A090/);
  });

  it('reports required context that is missing and drafts without inventing it', async () => {
    const proposal = await propose(assistant, 'where is my package right now');
    expect(proposal.missingContext).toEqual(['orders']);
    expect(proposal.replyDraft).toBe(kb.intents.find((i) => i.name === 'order_status')?.answer);
  });

  it('treats a stale order system as missing and does not quote its status', async () => {
    const stale: CustomerContext = { ...orders, systems: { orders: 'stale' } };
    const proposal = await propose(assistant, 'where is my package right now', stale);
    expect(proposal.missingContext).toEqual(['orders']);
    expect(proposal.replyDraft).not.toMatch(/delivered/);
  });

  it('takes the amount of a refund from the most recent order, or from the text', async () => {
    const fromContext = await propose(assistant, 'I want my money back for this order', orders);
    expect(fromContext.amount).toEqual({
      value: 250,
      currency: 'USD',
      source: 'context.orders[0]',
    });
    const fromText = await propose(assistant, 'please refund the €40 for the cushion', orders);
    expect(fromText.amount).toEqual({ value: 40, currency: 'EUR', source: 'text' });
  });

  it('scores the sentiment of this message', async () => {
    const angry = await propose(assistant, 'this is ridiculous, the worst service ever');
    expect(angry.sentiment).toBeLessThan(-0.5);
    expect((await propose(assistant, 'thank you, that was helpful')).sentiment).toBeGreaterThan(0);
  });

  it('never promises a refund or claims a review in any draft', async () => {
    for (const [text] of HELD_OUT) {
      const { replyDraft } = await propose(assistant, text, orders);
      expect(replyDraft, text).not.toMatch(/\b(reviewed|approved your|will refund|guarantee)/i);
    }
  });
});

describe('other domains in a message (multi_domain)', () => {
  it('finds the second matter: charged twice AND the order never arrived', async () => {
    const proposal = await propose(assistant, 'I was charged twice AND my order never arrived');
    expect(proposal.intent).toMatchObject({ name: 'payment_dispute', domain: 'billing' });
    expect(proposal.domains).toEqual(['orders']);
  });

  // Phrasings written for this test; the detector is tuned to be sure rather than complete, so
  // these are clear cases of two matters in two clauses.
  it.each([
    ['someone hacked my account and I was charged twice', 'account_access', ['billing']],
    [
      "the discount code isn't working and my parcel arrived damaged",
      'promo_exception',
      ['orders'],
    ],
    [
      'How long does shipping to Japan take? And where is my refund?',
      'refund_status',
      ['shipping'],
    ],
    [
      'you billed me two times, plus the package came damaged',
      'damaged_or_wrong_item',
      ['billing'],
    ],
    ["my order never arrived and now I see a charge I didn't make", 'fraud_report', ['orders']],
    ['where is my package? Also, is the wool throw itchy?', 'order_status', ['products']],
    [
      'please cancel my Plus membership. And do you ship to the UK?',
      'subscription_cancellation',
      ['shipping'],
    ],
    [
      'your website charged me twice, and the rug I received has a stain',
      'damaged_or_wrong_item',
      ['billing'],
    ],
  ])('"%s" → %s + %j', async (text, intentName, domains) => {
    const proposal = await propose(assistant, text);
    expect(proposal.intent?.name).toBe(intentName);
    expect(proposal.domains).toEqual(domains);
  });

  // Single-topic messages in several clauses: greetings, context before the question, a refund
  // with its reason (the knowledge base's own refund examples mention the broken item).
  it.each([
    'hi, where is my order?',
    "thanks so much, you've been great. bye!",
    'good morning! do you ship to Germany?',
    'the box was crushed and the vase inside is broken',
    'I never received my order, I want a refund',
    'please give me a refund, the lamp is broken',
    'my order arrived broken and I want my money back',
    'I want my account and data erased under GDPR',
    'hi, where is my order? I ordered a week ago',
    'I paid for express shipping, when will it arrive?',
    'I returned the jacket last week and I still have no refund',
    'I ordered a lamp, it came broken, and I want a replacement',
    "hello, my order A300 shows delivered, but I haven't got it",
    "I bought a grill and it's cheaper now, can I get the difference?",
    "my coupon didn't work, can you still give me the 15% off?",
    'I tried to log in, but it says my password is wrong',
    'is the hammock weatherproof, and can it hold two people?',
    'I placed an order an hour ago, can I still cancel it?',
    'lorem ipsum, dolor sit amet',
    '',
  ])('"%s" → no other domain', async (text) => {
    expect((await propose(assistant, text)).domains).toEqual([]);
  });

  /** Share of single-topic messages given an extra domain. */
  async function falseExtraRate(texts: readonly string[], label: string): Promise<number> {
    const flagged: string[] = [];
    for (const text of texts) {
      const { intent, domains } = await propose(assistant, text);
      if (domains.length > 0)
        flagged.push(`"${text}" → ${intent?.name ?? 'null'} + ${domains.join(', ')}`);
    }
    const rate = flagged.length / texts.length;
    console.log(
      `[assistant] ${label}: false extra domain ${(rate * 100).toFixed(1)}% (${flagged.length}/${texts.length})`,
    );
    if (flagged.length > 0) console.log(`[assistant] flagged:\n  ${flagged.join('\n  ')}`);
    return rate;
  }

  it('gives no extra domain for at least 95% of the single-topic held-out phrasings', async () => {
    const rate = await falseExtraRate(
      HELD_OUT.map(([text]) => text),
      'held-out phrasings',
    );
    expect(rate).toBeLessThanOrEqual(0.05);
  });

  it('gives no extra domain for at least 95% of the knowledge-base examples', async () => {
    const rate = await falseExtraRate(
      kb.intents.flatMap((intent) => intent.examples),
      'knowledge-base examples',
    );
    expect(rate).toBeLessThanOrEqual(0.05);
  });
});

describe('the question in a longer message', () => {
  it('splits one question from its context, and leaves several questions whole', () => {
    expect(questionFocus('Hi there. Shopping for a bench, is teak fine outside? Thanks')).toEqual({
      question: ['Shopping for a bench, is teak fine outside?', 'is teak fine outside?'],
      context: ['Hi there.', 'Thanks', 'Shopping for a bench'],
    });
    expect(questionFocus('where is my package? Also, is the wool throw itchy?')).toBeNull();
    expect(questionFocus('what are your hours?')).toBeNull();
    expect(questionFocus('I need my order by friday.')).toBeNull();
  });

  it('reads the question itself when the rest is only context', async () => {
    const text =
      "Hello again! Shopping for the lake house. Are the teak benches fine sitting outside all year, and what's the care routine? I'd rather not have them go grey by spring";
    const proposal = await propose(assistant, text);
    expect(proposal.intent?.name).toBe('product_question');
    expect(proposal.intent?.confidence).toBeGreaterThanOrEqual(0.55);
  });

  it('reads the whole message when the rest is a request of its own or puts money at stake', async () => {
    const cancel = await propose(
      assistant,
      'please cancel my Plus membership. And do you ship to the UK?',
    );
    expect(cancel.intent?.name).toBe('subscription_cancellation');
    const money = await propose(
      assistant,
      'You charged me $40 twice last week. Anyway, what are your opening hours?',
    );
    // The question alone would read more confidently; the money in the context keeps it whole.
    const alone = await propose(assistant, 'what are your opening hours?');
    expect(money.intent?.confidence ?? 0).toBeLessThan(alone.intent?.confidence ?? 0);
  });
});

describe('options', () => {
  let strict: Assistant;
  beforeAll(async () => {
    strict = await createNluAssistant(kb, { minConfidence: 0.999 });
  });

  it('minConfidence drops matches below it', async () => {
    const proposal = await propose(strict, 'do you ship to France');
    expect(proposal.intent).toBeNull();
    expect(proposal.replyDraft).toBe(NOT_UNDERSTOOD_DRAFT);
  });

  it('rejects a minConfidence outside 0..1', async () => {
    await expect(createNluAssistant(kb, { minConfidence: 2 })).rejects.toThrow(RangeError);
  });

  it('trains from whatever knowledge base it is given', async () => {
    const tiny: KnowledgeBase = {
      version: 't',
      store: { name: 'Tiny' },
      intents: [
        {
          name: 'hours',
          examples: ['when are you open', 'opening hours', 'what time do you close'],
          answer: '9-5',
          tier: 1,
          domain: 'general',
          action: 'answer',
        },
        {
          name: 'refund',
          examples: ['I want a refund', 'give me my money back', 'refund my order'],
          answer: 'Ask billing.',
          tier: 3,
          domain: 'billing',
          action: 'refund',
        },
      ],
    };
    const tinyAssistant = await createNluAssistant(tiny);
    expect((await propose(tinyAssistant, 'refund please')).intent?.name).toBe('refund');
    expect((await propose(tinyAssistant, 'are you open today')).replyDraft).toBe('9-5');
  });
});

describe('messages in another language', () => {
  it.each(['where is my order', 'do you ship to canada', 'hola', 'ok', 'thanks!'])(
    '"%s" is not taken for a foreign-language message',
    async (text) => {
      const proposal = await propose(assistant, text);
      expect(proposal.sources.some((s) => s.startsWith('language:'))).toBe(false);
    },
  );

  it('one in Spanish gets no intent and a Spanish "not understood" draft', async () => {
    const proposal = await propose(assistant, '¿Dónde está mi pedido? Todavía no ha llegado');
    expect(proposal.intent).toBeNull();
    expect(proposal.sources).toEqual(['language:es']);
    expect(proposal.replyDraft).toMatch(/inglés/);
  });
});
