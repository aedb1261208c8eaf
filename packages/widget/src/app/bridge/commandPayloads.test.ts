import { describe, expect, it } from 'vitest';
import { toContextPayload, toIdentifyPayload } from './commandPayloads';

describe('command payloads', () => {
  it('keeps only the identify fields, as strings', () => {
    expect(
      toIdentifyPayload({ id: 42, name: 'Ana', email: 'ana@example.com', admin: true }),
    ).toEqual({
      id: '42',
      name: 'Ana',
      email: 'ana@example.com',
    });
    expect(toIdentifyPayload({ name: '' })).toEqual({});
  });

  it('rejects non-objects', () => {
    for (const value of [null, 'ana', 1, ['a']]) {
      expect(toIdentifyPayload(value)).toBeNull();
      expect(toContextPayload(value)).toBeNull();
    }
    expect(toContextPayload({ orders: [{ id: 'o1' }] })).toEqual({ orders: [{ id: 'o1' }] });
  });
});
