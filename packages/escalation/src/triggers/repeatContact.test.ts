import { describe, expect, it } from 'vitest';
import { facts } from '../../test/fixtures';
import { defaultPolicy } from '../defaultPolicy';
import type { ContactFact } from '../facts';
import { topicSignature } from '../topicSignature';
import { repeatContact, saysRepeated } from './repeatContact';

const contact = (daysAgo: number, text: string): ContactFact => ({
  daysAgo,
  intent: 'product_question',
  domain: 'products',
  signature: topicSignature(text),
  source: 'storefront',
});

describe('repeat_contact when the customer says it is not the first time', () => {
  const earlier = [contact(4, 'the blanket arrived with a stain'), contact(2, 'no reply yet')];

  it.each([
    'Hello again. This is my third time writing about order Q6831 this week.',
    'still nothing on R7942 and nobody tells me anything',
    'how many times do I have to ask about this?',
  ])('%j: the earlier contacts in the window count', (text) => {
    expect(saysRepeated(text)).toBe(true);
    const hits = repeatContact(facts({ text, intent: null, contacts: earlier }), defaultPolicy);
    expect(hits.map((h) => h.hit.name)).toEqual(['repeat_contact']);
  });

  it('without such words, contacts on another topic do not count', () => {
    const text = 'the tracking for Q6831 shows the same scan since Monday';
    expect(saysRepeated(text)).toBe(false);
    expect(repeatContact(facts({ text, intent: null, contacts: earlier }), defaultPolicy)).toEqual(
      [],
    );
  });

  it('contacts outside the window never count', () => {
    const old = [contact(30, 'a'), contact(40, 'b')];
    const text = 'third time writing about this';
    expect(repeatContact(facts({ text, intent: null, contacts: old }), defaultPolicy)).toEqual([]);
  });
});
