import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, parsePolicy } from '../src';
import { facts, INTENTS, NOW } from './fixtures';

// Lives in test/ because it reads a file: the engine's src/ may not import fs.
const demoPath = fileURLToPath(new URL('../../../demo/policy.yaml', import.meta.url));

describe('demo/policy.yaml', () => {
  const policy = parsePolicy(readFileSync(demoPath, 'utf8'));

  it('is a valid policy with the documented settings', () => {
    expect(policy.version).toMatch(/\S/);
    expect(policy.mode).toBe('enforce');
    expect(policy.limits.refund).toEqual({ maxAmount: 100, currency: 'USD' });
    expect(policy.routing).toMatchObject({
      default: 'general',
      domains: { billing: 'billing', payments: 'billing', security: 'trust-safety' },
      tiers: { 4: 'trust-safety' },
    });
    expect(policy.sla).toEqual({ 1: 60, 2: 30, 3: 15, 4: 10 });
    expect(policy.repeatContact).toEqual({ count: 3, windowDays: 7 });
  });

  it('sets a higher bar for money and account changes than for lookups', () => {
    const { tiers, actions } = policy.confidence;
    expect(actions.lookup!).toBeLessThan(actions.refund!);
    expect(actions.lookup!).toBeLessThan(actions.account_change!);
    expect(tiers[1]!).toBeLessThan(tiers[3]!);
  });

  it('drives the engine', () => {
    expect(decide(facts(), policy, NOW)).toMatchObject({
      lane: 'autonomous',
      policyVersion: policy.version,
    });
    const refund = facts({
      intent: INTENTS.refund,
      amount: { value: 250, currency: 'USD', source: 'order:A1001' },
    });
    expect(decide(refund, policy, NOW)).toMatchObject({ lane: 'human', unit: 'action' });
  });
});
