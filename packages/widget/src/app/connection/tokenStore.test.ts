import { describe, expect, it, vi } from 'vitest';
import { createTokenStore, tokenKey, type StorageLike } from './tokenStore';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('tokenStore', () => {
  it('stores one token per site key', () => {
    const storage = memoryStorage();
    createTokenStore('site-a', storage).set('tok-a');
    createTokenStore('site-b', storage).set('tok-b');
    expect(createTokenStore('site-a', storage).get()).toBe('tok-a');
    expect(storage.data.get(tokenKey('site-b'))).toBe('tok-b');
    createTokenStore('site-a', storage).clear();
    expect(createTokenStore('site-a', storage).get()).toBeNull();
  });

  it('falls back to memory when storage throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const tokens = createTokenStore('site', broken);
    tokens.set('tok');
    expect(tokens.get()).toBe('tok');
    expect(warn).toHaveBeenCalledOnce();
    expect(createTokenStore('site', null).get()).toBeNull();
    warn.mockRestore();
  });
});
