import { describe, expect, it } from 'vitest';
import { detectHumanRequest } from '../humanRequest';
import { PHRASEBOOK } from './phrasebook';

describe.each(Object.entries(PHRASEBOOK))('requests for a person in %s', (_code, { asks, not }) => {
  it.each(asks.map((t) => [t]))('asks for a person: %j', (text) => {
    const found = detectHumanRequest(text);
    expect(found.matched, JSON.stringify(found)).toBe(true);
    expect(found.phrase).not.toBe('');
  });
  it.each(not.map((t) => [t]))('stays with the assistant: %j', (text) => {
    // The word lists; the learned reader on the same look-alikes is measured in
    // learned/lookalikes.test.ts.
    expect(detectHumanRequest(text, { reader: false })).toEqual({ matched: false, phrase: null });
  });
});

describe('requests do not depend on the detected language', () => {
  it('a request mixing languages is found in either', () => {
    expect(detectHumanRequest('hola, can I talk to a person?').matched).toBe(true);
    expect(detectHumanRequest('Bonjour! I need an agent please').matched).toBe(true);
    expect(detectHumanRequest('thanks, pero quiero hablar con alguien').matched).toBe(true);
  });
  it('one-word requests with no detectable language still count', () => {
    for (const word of [
      'humano',
      'Mitarbeiter',
      'operatore',
      'atendente',
      'medewerker',
      'humain',
    ]) {
      expect(detectHumanRequest(word).matched, word).toBe(true);
    }
  });
  it('reports the language whose words matched', () => {
    expect(detectHumanRequest('Kann ich bitte mit einem Mitarbeiter sprechen?').language).toBe(
      'de',
    );
    expect(detectHumanRequest('quiero hablar con una persona').language).toBe('es');
  });
});
