/**
 * Issue 7's quoted requests for a person, and its false friends, through `pnpm simulate` (real
 * assistant, demo policy): a request is honoured on its turn, in the human lane, with no
 * assistant reply; a look-alike stays with the assistant.
 */
import type { Policy } from '@baton/escalation';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../assistant';
import { createAssistantFor, defaultPolicyPath, loadKnowledgeBase, loadPolicy } from './cliSupport';
import { DEFAULT_SIMULATION_NOW, simulateConversation } from './simulate';

let assistant: Assistant;
let policy: Policy;
beforeAll(async () => {
  assistant = await createAssistantFor('nlu', loadKnowledgeBase(undefined));
  policy = loadPolicy(defaultPolicyPath());
});

const firstTurn = async (text: string) =>
  (
    await simulateConversation(
      { id: 't', context: {}, messages: [{ kind: 'text', text }] },
      { assistant, policy, now: DEFAULT_SIMULATION_NOW },
    )
  ).turns[0]!;

describe('a request for a person, whatever the words', () => {
  it.each([
    'cn i tawk to a reel persun pls',
    "are you a machine? I'd feel better with a living person",
    'Is there a number I can ring? I want to go over this with somebody on your staff',
    'useless bot. PERSON. NOW.',
    'HUMAN.',
    'Necesito hablar con alguien de atención al cliente',
    "Puis-je parler à quelqu'un, s'il vous plaît ?",
    'Kann ich bitte mit einem Mitarbeiter sprechen?',
    'Quero falar com um atendente, por favor',
    'Posso parlare con un operatore?',
    'Kan ik iemand van de klantenservice spreken?',
  ])('"%s" reaches a person on that turn', async (text) => {
    const turn = await firstTurn(text);
    expect(turn.lane).toBe('human');
    expect(turn.triggers).toContain('explicit_human_request');
    expect(turn.assistantReplied).toBe(false);
  });
});

describe('false friends stay with the assistant', () => {
  it.each(['does a real person pack the orders?', 'is your support team in the US?'])(
    '"%s" is not a request for a person',
    async (text) => {
      const turn = await firstTurn(text);
      expect(turn.triggers).not.toContain('explicit_human_request');
      expect(turn.lane).not.toBe('human');
    },
  );
});
