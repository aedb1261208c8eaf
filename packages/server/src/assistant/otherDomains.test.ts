import { describe, expect, it } from 'vitest';
import type { KnowledgeIntent } from './knowledgeBase';
import { createDomainDetector, splitClauses, type DomainScores } from './otherDomains';

describe('splitClauses', () => {
  it.each([
    ['where is my order', ['where is my order']],
    [
      'I was charged twice AND my order never arrived',
      ['I was charged twice', 'my order never arrived'],
    ],
    ['hi, where is my order?', ['hi', 'where is my order']],
    ['refund please. also: do you ship to Canada', ['refund please', 'do you ship to Canada']],
    ['by the way my code failed; btw thanks', ['my code failed', 'thanks']],
    [
      'you billed me twice, plus the box was crushed',
      ['you billed me twice', 'the box was crushed'],
    ],
    ['line one\nline two', ['line one', 'line two']],
    ['   ', []],
  ])('%j', (text, expected) => {
    expect(splitClauses(text)).toEqual(expected);
  });

  it('keeps "and" / "but" inside a phrase when no new clause follows', () => {
    expect(splitClauses('I want my account and data erased')).toEqual([
      'I want my account and data erased',
    ]);
    expect(splitClauses('cheap but good blankets')).toEqual(['cheap but good blankets']);
    expect(splitClauses('a salt and pepper grinder')).toEqual(['a salt and pepper grinder']);
  });
});

// A fake classifier: a clause is about a domain when it contains one of its words.
const WORDS: Record<string, string[]> = {
  billing: ['charged', 'refund', 'billed'],
  orders: ['order', 'package', 'parcel'],
  security: ['password', 'hacked'],
  general: ['hi', 'thanks'],
};
function scores(text: string): DomainScores {
  const found = Object.entries(WORDS).filter(([, words]) =>
    words.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(text)),
  );
  return new Map(found.map(([domain]) => [domain, 1 / found.length]));
}
const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 2).length;

const intent = (name: string, domain: string, examples: string[] = [name]): KnowledgeIntent => ({
  name,
  domain,
  examples,
  answer: 'a',
  tier: 1,
  action: 'answer',
});
const dispute = intent('payment_dispute', 'billing', ['I was charged twice']);
// Its own examples mention orders: a refund request about a missing order is one matter.
const refund = intent('refund_request', 'billing', ['my parcel never came, I want a refund']);
const greeting = intent('greeting', 'general');
const INTENTS = [dispute, refund, greeting, intent('order_status', 'orders')];

async function detect(text: string, top: KnowledgeIntent | null, whole = scores(text)) {
  const detector = await createDomainDetector(INTENTS, async (t) => scores(t), words);
  return detector.otherDomains(text, top, whole);
}

describe('createDomainDetector', () => {
  it('names the domain of a second clause', async () => {
    expect(await detect('I was charged twice and my order never arrived', dispute)).toEqual([
      'orders',
    ]);
  });

  it('finds nothing in a single clause', async () => {
    expect(await detect('charged twice for my order', dispute)).toEqual([]);
  });

  it('ignores clauses in the top domain or a non-business domain', async () => {
    expect(await detect('thanks, I was charged twice, the refund never came', dispute)).toEqual([]);
  });

  it('ignores clauses that are not clearly one domain', async () => {
    expect(await detect('I was charged twice, the order was charged too', dispute)).toEqual([]);
  });

  it('needs a trace of the domain in the whole message', async () => {
    const whole = new Map([['billing', 0.995]]);
    expect(await detect('I was charged twice and my order never arrived', dispute, whole)).toEqual(
      [],
    );
  });

  it("leaves out a domain the top intent's own examples mention", async () => {
    const detector = await createDomainDetector(INTENTS, async (t) => scores(t), words);
    expect([...(detector.mentioned.get('refund_request') ?? [])]).toEqual(['orders']);
    expect(await detect('my package never came, I want a refund', refund)).toEqual([]);
  });

  it('needs a clause in the top domain: otherwise the top intent is a reading of the whole', async () => {
    expect(await detect('this is bad and my order never arrived', dispute)).toEqual([]);
  });

  it('without a business top intent, reports only two or more business domains', async () => {
    expect(await detect('thanks, my order never arrived', greeting)).toEqual([]);
    expect(await detect('thanks, my order never arrived', null)).toEqual([]);
    expect(await detect('I was charged twice and my order never arrived', greeting)).toEqual([
      'billing',
      'orders',
    ]);
    expect(await detect('I was charged twice and my order never arrived', null)).toEqual([
      'billing',
      'orders',
    ]);
  });

  it('reports each domain once, in order of appearance', async () => {
    expect(
      await detect('I was charged twice, my password was hacked, my order is late too', dispute),
    ).toEqual(['security', 'orders']);
    expect(
      await detect('I was charged twice, my order is late, the parcel is lost', dispute),
    ).toEqual(['orders']);
  });

  it('skips clauses under the content-word minimum', async () => {
    const detector = await createDomainDetector(INTENTS, async (t) => scores(t), words, {
      minContentWords: 3,
    });
    const text = 'I was charged twice and my order';
    expect(await detector.otherDomains(text, dispute, scores(text))).toEqual([]);
  });

  it('takes the non-business domains from the options', async () => {
    const detector = await createDomainDetector(INTENTS, async (t) => scores(t), words, {
      nonBusinessDomains: [],
    });
    const text = 'thanks, I was charged twice';
    expect(await detector.otherDomains(text, dispute, scores(text))).toEqual(['general']);
  });
});
