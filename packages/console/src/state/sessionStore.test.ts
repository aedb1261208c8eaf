import { describe, expect, it, vi } from 'vitest';
import { alex, memoryStorage } from '../test-support/fixtures';
import { createSessionStore, type MyConversation } from './sessionStore';

const entry: MyConversation = {
  conversationId: 'c1',
  queue: 'billing',
  tier: 3,
  summary: 'refund',
  customerName: 'Dana',
  state: 'assigned',
  lane: 'assisted',
  pendingDrafts: 1,
  pendingActions: 0,
  claimedAt: '2025-01-01T12:00:00.000Z',
  unread: 0,
};

describe('session store', () => {
  it('round-trips the session and clears it', () => {
    const store = createSessionStore(memoryStorage());
    expect(store.load()).toBeNull();
    store.save({ token: 't0k', agent: alex });
    expect(store.load()).toEqual({ token: 't0k', agent: alex });
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('ignores corrupt or foreign values', () => {
    const storage = memoryStorage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    storage.setItem('baton.console.session', '{not json');
    expect(createSessionStore(storage).load()).toBeNull();
    storage.setItem('baton.console.session', JSON.stringify({ token: 5 }));
    expect(createSessionStore(storage).load()).toBeNull();
    warn.mockRestore();
  });

  it('keeps "my conversations" per agent', () => {
    const store = createSessionStore(memoryStorage());
    store.saveMine(alex.id, [entry, { bogus: true } as unknown as MyConversation]);
    expect(store.loadMine(alex.id)).toEqual([entry]);
    expect(store.loadMine('someone-else')).toEqual([]);
  });

  it('fills the lane and pending counts of entries stored by an older console', () => {
    const storage = memoryStorage();
    const { lane: _lane, pendingDrafts: _d, pendingActions: _a, ...old } = entry;
    storage.setItem(`baton.console.mine.${alex.id}`, JSON.stringify([old]));
    expect(createSessionStore(storage).loadMine(alex.id)).toEqual([
      { ...old, lane: null, pendingDrafts: 0, pendingActions: 0 },
    ]);
  });

  it('survives a storage that throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = createSessionStore({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => store.save({ token: 't', agent: alex })).not.toThrow();
    expect(store.load()).toBeNull();
    expect(() => store.clear()).not.toThrow();
    warn.mockRestore();
  });
});
