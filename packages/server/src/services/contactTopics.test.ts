import { decide, defaultPolicy, type TurnFacts } from '@baton/escalation';
import { describe, expect, it, vi } from 'vitest';
import type { Assistant, AssistantProposal } from '../assistant';
import { buildContacts, classifyWithAssistant, type ClassifyContact } from './contactTopics';

const NOW = new Date('2025-03-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

/** A fake assistant: refund words → refund_status, order words → order_status, else unknown. */
const classify: ClassifyContact = async (text) => {
  if (/refund/i.test(text)) return { intent: 'refund_status', domain: 'billing' };
  if (/order|package/i.test(text)) return { intent: 'order_status', domain: 'orders' };
  return { intent: null, domain: null };
};

describe('buildContacts', () => {
  it('classifies storefront contacts and keeps their age', async () => {
    const contacts = await buildContacts({
      storefront: [
        { daysAgo: 2, text: 'my refund still has not arrived' },
        { daysAgo: 5, text: 'where is my order' },
        { daysAgo: 1, text: 'hello?' },
      ],
      history: [],
      now: NOW,
      classify,
    });
    expect(contacts).toEqual([
      {
        daysAgo: 2,
        intent: 'refund_status',
        domain: 'billing',
        signature: ['problem:missing', 'problem:refund', 'word:refund', 'word:arriv'],
        source: 'storefront',
      },
      {
        daysAgo: 5,
        intent: 'order_status',
        domain: 'orders',
        signature: ['problem:missing'],
        source: 'storefront',
      },
      // Nothing to match in "hello?": no signature.
      { daysAgo: 1, intent: null, domain: null, source: 'storefront' },
    ]);
  });

  it('converts history to whole days ago from now', async () => {
    const contacts = await buildContacts({
      storefront: [],
      history: [
        { at: hoursAgo(1), intent: 'order_status', domain: 'orders' },
        { at: hoursAgo(23.9), intent: null, domain: null },
        { at: hoursAgo(24), intent: 'refund_request', domain: 'billing' },
        { at: hoursAgo(7 * 24 + 20), intent: 'order_status', domain: 'orders' },
        { at: hoursAgo(30 * 24), intent: 'legal_threat', domain: 'legal' },
      ],
      now: NOW,
      classify,
    });
    expect(contacts).toEqual([
      { daysAgo: 0, intent: 'order_status', domain: 'orders', source: 'history' },
      { daysAgo: 0, intent: null, domain: null, source: 'history' },
      { daysAgo: 1, intent: 'refund_request', domain: 'billing', source: 'history' },
      { daysAgo: 7, intent: 'order_status', domain: 'orders', source: 'history' },
      { daysAgo: 30, intent: 'legal_threat', domain: 'legal', source: 'history' },
    ]);
  });

  it('gives a contact after now (clock skew) an age of 0 and an invalid date NaN', async () => {
    const contacts = await buildContacts({
      storefront: [],
      history: [
        { at: hoursAgo(-2), intent: 'order_status', domain: 'orders' },
        { at: new Date('not a date'), intent: 'order_status', domain: 'orders' },
      ],
      now: NOW,
      classify,
    });
    expect(contacts.map((c) => c.daysAgo)).toEqual([0, Number.NaN]);
  });

  it('puts storefront contacts first, keeps each order and dedupes nothing', async () => {
    const contacts = await buildContacts({
      storefront: [
        { daysAgo: 3, text: 'where is my order' },
        { daysAgo: 3, text: 'where is my order' },
      ],
      history: [{ at: hoursAgo(72), intent: 'order_status', domain: 'orders' }],
      now: NOW,
      classify,
    });
    expect(contacts.map((c) => [c.source, c.daysAgo, c.intent])).toEqual([
      ['storefront', 3, 'order_status'],
      ['storefront', 3, 'order_status'],
      ['history', 3, 'order_status'],
    ]);
  });

  it('gives nothing for no contacts', async () => {
    expect(await buildContacts({ storefront: [], history: [], now: NOW, classify })).toEqual([]);
  });

  it('does not ask the classifier about blank text', async () => {
    const spy = vi.fn(classify);
    const contacts = await buildContacts({
      storefront: [{ daysAgo: 0, text: '   ' }],
      history: [],
      now: NOW,
      classify: spy,
    });
    expect(spy).not.toHaveBeenCalled();
    expect(contacts).toEqual([{ daysAgo: 0, intent: null, domain: null, source: 'storefront' }]);
  });

  it('gives an unknown topic when the classifier fails, and keeps the contact', async () => {
    const failing: ClassifyContact = async (text) => {
      if (text === 'boom') throw new Error('assistant down');
      return classify(text);
    };
    const contacts = await buildContacts({
      storefront: [
        { daysAgo: 1, text: 'boom' },
        { daysAgo: 2, text: 'where is my order' },
      ],
      history: [],
      now: NOW,
      classify: failing,
    });
    expect(contacts).toEqual([
      { daysAgo: 1, intent: null, domain: null, signature: ['word:boom'], source: 'storefront' },
      {
        daysAgo: 2,
        intent: 'order_status',
        domain: 'orders',
        signature: ['problem:missing'],
        source: 'storefront',
      },
    ]);
  });

  it('feeds repeat_contact by topic', async () => {
    const contacts = await buildContacts({
      storefront: [{ daysAgo: 2, text: 'my refund still has not arrived' }],
      history: [
        { at: hoursAgo(30), intent: 'refund_request', domain: 'billing' },
        { at: hoursAgo(50), intent: 'order_status', domain: 'orders' },
      ],
      now: NOW,
      classify,
    });
    const turn = (intent: TurnFacts['intent']): TurnFacts => ({
      turn: 1,
      text: 'any news?',
      humanRequest: null,
      intent,
      amount: null,
      sentimentScores: [0],
      context: {},
      priorTurns: [],
      contacts,
    });
    const refund = decide(
      turn({
        name: 'refund_status',
        confidence: 0.9,
        tier: 1,
        domain: 'billing',
        action: 'lookup',
      }),
      defaultPolicy,
      NOW,
    );
    expect(refund.triggers.find((t) => t.name === 'repeat_contact')?.values).toMatchObject({
      contacts: 3,
      topic: 'refund_status',
    });
    const hours = decide(
      turn({ name: 'store_hours', confidence: 0.9, tier: 1, domain: 'general', action: 'answer' }),
      defaultPolicy,
      NOW,
    );
    expect(hours.triggers.map((t) => t.name)).not.toContain('repeat_contact');
  });
});

describe('classifyWithAssistant', () => {
  const proposal = (intent: AssistantProposal['intent']): AssistantProposal => ({
    intent,
    replyDraft: '',
    sources: [],
    amount: null,
    missingContext: [],
    sentiment: 0,
    domains: [],
  });
  const assistant = (intent: AssistantProposal['intent']): Assistant => ({
    name: 'fake',
    propose: vi.fn(async () => proposal(intent)),
  });
  const refund = {
    name: 'refund_status',
    confidence: 0.6,
    tier: 1 as const,
    domain: 'billing',
    action: 'lookup',
  };

  it("takes the assistant's intent and domain for the text alone", async () => {
    const a = assistant(refund);
    expect(await classifyWithAssistant(a)('where is my refund')).toEqual({
      intent: 'refund_status',
      domain: 'billing',
    });
    expect(a.propose).toHaveBeenCalledWith({
      text: 'where is my refund',
      context: {},
      history: [],
    });
  });

  it('gives an unknown topic when nothing matched or the match is too weak', async () => {
    expect(await classifyWithAssistant(assistant(null))('hmm')).toEqual({
      intent: null,
      domain: null,
    });
    expect(await classifyWithAssistant(assistant(refund), 0.7)('refund?')).toEqual({
      intent: null,
      domain: null,
    });
  });
});

describe('repeat contacts in new words', () => {
  // The classifier reads each wording as a different intent; the words name one problem.
  const scattered: ClassifyContact = async (text) =>
    /vase/.test(text)
      ? { intent: 'product_question', domain: 'products' }
      : { intent: 'order_status', domain: 'orders' };
  const facts = (text: string, contacts: TurnFacts['contacts']): TurnFacts => ({
    turn: 1,
    text,
    humanRequest: null,
    intent: {
      name: 'damaged_or_wrong_item',
      confidence: 0.95,
      tier: 2,
      domain: 'returns',
      action: 'damage_claim',
    },
    amount: null,
    sentimentScores: [0],
    context: {},
    priorTurns: [],
    ...(contacts && { contacts }),
  });

  it('counts the same damaged item described three ways', async () => {
    const contacts = await buildContacts({
      storefront: [
        { daysAgo: 1, text: 'the vase came smashed' },
        { daysAgo: 3, text: 'package arrived broken' },
      ],
      history: [],
      now: NOW,
      classify: scattered,
    });
    const d = decide(
      facts('item damaged in transit, 3rd time writing', contacts),
      defaultPolicy,
      NOW,
    );
    expect(d.triggers.map((t) => t.name)).toContain('repeat_contact');
  });

  it('does not count contacts about a different problem', async () => {
    const contacts = await buildContacts({
      storefront: [
        { daysAgo: 1, text: 'do you ship to canada' },
        { daysAgo: 3, text: 'what are your opening hours' },
      ],
      history: [],
      now: NOW,
      classify: async () => ({ intent: 'store_hours', domain: 'general' }),
    });
    const d = decide(
      facts('item damaged in transit, 3rd time writing', contacts),
      defaultPolicy,
      NOW,
    );
    expect(d.triggers.map((t) => t.name)).not.toContain('repeat_contact');
  });
});
