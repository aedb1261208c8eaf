import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './scoreSentiment';

describe('scoreSentiment', () => {
  it.each([
    'this is ridiculous, worst store ever, I hate this',
    'I am not happy at all',
    'terrible service',
    'your delivery is useless and the chair arrived damaged',
  ])('clearly negative: "%s"', (text) => {
    expect(scoreSentiment(text)).toBeLessThan(-0.3);
  });

  it.each(['thanks so much, great service!', 'I love the new blanket', 'perfect, thank you'])(
    'clearly positive: "%s"',
    (text) => {
      expect(scoreSentiment(text)).toBeGreaterThan(0.3);
    },
  );

  // Transaction words such as "charged" and "cancel" score negative in AFINN.
  it.each([
    'where is my order',
    'I was charged twice for order A100',
    'please cancel my subscription',
    'I want to dispute a charge',
    'do you ship to Canada',
  ])('neutral: "%s"', (text) => {
    expect(Math.abs(scoreSentiment(text))).toBeLessThan(0.1);
  });

  it('stays within -1..1 and grows with intensity', () => {
    const mild = scoreSentiment('this is bad');
    const strong = scoreSentiment('this is bad, awful, terrible, horrible, disgusting and a scam');
    expect(strong).toBeLessThan(mild);
    expect(strong).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment('great great great great great amazing wonderful')).toBeLessThanOrEqual(
      1,
    );
  });

  it('leaves the sentiment package word list untouched for other users', async () => {
    const { default: Sentiment } = await import('sentiment');
    scoreSentiment('I was charged twice');
    expect(new Sentiment().analyze('charged').score).toBeLessThan(0);
  });
});
