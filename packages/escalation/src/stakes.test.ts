import { describe, expect, it } from 'vitest';
import { detectStakes, type Stake } from './stakes';

const cases: [lang: string, text: string, stakes: Stake[]][] = [
  ['en', 'I was charged a fee I never agreed to', ['money']],
  ['en', 'my gift card balance is wrong', ['money']],
  ['en', 'the courier charged me customs duties on this', ['money']],
  ['en', 'I got a 15% off promise that never showed', ['money']],
  ['en', 'my account was suspended overnight', ['account']],
  ['en', 'someone is pretending to be me, identity theft', ['identity']],
  ['en', 'my lawyer will hear about this', ['legal']],
  ['en', 'the heater caught fire and I burned my hand', ['safety']],
  ['es', 'me cobraron dos veces y quiero un reembolso', ['money']],
  ['es', 'mi cuenta está bloqueada', ['account']],
  ['es', 'voy a hablar con mi abogado', ['legal']],
  ['fr', 'on m’a facturé des frais de douane', ['money']],
  ['fr', 'mon compte est suspendu', ['account']],
  ['fr', 'le chargeur a pris feu, mon fils est blessé', ['safety']],
  ['de', 'mir wurde eine Gebühr berechnet, ich will eine Erstattung', ['money']],
  ['de', 'mein Konto ist gesperrt', ['account']],
  ['de', 'ich schalte meinen Anwalt ein', ['legal']],
  ['pt', 'fui cobrado duas vezes, quero o reembolso', ['money']],
  ['pt', 'minha conta foi bloqueada', ['account']],
  ['it', 'mi avete addebitato le spese due volte', ['money']],
  ['it', 'il caricatore si è surriscaldato, pericoloso', ['safety']],
  ['nl', 'er is twee keer afgeschreven, ik wil mijn geld terug', ['money']],
  ['nl', 'mijn account is geblokkeerd', ['account']],
  ['nl', 'ik neem een advocaat', ['legal']],
];

describe('detectStakes', () => {
  it.each(cases)('%s: %s', (_lang, text, stakes) => {
    expect(detectStakes(text).stakes).toEqual(stakes);
  });

  it('reads a discount code as money only when a concession is asked about it', () => {
    for (const text of [
      'my discount code says invalid but it should work, can you honour it?',
      'se me olvidó poner el código de descuento, ¿lo podéis aplicar después?',
      'der Rabattcode geht nicht, könnt ihr ihn nachträglich abziehen?',
    ]) {
      const found = detectStakes(text);
      expect(found.concession, text).not.toBeNull();
      expect(found.stakes, text).toContain('money');
    }
    for (const text of [
      'where do I type in my promo code?',
      'can I use two coupons on one order?',
      'wo gebe ich den Rabattcode ein?',
    ]) {
      expect(detectStakes(text).stakes, text).not.toContain('money');
    }
  });

  it('reads balances, points and refunds asked past the window as money', () => {
    for (const text of [
      'how much money is left on the card my aunt gave me?',
      'how many points do i have now',
      'they want 3,000 yen before handing over the box',
      'could you make a refund even though it is past the 30 days?',
    ]) {
      expect(detectStakes(text).stakes, text).toContain('money');
    }
    expect(detectStakes('can you pay me back the customs tax?').concession).not.toBeNull();
  });

  it('reads amounts in any language', () => {
    expect(detectStakes('€35 extra?').cues.money).toBe('€35');
    expect(detectStakes('they took 12,50 EUR').stakes).toEqual(['money']);
  });

  it('reads a percentage as money unless it tells certainty or what a product is made of', () => {
    for (const text of [
      'I was promised 20% off',
      'un 15 % de descuento',
      '30 % de réduction',
      '-10% auf alles',
      '25% korting',
    ]) {
      expect(detectStakes(text).stakes, text).toContain('money');
    }
    for (const text of [
      'are you 100% sure the jacket is waterproof?',
      'is it 100% cotton?',
      'is the wool 100% organic? I am 100 % sure I ordered the blue one',
    ]) {
      expect(detectStakes(text).stakes, text).not.toContain('money');
    }
  });

  it.each([
    'where is my order',
    'how long does shipping take',
    'do you ship to canada',
    'is this toy safe for toddlers',
    'what size should I get',
    'do I have to pay duties when it arrives in Canada?',
    'the vase came smashed',
    '¿dónde está mi pedido?',
    'wo ist meine Bestellung',
  ])('finds nothing at stake in "%s"', (text) => {
    expect(detectStakes(text).stakes).toEqual([]);
  });

  it('is bounded: a huge message is read only up to its first 2000 characters', () => {
    const text = `${'hello '.repeat(1000)}lawyer`;
    expect(detectStakes(text).stakes).toEqual([]);
  });
});
