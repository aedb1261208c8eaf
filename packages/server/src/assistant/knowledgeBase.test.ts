import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeBaseError, parseKnowledgeBase, type KnowledgeBase } from './knowledgeBase';

const demoKbUrl = new URL('../../../../demo/knowledge-base.yaml', import.meta.url);

function loadDemoKb(): KnowledgeBase {
  return parseKnowledgeBase(readFileSync(demoKbUrl, 'utf8'));
}

function parseError(yamlText: string): KnowledgeBaseError {
  try {
    parseKnowledgeBase(yamlText);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error('expected parseKnowledgeBase to throw');
}

const validIntent = `
  - name: store_hours
    tier: 1
    domain: general
    action: answer
    answer: We are open 9-5.
    examples: [when are you open]
`;

describe('parseKnowledgeBase on the demo knowledge base', () => {
  const kb = loadDemoKb();

  it('loads the store and a quoted version', () => {
    expect(kb.store.name).toBe('Northwind Goods');
    expect(typeof kb.version).toBe('string');
    expect(kb.version).not.toBe('');
  });

  // The risk facts the escalation engine relies on, from the issue.
  it.each([
    ['order_status', 1, 'orders', 'lookup'],
    ['order_cancellation', 2, 'orders', 'cancel_order'],
    ['refund_status', 1, 'billing', 'lookup'],
    ['store_hours', 1, 'general', 'answer'],
    ['shipping_times', 1, 'shipping', 'answer'],
    ['international_shipping', 1, 'shipping', 'answer'],
    ['return_within_policy', 2, 'orders', 'return'],
    ['damaged_or_wrong_item', 2, 'orders', 'damage_claim'],
    ['refund_request', 3, 'billing', 'refund'],
    ['payment_dispute', 3, 'billing', 'dispute'],
    ['price_match', 3, 'billing', 'price_match'],
    ['promo_code_use', 1, 'promotions', 'answer'],
    ['promo_exception', 3, 'promotions', 'promo_exception'],
    ['subscription_cancellation', 3, 'billing', 'cancel_subscription'],
    ['account_access', 4, 'security', 'account_change'],
    ['fraud_report', 4, 'fraud', 'report_fraud'],
    ['legal_threat', 4, 'legal', 'legal'],
    ['data_deletion', 4, 'legal', 'data_deletion'],
    ['product_question', 1, 'products', 'answer'],
    ['greeting', 1, 'general', 'answer'],
    ['thanks_goodbye', 1, 'general', 'answer'],
  ] as const)('%s is tier %i, domain %s, action %s', (name, tier, domain, action) => {
    const intent = kb.intents.find((candidate) => candidate.name === name);
    expect(intent).toMatchObject({ tier, domain, action });
  });

  it('order lookups, returns, damage claims and refunds require order context', () => {
    for (const name of [
      'order_status',
      'return_within_policy',
      'refund_request',
      'damaged_or_wrong_item',
    ]) {
      expect(kb.intents.find((intent) => intent.name === name)?.requires).toContain('orders');
    }
  });

  it('gives every intent 10-15 distinct examples', () => {
    for (const intent of kb.intents) {
      expect(intent.examples.length, intent.name).toBeGreaterThanOrEqual(10);
      expect(intent.examples.length, intent.name).toBeLessThanOrEqual(15);
      expect(new Set(intent.examples).size, intent.name).toBe(intent.examples.length);
    }
  });

  it('has no explicit human-request examples (those are detected before the assistant)', () => {
    const humanWords =
      /\b(human|agent|person|people|representative|operator|someone real|staff)\b/i;
    const offenders = kb.intents.flatMap((intent) =>
      intent.examples.filter((example) => humanWords.test(example)),
    );
    expect(offenders).toEqual([]);
  });

  it('has answers that promise no refund and claim no human review', () => {
    const forbidden = [
      /\b(reviewed|looked into|checked) (it|this|your)/i,
      /\b(has|have) been (reviewed|approved)/i,
      /\byou('ll| will) (get|receive) (a|your) refund/i,
      /\bwe('ll| will) refund\b/i,
      /\b(refund|exception|credit) (is|has been) (approved|granted)/i,
      /\bguarantee/i,
    ];
    for (const intent of kb.intents) {
      for (const pattern of forbidden) expect(intent.answer, intent.name).not.toMatch(pattern);
    }
  });
});

describe('parseKnowledgeBase errors name the field', () => {
  it.each([
    [
      'a tier out of range',
      `version: '1'\nstore: { name: Shop }\nintents:\n${validIntent.replace('tier: 1', 'tier: 5')}`,
      'intents.0.tier',
      /must be 1, 2, 3 or 4 \(intent "store_hours"\)/,
    ],
    [
      'a missing answer',
      `version: '1'\nstore: { name: Shop }\nintents:\n${validIntent.replace(/ {4}answer:.*\n/, '')}`,
      'intents.0.answer',
      /intent "store_hours"/,
    ],
    [
      'a misspelt field',
      `version: '1'\nstore: { name: Shop }\nintents:\n${validIntent.replace('examples', 'exmaples')}`,
      'intents.0',
      /exmaples/,
    ],
    [
      'an unquoted numeric version',
      `version: 2025.10\nstore: { name: Shop }\nintents:\n${validIntent}`,
      'version',
      /quoted string/,
    ],
    [
      'a missing store name',
      `version: '1'\nstore: {}\nintents:\n${validIntent}`,
      'store.name',
      /./,
    ],
    [
      'a name that is not snake_case',
      `version: '1'\nstore: { name: Shop }\nintents:\n${validIntent.replace('store_hours', 'None')}`,
      'intents.0.name',
      /snake_case/,
    ],
    [
      'a duplicate intent name',
      `version: '1'\nstore: { name: Shop }\nintents:\n${validIntent}${validIntent.replace('when are you open', 'opening hours')}`,
      'intents.1.name',
      /duplicate intent name "store_hours"/,
    ],
    [
      'the same example under two intents',
      `version: '1'\nstore: { name: Shop }\nintents:\n${validIntent}${validIntent.replace('store_hours', 'hours_again').replace('when are you open', 'When are you open?')}`,
      'intents.1.examples.0',
      /also an example of intent "store_hours"/,
    ],
  ])('%s', (_label, yamlText, path, message) => {
    const error = parseError(yamlText);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(message);
  });

  it('reports invalid YAML as a KnowledgeBaseError with the parser error as cause', () => {
    const error = parseError('intents: [unclosed');
    expect(error.issues[0]?.path).toBe('(yaml)');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('accepts a minimal valid knowledge base', () => {
    const kb = parseKnowledgeBase(`version: '1'\nstore: { name: Shop }\nintents:\n${validIntent}`);
    expect(kb.intents[0]).toEqual({
      name: 'store_hours',
      tier: 1,
      domain: 'general',
      action: 'answer',
      answer: 'We are open 9-5.',
      examples: ['when are you open'],
    });
  });
});
