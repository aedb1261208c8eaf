import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isBatonError } from './errors';
import {
  MAX_PAYLOAD_DEPTH,
  MAX_PAYLOAD_ENTRIES,
  parsePayload,
  payloadShapeIssue,
} from './validate';

const nested = (depth: number) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    return isBatonError(err) ? err.code : 'not a BatonError';
  }
};

describe('payload shape limits', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(payloadShapeIssue(nested(MAX_PAYLOAD_DEPTH))).toBeNull();
    expect(payloadShapeIssue(nested(MAX_PAYLOAD_DEPTH + 1))).toMatch(/deeper than 32/);
    expect(payloadShapeIssue([[[[1]]]], { depth: 3, entries: 100 })).toMatch(/deeper/);
    expect(payloadShapeIssue([[[1]]], { depth: 3, entries: 100 })).toBeNull();
  });

  it('counts keys and array items over the whole payload', () => {
    const wide = Object.fromEntries(
      Array.from({ length: MAX_PAYLOAD_ENTRIES }, (_, i) => [`k${i}`, i]),
    );
    expect(payloadShapeIssue(wide)).toBeNull();
    expect(payloadShapeIssue({ ...wide, one: 'more' })).toMatch(/more than 2000/);
    // a, b, 1, 2, c: five entries; a sixth (the array around 3) is one too many.
    expect(payloadShapeIssue({ a: [1, 2], b: { c: 3 } }, { depth: 10, entries: 5 })).toBeNull();
    expect(payloadShapeIssue({ a: [1, 2], b: { c: [3] } }, { depth: 10, entries: 5 })).toMatch(
      /more than 5/,
    );
    expect(payloadShapeIssue(new Array(1_000_000).fill(0))).toMatch(/more than/);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(payloadShapeIssue(deep)).toMatch(/deeper/);
  });

  it('parsePayload answers INVALID_PAYLOAD before zod sees a deep payload', () => {
    const schema = z.record(z.string(), z.unknown());
    expect(codeOf(() => parsePayload(schema, { context: nested(5_000) }))).toBe('INVALID_PAYLOAD');
    expect(codeOf(() => parsePayload(schema, { context: nested(3) }))).toBeNull();
    expect(codeOf(() => parsePayload(z.string(), 'plain'))).toBeNull();
  });
});
