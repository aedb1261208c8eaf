import { describe, expect, it } from 'vitest';
import { createLoaderStorage } from './loaderStorage';
import { createTokenStore, tokenKey } from './tokenStore';

describe('loaderStorage', () => {
  it('asks the loader to keep the token and restores it on the next page view', () => {
    const saved: (string | null)[] = [];
    const storage = createLoaderStorage((token) => saved.push(token));
    const tokens = createTokenStore('site', storage);
    tokens.set('tok-1');
    tokens.clear();
    expect(saved).toEqual(['tok-1', null]);

    const next = createLoaderStorage(() => {});
    next.restore(tokenKey('site'), 'tok-1');
    expect(createTokenStore('site', next).get()).toBe('tok-1');
  });
});
