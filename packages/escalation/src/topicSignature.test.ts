import { describe, expect, it } from 'vitest';
import { sameProblem, topicSignature } from './topicSignature';

const same = (a: string, b: string) => sameProblem(topicSignature(a), topicSignature(b));

describe('sameProblem', () => {
  it.each([
    ['the vase came smashed', 'package arrived broken'],
    ['third time asking: when does my skillet ship???', 'has my skillet shipped?'],
    ['still no rug. N9374', 'any news on the rug?'],
    ['I was charged twice', 'double charge on my card'],
    ['Hello again, third time writing about order Q6831', 'any update on Q6831?'],
  ])('%j and %j are the same problem', (a, b) => expect(same(a, b)).toBe(true));

  it.each([
    ['where is my skillet', 'is the lantern waterproof'],
    ['still no rug', 'how long does shipping to Canada take'],
    ['the hammock ropes frayed after a week outside', 'what size is the linen duvet cover'],
    ['thanks!', 'thanks a lot'],
  ])('%j and %j are not', (a, b) => expect(same(a, b)).toBe(false));
});

describe('topicSignature', () => {
  it('keeps short product nouns and drops function words', () => {
    const signature = topicSignature('any news on the rug and the mug?');
    expect(signature).toEqual(expect.arrayContaining(['word:rug', 'word:mug', 'word:new']));
    expect(signature).not.toContain('word:the');
    expect(signature).not.toContain('word:any');
  });

  it('meets inflected forms: shipped / ship, parcels / parcel', () => {
    expect(topicSignature('shipped')).toEqual(topicSignature('ship'));
    expect(topicSignature('parcels')).toEqual(topicSignature('parcel'));
  });
});
