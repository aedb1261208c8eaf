/**
 * Issue 7's quoted examples through `pnpm simulate` (real assistant, demo policy): questions the
 * knowledge base does not cover, weak guesses, repeat contacts in new words, other languages.
 */
import type { Policy } from '@baton/escalation';
import type { CustomerContext } from '@baton/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../assistant';
import { NOT_UNDERSTOOD_IN } from '../assistant/otherLanguage';
import { createAssistantFor, defaultPolicyPath, loadKnowledgeBase, loadPolicy } from './cliSupport';
import { DEFAULT_SIMULATION_NOW, simulateConversation } from './simulate';

let assistant: Assistant;
let policy: Policy;
beforeAll(async () => {
  assistant = await createAssistantFor('nlu', loadKnowledgeBase(undefined));
  policy = loadPolicy(defaultPolicyPath());
});

const run = (texts: string[], context: CustomerContext = {}) =>
  simulateConversation(
    { id: 't', context, messages: texts.map((text) => ({ kind: 'text' as const, text })) },
    { assistant, policy, now: DEFAULT_SIMULATION_NOW },
  );

describe('questions the knowledge base does not cover', () => {
  it.each([
    ['I was promised 20% off my next order by your rep last week, where is it?', 'order_status'],
    ['my loyalty points balance went from 4,000 to 0 overnight', 'international_shipping'],
    ['Can I get the $12 shipping fee back since the parcel arrived late?', 'shipping_times'],
    ['why was I charged customs duties of 35 euros on delivery?', null],
    ['please send me a VAT invoice for last month', null],
  ])('"%s" goes to a person, not the nearest answer', async (text, wrongIntent) => {
    const result = await run([text]);
    const turn = result.turns[0]!;
    if (wrongIntent)
      expect(turn.intent === wrongIntent && (turn.confidence ?? 0) >= 0.55).toBe(false);
    expect(turn.lane).not.toBe('autonomous');
    expect(turn.assistantReplied).toBe(false);
    expect(turn.triggers).toContain('low_confidence');
  });

  it('a weak tier-4 guess on a shipping question does not send it to Trust & Safety', async () => {
    for (const text of [
      'how long does shipping take to Ohio?',
      'my parcel is stuck at the depot',
    ]) {
      const result = await run([text]);
      expect(result.queue).not.toBe('trust-safety');
      expect(result.lane).not.toBe('human');
    }
  });
});

describe('repeat contact about the same problem in new words', () => {
  it('the 4th contact about a damaged item gets repeat_contact', async () => {
    const result = await run(['item damaged in transit, 3rd time writing'], {
      recentContacts: [
        { daysAgo: 1, text: 'the vase came smashed' },
        { daysAgo: 3, text: 'package arrived broken' },
        { daysAgo: 5, text: 'hello? anyone?' },
      ],
    });
    expect(result.triggers).toContain('repeat_contact');
    expect(result.lane).not.toBe('autonomous');
  });
});

describe('messages in a language the knowledge base does not cover', () => {
  it.each([
    ['es', '¿Cuánto tarda el envío a Madrid? Lo necesito para el viernes'],
    ['fr', 'Combien de temps prend la livraison en France ?'],
    ['de', 'Wie lange dauert der Versand nach Berlin?'],
    ['pt', 'Quanto tempo demora a entrega para Lisboa?'],
    ['it', 'Quanto tempo ci vuole per la spedizione a Roma?'],
    ['nl', 'Hoe lang duurt de verzending naar Amsterdam?'],
  ] as const)(
    '%s: says it did not understand, in that language, and offers a person',
    async (lang, text) => {
      const result = await run([text]);
      const turn = result.turns[0]!;
      expect(turn.intent).toBeNull();
      // Either the plain "I did not understand" in that language, or straight to a person.
      const proposal = await assistant.propose({ text, context: {}, history: [] });
      expect(proposal.replyDraft).toBe(NOT_UNDERSTOOD_IN[lang]);
      expect(proposal.sources).toEqual([`language:${lang}`]);
    },
  );

  it('a second message the assistant cannot read goes to a person', async () => {
    const result = await run([
      '¿Cuánto tarda el envío a Madrid?',
      'Y si pago el envío urgente, ¿llega antes del sábado?',
    ]);
    expect(result.turns[1]!.lane).not.toBe('autonomous');
  });

  it('money in another language goes to a person at once', async () => {
    const result = await run(['Me cobraron dos veces el pedido, quiero un reembolso']);
    expect(result.turns[0]!.lane).not.toBe('autonomous');
    expect(result.turns[0]!.assistantReplied).toBe(false);
  });
});
