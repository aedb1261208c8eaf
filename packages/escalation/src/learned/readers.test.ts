import { describe, expect, it } from 'vitest';
import { loadReader } from './classifier';
import { FEATURE_BUCKETS, features, normalisedFeatures } from './features';
import { requestReader, stakesReader } from './readers';

describe('features', () => {
  it('are the same buckets on every run, and misspellings share most of them', () => {
    const person = features('person');
    expect([...features('person')]).toEqual([...person]);
    const shared = [...features('persun')].filter(([k]) => person.has(k)).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(person.size);
    for (const k of person.keys()) expect(k).toBeLessThan(FEATURE_BUCKETS);
  });

  it('have unit length, and nothing for a message without letters', () => {
    const norm = Math.hypot(...normalisedFeatures('where is my order N1234?').map(([, v]) => v));
    expect(norm).toBeCloseTo(1, 10);
    expect(normalisedFeatures('?!… 🙂')).toEqual([]);
  });
});

describe('shipped readers', () => {
  it('refuse weights of the wrong size', () => {
    const bad = {
      trainedOn: '',
      labels: ['x'],
      weights: [{ label: 'x', bias: 0, scale: 1, data: 'AAAA' }],
    };
    expect(() => loadReader(bad)).toThrow(/weights/);
  });

  it('read requests for a person apart from look-alikes, in several languages', () => {
    const p = (text: string) => requestReader().read(text).request!;
    for (const text of [
      'can I please talk to a human being',
      'quiero hablar con una persona',
      'je voudrais parler à un conseiller',
      'ich möchte mit einem Mitarbeiter sprechen',
    ]) {
      expect(p(text), text).toBeGreaterThan(0.5);
    }
    for (const text of [
      'where is my order N1234?',
      'do you ship to Canada?',
      'does the tent fit 4 persons?',
    ]) {
      expect(p(text), text).toBeLessThan(0.5);
    }
  });

  it('read what a message puts at stake, and nothing in an ordinary question', () => {
    const read = (text: string) => stakesReader().read(text);
    expect(
      read('I was charged twice for the same order, I want my money back').any,
    ).toBeGreaterThan(0.5);
    expect(read('my lantern caught fire and burned my hand').any).toBeGreaterThan(0.5);
    expect(read('what are your store hours on Saturday?').any).toBeLessThan(0.5);
  });
});
