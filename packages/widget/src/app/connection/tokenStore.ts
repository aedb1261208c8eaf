/**
 * Keeps the session token per site key so a reload resumes the same conversation. Storage can
 * be missing or throw (privacy modes, blocked third-party storage); then the token lives in
 * memory — and, when embedded, with the loader (see loaderStorage.ts) — so reconnects resume.
 */
export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function tokenKey(siteKey: string): string {
  return `baton:session:${siteKey}`;
}

/** `window.localStorage` itself throws in some sandboxes, so even reading it is guarded. */
export function getLocalStorage(win: Window): StorageLike | null {
  try {
    return win.localStorage;
  } catch (err) {
    console.warn('[Baton] localStorage is blocked in the widget frame; using a fallback', err);
    return null;
  }
}

export function createTokenStore(siteKey: string, storage: StorageLike | null): TokenStore {
  const key = tokenKey(siteKey);
  let memory: string | null = null;
  let store = storage;

  function guard<T>(what: string, fn: (s: StorageLike) => T, fallback: T): T {
    if (!store) return fallback;
    try {
      return fn(store);
    } catch (err) {
      console.warn(`[Baton] localStorage ${what} failed; keeping the session in memory`, err);
      store = null;
      return fallback;
    }
  }

  return {
    get: () => guard('read', (s) => s.getItem(key), null) ?? memory,
    set(token) {
      memory = token;
      guard('write', (s) => s.setItem(key, token), undefined);
    },
    clear() {
      memory = null;
      guard('delete', (s) => s.removeItem(key), undefined);
    },
  };
}
