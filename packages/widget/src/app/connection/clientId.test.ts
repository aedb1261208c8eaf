import { describe, expect, it } from 'vitest';
import { newClientId } from './clientId';

describe('newClientId', () => {
  it('matches the server clientId schema and does not repeat', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newClientId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
