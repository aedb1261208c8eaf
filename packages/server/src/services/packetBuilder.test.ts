import type { ChatMessage, CustomerContext, Decision, MessageRole } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import type { AssistantProposal, ProposedIntent } from '../assistant';
import { buildPacket, type PacketInput } from './packetBuilder';

const NOW = new Date('2025-03-04T10:00:00Z');

const decision = (over: Partial<Decision> = {}): Decision => ({
  lane: 'human',
  unit: 'conversation',
  tier: 3,
  triggers: [{ name: 'policy_boundary', reason: 'refund over limit', values: { amount: 250 } }],
  queue: 'billing',
  reasons: ['refund over limit'],
  policyVersion: 'policy-v7',
  ...over,
});

const intent = (over: Partial<ProposedIntent> = {}): ProposedIntent => ({
  name: 'refund_request',
  confidence: 0.91,
  tier: 3,
  domain: 'billing',
  action: 'refund',
  ...over,
});

const proposal = (over: Partial<AssistantProposal> = {}): AssistantProposal => ({
  intent: intent(),
  replyDraft: 'I can help with that refund.',
  sources: ['kb:refund_request'],
  amount: null,
  missingContext: [],
  sentiment: -0.2,
  domains: [],
  ...over,
});

let seq = 0;
const msg = (role: MessageRole, text: string, authorName: string | null = null): ChatMessage => ({
  id: `m${++seq}`,
  conversationId: 'c-1',
  seq,
  role,
  text,
  authorName,
  clientId: null,
  createdAt: NOW.toISOString(),
});

const input = (over: Partial<PacketInput> = {}): PacketInput => ({
  conversationId: 'c-1',
  decision: decision(),
  proposal: proposal(),
  topic: { name: 'refund_request', confidence: 0.91 },
  customerAsks: ['I want my money back for order A100'],
  humanRequested: false,
  context: {},
  identity: { externalId: null, name: null, email: null },
  sentimentScores: [0, -0.3],
  transcript: [],
  references: ['policy:refunds#limits'],
  heldDraft: null,
  now: NOW,
  ...over,
});

const factsOf = (over: Partial<PacketInput>) => buildPacket(input(over)).facts;
const fact = (over: Partial<PacketInput>, label: string) =>
  factsOf(over).find((f) => f.label === label);

