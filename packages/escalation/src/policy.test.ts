import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultPolicy, defaultPolicyInput } from './defaultPolicy';
import { parsePolicy, PolicyError, validatePolicy } from './policy';

const validYaml = stringify(defaultPolicyInput);

/** Parses `yamlText` expecting a PolicyError; returns it. */
function policyError(yamlText: string): PolicyError {
  try {
    parsePolicy(yamlText);
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
}

/** The default policy with one field replaced (dotted path), as YAML. */
function withField(path: string, value: unknown): string {
  const doc = structuredClone(defaultPolicyInput) as Record<string, unknown>;
  const keys = path.split('.');
  let node = doc;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return stringify(doc);
}

describe('parsePolicy', () => {
  it('parses a valid policy and applies defaults for the tuning sections', () => {
    const policy = parsePolicy(validYaml);
    expect(policy).toEqual(defaultPolicy);
    expect(policy.mode).toBe('enforce');
    expect(policy.confidence.tiers[3]).toBe(0.8);
    expect(policy.limits.refund).toEqual({ maxAmount: 100, currency: 'USD' });
    expect(policy.routing.tiers[4]).toBe('trust-safety');
    expect(policy.sla).toEqual({ 1: 60, 2: 30, 3: 15, 4: 10 });
    expect(policy.repeatContact).toEqual({ count: 3, windowDays: 7 });
    expect(policy.sentiment).toEqual({
      negativeScore: -0.25,
      window: 3,
      minNegativeTurns: 2,
      averageBelow: -0.4,
    });
    expect(policy.loop.turns).toBe(3);
    expect(policy.matrix.mediumsForHuman).toBe(2);
    expect(policy.severity).toEqual({});
  });

  it('accepts a minimal policy', () => {
    const policy = parsePolicy(`
version: v1
confidence: { default: 0.7 }
limits: {}
routing: { default: general }
sla: { 1: 60, 2: 30, 3: 15, 4: 10 }
`);
    expect(policy.version).toBe('v1');
    expect(policy.confidence.tiers).toEqual({});
    expect(policy.autonomy).toEqual({ default: true, domains: {} });
    expect(policy.systems.orders).toBe('orders');
  });

  it('accepts shadow mode and severity overrides', () => {
    const policy = parsePolicy(
      withField('mode', 'shadow').replace(
        'version:',
        'severity:\n  repeat_contact: high\nversion:',
      ),
    );
    expect(policy.mode).toBe('shadow');
    expect(policy.severity).toEqual({ repeat_contact: 'high' });
  });

  it.each([
    ['version', undefined, 'version', 'Required'],
    ['version', '', 'version', ''],
    ['mode', 'observe', 'mode', ''],
    ['confidence.default', 'high', 'confidence.default', 'Expected number'],
    ['confidence.tiers.2', 'high', 'confidence.tiers.2', 'Expected number, received string'],
    ['confidence.tiers.3', 1.5, 'confidence.tiers.3', ''],
    ['confidence.tiers.5', 0.5, 'confidence.tiers.5', 'Unknown field'],
    ['confidence.actions.refund', -0.1, 'confidence.actions.refund', ''],
    ['limits', undefined, 'limits', 'Required'],
    ['limits.refund.maxAmount', 'lots', 'limits.refund.maxAmount', 'Expected number'],
    ['limits.refund.maxAmount', -5, 'limits.refund.maxAmount', ''],
    ['limits.refund.currency', 'dollars', 'limits.refund.currency', '3-letter currency'],
    ['limits.refund.max', 100, 'limits.refund.max', 'Unknown field'],
    ['routing.default', undefined, 'routing.default', 'Required'],
    ['routing.tiers.4', 7, 'routing.tiers.4', 'Expected string'],
    ['sla.4', undefined, 'sla.4', 'Required'],
    ['sla.1', 2.5, 'sla.1', ''],
    ['sla.2', 0, 'sla.2', ''],
    ['autonomy.domains.billing', 'no', 'autonomy.domains.billing', 'Expected boolean'],
    ['repeatContact.count', 1, 'repeatContact.count', ''],
    ['repeatContact.windowDays', 'week', 'repeatContact.windowDays', 'Expected number'],
    ['repeatContacts', { count: 3 }, 'repeatContacts', 'Unknown field'],
    ['sentiment.window', 1, 'sentiment.window', ''],
    ['pressure.customerTiers', ['gold'], 'pressure.customerTiers.0', ''],
    ['severity.explicit_human_request', 'low', 'severity.explicit_human_request', ''],
    ['severity.low_confidence', 'urgent', 'severity.low_confidence', ''],
    ['matrix.mediumsForHuman', 1, 'matrix.mediumsForHuman', ''],
  ])('rejects %s = %j, naming %s', (field, value, path, message) => {
    const error = policyError(withField(field, value));
    const issue = error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue!.message).toContain(message);
    expect(error.message).toContain(`${path}: `);
  });

  it('names every failing field at once', () => {
    const error = policyError(`
version: v2
confidence: { default: 0.7, tiers: { 2: "x" } }
limits: { refund: { maxAmount: 100, currency: usd } }
routing: { default: general }
sla: { 1: 60, 2: 30, 3: 15 }
`);
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'confidence.tiers.2',
      'limits.refund.currency',
      'sla.4',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const error = policyError('version: v1\nconfidence: { default: 0.7\n');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toMatch(/^\(yaml line \d+, column \d+\)$/);
  });

  it.each([
    ['', '(root)'],
    ['just a string', '(root)'],
    ['- a\n- list', '(root)'],
  ])('rejects a document that is not a policy: %j', (text, path) => {
    expect(policyError(text).issues[0]!.path).toBe(path);
  });

  it('is an Error with a readable message', () => {
    const error = policyError(withField('sla.2', 'soon'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PolicyError');
    expect(error.message).toBe('Invalid policy: sla.2: Expected number, received string');
  });
});

describe('validatePolicy', () => {
  it('validates an object without YAML', () => {
    expect(validatePolicy(defaultPolicyInput)).toEqual(defaultPolicy);
    expect(() => validatePolicy({})).toThrow(PolicyError);
  });
});
