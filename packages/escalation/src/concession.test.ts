import { describe, expect, it } from 'vitest';
import { facts, INTENTS, NOW } from '../test/fixtures';
import { defaultPolicy } from './defaultPolicy';
import { decide } from './engine';
import { detectStakes } from './stakes';

// Sentences written for this test (none is in eval/): the ask is read from the words, whatever
// intent the assistant guessed, in every supported language.
const asks: string[] = [
  'please reverse the extra charge on my card',
  'I never agreed to this fee, take it off',
  'the rep promised me a $10 credit for the delay',
  'I will dispute the charge with my bank',
  'you charged me twice for one order',
  'exijo el reembolso del envío',
  'remboursez-moi les frais de livraison',
  'ich wurde zweimal belastet',
  'rimborsatemi la differenza, per favore',
  'er is dubbel afgeschreven',
  'quero meu dinheiro de volta',
];

// Questions about money or policy that ask for nothing: they stay with the assistant.
const questions: string[] = [
  'how long do refunds take to get back to my card',
  "what's the difference between the two tents",
  'can I use the code two times',
  'do refunds go back to the card I paid with?',
  'combien de temps pour le remboursement ?',
  'qual è la differenza tra i due modelli?',
];

describe('policy_sensitivity from the words', () => {
  it.each(asks)('reads a concession ask in "%s"', (text) => {
    expect(detectStakes(text).concession).not.toBeNull();
    const decision = decide(facts({ text, intent: INTENTS.orderStatus }), defaultPolicy, NOW);
    const hit = decision.triggers.find((t) => t.name === 'policy_sensitivity');
    expect(hit?.values.fromWords).toBe(true);
    expect(decision.lane).not.toBe('autonomous');
  });

  it.each(questions)('leaves "%s" to the assistant', (text) => {
    const decision = decide(facts({ text, intent: INTENTS.orderStatus }), defaultPolicy, NOW);
    expect(decision.triggers.map((t) => t.name)).not.toContain('policy_sensitivity');
    expect(decision.lane).toBe('autonomous');
  });

  it('makes a legal threat over money a matter for a person', () => {
    const text = 'refund me or my lawyer will take you to court';
    const decision = decide(facts({ text, intent: INTENTS.orderStatus }), defaultPolicy, NOW);
    expect(decision.lane).toBe('human');
    expect(decision.tier).toBe(4);
  });

  it('reads elided words and a currency sign after the amount', () => {
    expect(detectStakes("Fate l'allineamento di prezzo? Costa 8 € in meno").concession).toBe(
      'allineamento di prezzo',
    );
    expect(detectStakes('dieselbe Jacke ist 15 € günstiger').cues.money).toBe('15 €');
    expect(detectStakes('my bank show the payment of 64 dollar').cues.money).toBe('64 dollar');
  });
});