describe('buildPacket', () => {
  it('carries the decision, references and time through', () => {
    const packet = buildPacket(input());
    expect(packet).toMatchObject({
      conversationId: 'c-1',
      lane: 'human',
      unit: 'conversation',
      tier: 3,
      triggers: decision().triggers,
      policyReferences: ['policy:refunds#limits'],
      suggestedQueue: 'billing',
      policyVersion: 'policy-v7',
      createdAt: '2025-03-04T10:00:00.000Z',
      heldDraft: null,
    });
  });

  it("suggests the 'general' queue when the decision names none", () => {
    expect(buildPacket(input({ decision: decision({ queue: null }) })).suggestedQueue).toBe(
      'general',
    );
  });

  describe('summary', () => {
    it("mentions the topic in words and quotes the customer's words", () => {
      const { summary } = buildPacket(input());
      expect(summary).toContain('refund request');
      expect(summary).not.toContain('refund_request');
      expect(summary).toContain('"I want my money back for order A100"');
    });

    it('says the customer asked for a person, with the topic when known', () => {
      const { summary } = buildPacket(input({ humanRequested: true }));
      expect(summary).toMatch(/^Customer asked for a person \(topic: refund request\)\./);
    });

    it('falls back to an unclassified request without a topic', () => {
      expect(buildPacket(input({ topic: null })).summary).toMatch(
        /^Customer needs help with an unclassified request\./,
      );
      expect(buildPacket(input({ topic: null, humanRequested: true })).summary).toMatch(
        /^Customer asked for a person\./,
      );
    });

    it('quotes the two most recent messages and counts the rest', () => {
      const { summary } = buildPacket(
        input({ customerAsks: ['first thing', 'second thing', 'third thing'] }),
      );
      expect(summary).not.toContain('first thing');
      expect(summary).toContain('"second thing" … "third thing"');
      expect(summary).toContain('3 customer messages so far.');
    });

    it('shortens a long message', () => {
      const long = 'x'.repeat(300);
      const { summary } = buildPacket(input({ customerAsks: [long] }));
      expect(summary).toContain(`"${'x'.repeat(119)}…"`);
      expect(summary).not.toContain('x'.repeat(120));
    });

    it('has no quote when the customer typed nothing', () => {
      expect(buildPacket(input({ customerAsks: [] })).summary).not.toContain('In their words');
    });
  });

  describe('facts', () => {
    const customer = {
      id: 'cust-9',
      name: 'Dana',
      email: 'dana@example.com',
      tier: 'vip' as const,
    };
    const context = (verified: boolean | undefined): CustomerContext => ({
      customer: { ...customer, ...(verified !== undefined && { verified }) },
      account: { plan: 'pro', renewalInDays: 12 },
      orders: [{ id: 'A100' }, { id: 'A090' }],
    });
    const storeLabels = [
      'Customer id',
      'Name',
      'Email',
      'Customer tier',
      'Plan',
      'Renewal in days',
      'Orders on file',
    ];

    // Context reaches Baton through the customer's browser: the page's own `verified` flag is a
    // claim anyone can edit in devtools, so it never makes a fact confirmed.
    it('lists the storefront facts as not_verified even when the page says verified', () => {
      const facts = factsOf({ context: context(true) });
      const fromStore = facts.filter((f) => storeLabels.includes(f.label));
      expect(fromStore.map((f) => [f.label, f.value])).toEqual([
        ['Customer id', 'cust-9'],
        ['Name', 'Dana'],
        ['Email', 'dana@example.com'],
        ['Customer tier', 'vip'],
        ['Plan', 'pro'],
        ['Renewal in days', '12'],
        ['Orders on file', '2'],
      ]);
      expect(new Set(fromStore.map((f) => f.certainty))).toEqual(new Set(['not_verified']));
      expect(new Set(fromStore.map((f) => f.source))).toEqual(new Set(['storefront page']));
      expect(facts.find((f) => f.label === 'Signed in (storefront says)')?.value).toBe('yes');
    });

    it('confirms only the customer id proven with the site identity secret', () => {
      const facts = factsOf({
        context: context(true),
        identity: { externalId: 'cust-9', verifiedId: 'cust-9', name: null, email: null },
      });
      expect(facts.find((f) => f.label === 'Customer id')).toEqual({
        label: 'Customer id',
        value: 'cust-9',
        source: 'identity verification (site secret)',
        certainty: 'confirmed',
      });
      expect(facts.filter((f) => f.certainty === 'confirmed')).toHaveLength(1);
    });

    it('does not confirm a customer id that differs from the verified one', () => {
      const facts = factsOf({
        context: context(true),
        identity: { externalId: 'other', verifiedId: 'other', name: null, email: null },
      });
      expect(facts.find((f) => f.label === 'Customer id')?.certainty).toBe('not_verified');
    });

    it('omits the signed-in fact when the page says nothing about it', () => {
      const facts = factsOf({ context: context(undefined) });
      expect(facts.find((f) => f.label === 'Email')?.certainty).toBe('not_verified');
      expect(facts.find((f) => f.label === 'Signed in (storefront says)')).toBeUndefined();
    });

    it('uses the identified visitor, not verified, when the storefront gave no customer', () => {
      const facts = factsOf({
        context: {},
        identity: { externalId: 'ext-1', name: 'Lee', email: 'lee@example.com' },
      });
      expect(facts.filter((f) => storeLabels.includes(f.label))).toEqual([
        expect.objectContaining({
          label: 'Customer id',
          value: 'ext-1',
          certainty: 'not_verified',
        }),
        expect.objectContaining({ label: 'Name', value: 'Lee', certainty: 'not_verified' }),
        expect.objectContaining({
          label: 'Email',
          value: 'lee@example.com',
          certainty: 'not_verified',
        }),
      ]);
    });

    // The storefront's `verified` flag vouches for the customer object it supplied. A value that
    // falls back to the visitor identity (Baton('identify') or the email a customer typed into the
    // "leave your email" form) was not verified by anyone and must not be labelled confirmed.
    it('does not label a value taken from the visitor identity as confirmed', () => {
      const email = fact(
        {
          context: { customer: { id: 'cust-9', verified: true } },
          identity: { externalId: null, name: null, email: 'typed-by-customer@example.com' },
        },
        'Email',
      );
      expect(email?.value).toBe('typed-by-customer@example.com');
      expect(email?.certainty).not.toBe('confirmed');
    });

    it('skips empty values', () => {
      const labels = factsOf({
        context: { customer: { id: '', name: 'Dana', verified: true }, orders: [] },
      }).map((f) => f.label);
      expect(labels).toContain('Name');
      expect(labels).not.toContain('Customer id');
      expect(labels).not.toContain('Orders on file');
    });

    it('adds the detected intent and the amount as inferred', () => {
      const facts = factsOf({
        proposal: proposal({
          amount: { value: 250, currency: 'USD', source: 'context.orders[0]' },
        }),
      });
      expect(facts).toContainEqual({
        label: 'Detected intent',
        value: 'refund request (91%)',
        source: 'assistant NLU',
        certainty: 'inferred',
      });
      expect(facts).toContainEqual({
        label: 'Amount involved',
        value: '250 USD',
        source: 'context.orders[0]',
        certainty: 'inferred',
      });
    });
  });

  describe('intent', () => {
    it("is the proposal's intent when there is one", () => {
      expect(
        buildPacket(
          input({
            proposal: proposal({ intent: intent({ name: 'price_match', confidence: 0.8 }) }),
          }),
        ).intent,
      ).toEqual({ name: 'price_match', confidence: 0.8 });
    });

    it('falls back to the topic when this turn has no intent', () => {
      const topic = { name: 'order_status', confidence: 0.77 };
      expect(buildPacket(input({ proposal: proposal({ intent: null }), topic })).intent).toEqual(
        topic,
      );
      expect(buildPacket(input({ proposal: null, topic })).intent).toEqual(topic);
    });

    it('is null with neither', () => {
      expect(buildPacket(input({ proposal: null, topic: null })).intent).toBeNull();
    });
  });

  describe('missingContext', () => {
    it("lists the proposal's gaps and every system that is not ok", () => {
      const packet = buildPacket(
        input({
          proposal: proposal({ missingContext: ['orders', 'customer.email'] }),
          context: { systems: { orders: 'unavailable', crm: 'ok', billing: 'stale' } },
        }),
      );
      expect(packet.missingContext).toEqual([
        'orders',
        'customer.email',
        'orders system is unavailable',
        'billing system is stale',
      ]);
    });

    it('lists unavailable systems even without a proposal', () => {
      expect(
        buildPacket(input({ proposal: null, context: { systems: { orders: 'unavailable' } } }))
          .missingContext,
      ).toEqual(['orders system is unavailable']);
    });

    it('is empty when nothing is missing', () => {
      expect(buildPacket(input({ context: { systems: { orders: 'ok' } } })).missingContext).toEqual(
        [],
      );
    });
  });

  describe('assistantDidNot', () => {
    const HUMAN =
      'Did not reply, rephrase or offer articles after the customer asked for a person.';
    const HELD = 'Did not send its drafted reply; it is held for your review.';
    const NO_REPLY = 'Did not send a reply on this turn.';
    const MONEY = 'Did not promise, issue or deny any refund, credit or exception.';
    const ACCOUNT = 'Did not change the account or disclose account details.';
    const ALWAYS = 'Did not promise a response time or say that a person had reviewed anything.';
    const didNot = (over: Partial<PacketInput>) => buildPacket(input(over)).assistantDidNot;

    it('after a request for a person', () => {
      const out = didNot({ humanRequested: true, proposal: null });
      expect(out).toEqual([HUMAN, ALWAYS]);
    });

    it('with a draft held for review', () => {
      const out = didNot({
        decision: decision({ lane: 'assisted', unit: 'answer' }),
        heldDraft: 'Here is how returns work…',
        proposal: proposal({ intent: intent({ action: 'answer' }) }),
      });
      expect(out).toEqual([HELD, ALWAYS]);
    });

    it('says no reply was sent on a human-lane turn the customer did not ask to escalate', () => {
      expect(didNot({ proposal: proposal({ intent: intent({ action: 'answer' }) }) })).toEqual([
        NO_REPLY,
        ALWAYS,
      ]);
    });

    it.each(['refund', 'dispute', 'price_match', 'promo_exception', 'cancel_subscription'])(
      'for the money action %s',
      (action) => {
        const out = didNot({ proposal: proposal({ intent: intent({ action }) }) });
        expect(out).toContain(MONEY);
        expect(out).not.toContain(ACCOUNT);
      },
    );

    it.each(['account_change', 'data_deletion', 'report_fraud', 'legal'])(
      'for the account action %s',
      (action) => {
        const out = didNot({ proposal: proposal({ intent: intent({ action }) }) });
        expect(out).toContain(ACCOUNT);
        expect(out).not.toContain(MONEY);
      },
    );

    it('makes no money or account claim for an informational action', () => {
      const out = didNot({ proposal: proposal({ intent: intent({ action: 'lookup_order' }) }) });
      expect(out).not.toContain(MONEY);
      expect(out).not.toContain(ACCOUNT);
    });

    it('combines a request for a person, a held draft and a money action', () => {
      expect(
        didNot({ humanRequested: true, heldDraft: 'I could refund 20 USD.', proposal: proposal() }),
      ).toEqual([HUMAN, HELD, MONEY, ALWAYS]);
    });
  });

  it('links to the transcript with the conversation id URL-encoded', () => {
    expect(buildPacket(input()).transcriptUrl).toBe('/api/conversations/c-1/transcript');
    expect(buildPacket(input({ conversationId: 'a/b c?d' })).transcriptUrl).toBe(
      '/api/conversations/a%2Fb%20c%3Fd/transcript',
    );
  });

  describe('customerFacingState', () => {
    it('lists only what the assistant, the system and agents told the customer', () => {
      const transcript = [
        msg('customer', 'where is my refund'),
        msg('assistant', 'Refunds take 5 days.'),
        msg('customer', 'Talk to a human'),
        msg('system', 'You asked for a person.'),
        msg('agent', 'Hi, Ana here.', 'Ana'),
        msg('agent', 'Checking now.', null),
      ];
      expect(buildPacket(input({ transcript })).customerFacingState).toEqual([
        'assistant: Refunds take 5 days.',
        'system: You asked for a person.',
        'Ana: Hi, Ana here.',
        'agent: Checking now.',
      ]);
    });

    it('keeps the six most recent lines', () => {
      const transcript = Array.from({ length: 8 }, (_, i) => msg('assistant', `line ${i + 1}`));
      expect(buildPacket(input({ transcript })).customerFacingState).toEqual(
        [3, 4, 5, 6, 7, 8].map((n) => `assistant: line ${n}`),
      );
    });

    it('is empty when only the customer spoke', () => {
      expect(
        buildPacket(input({ transcript: [msg('customer', 'hello?')] })).customerFacingState,
      ).toEqual([]);
    });
  });
});
