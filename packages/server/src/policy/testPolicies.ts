import { parsePolicy, type Policy } from '@baton/escalation';

/** A small valid policy text for tests; `extra` is appended YAML. */
export function policyText(version: string, mode: 'enforce' | 'shadow' = 'enforce', extra = '') {
  return [
    `version: ${version}`,
    `mode: ${mode}`,
    'confidence: { default: 0.7 }',
    'limits: { refund: { maxAmount: 100, currency: USD } }',
    'routing: { default: general, domains: { billing: billing } }',
    'sla: { 1: 60, 2: 30, 3: 15, 4: 10 }',
    extra,
  ].join('\n');
}

export function testPolicy(version: string, mode: 'enforce' | 'shadow' = 'enforce', extra = '') {
  return parsePolicy(policyText(version, mode, extra));
}

export const entryOf = (policy: Policy, at = new Date('2025-01-01T00:00:00Z')) => ({
  policy,
  yaml: '',
  source: 'admin' as const,
  loadedAt: at,
});
