/**
 * Browsers that block third-party storage (Safari, incognito, Brave) throw on the iframe's
 * localStorage, so a reload would lose the session token. The loader runs first-party on the
 * storefront and can keep it there instead. Used only when the iframe's own storage is blocked:
 * it exposes the token to the storefront's scripts, which is the price of resuming after reload.
 */
import type { StorageLike } from './tokenStore';

export interface LoaderStorage extends StorageLike {
  /** Seeds the token the loader kept from an earlier page view. */
  restore(key: string, token: string | null): void;
}

export function createLoaderStorage(save: (token: string | null) => void): LoaderStorage {
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem(key, value) {
      memory.set(key, value);
      save(value);
    },
    removeItem(key) {
      memory.delete(key);
      save(null);
    },
    restore(key, token) {
      if (token) memory.set(key, token);
    },
  };
}
