import { describe, expect, it } from 'vitest';
import { isAckShape } from './result';

describe('isAckShape', () => {
  it('accepts both ack forms', () => {
    expect(isAckShape({ ok: true, data: {} })).toBe(true);
    expect(isAckShape({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isAckShape(undefined)).toBe(false);
    expect(isAckShape('ok')).toBe(false);
    expect(isAckShape({ ok: true })).toBe(false);
    expect(isAckShape({ ok: false, error: 'nope' })).toBe(false);
    expect(isAckShape({ ok: false, error: { code: 1, message: 'x' } })).toBe(false);
  });
});
