import type { AgentLoginResult, ConversationState, Lane, RiskTier } from '@baton/shared';

export type StoredSession = AgentLoginResult;

/** A conversation this agent claimed, remembered across reloads for the "My conversations" list. */
export interface MyConversation {
  conversationId: string;
  queue: string | null;
  tier: RiskTier | null;
  summary: string;
  customerName: string | null;
  state: ConversationState;
  /** Null until a `conversation:get` tells (entries restored from `hello` start bare). */
  lane: Lane | null;
  /** Held drafts and actions waiting for a person, as of the last fetch. */
  pendingDrafts: number;
  pendingActions: number;
  claimedAt: string;
  /** Customer messages that arrived while the conversation was not on screen. */
  unread: number;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const SESSION_KEY = 'baton.console.session';
const mineKey = (agentId: string) => `baton.console.mine.${agentId}`;

/** The token and the claimed list live in sessionStorage: a reload keeps them, a new tab does not. */
export interface SessionStore {
  load(): StoredSession | null;
  save(session: StoredSession): void;
  clear(): void;
  loadMine(agentId: string): MyConversation[];
  saveMine(agentId: string, list: readonly MyConversation[]): void;
}

export function createSessionStore(storage: KeyValueStorage): SessionStore {
  const read = (key: string): unknown => {
    try {
      const raw = storage.getItem(key);
      return raw === null ? null : (JSON.parse(raw) as unknown);
    } catch (err) {
      console.warn('[baton console] ignoring unreadable stored value', { key, err });
      return null;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (err) {
      // Storage full or disabled: the console still works, a reload just forgets.
      console.warn('[baton console] could not store value', { key, err });
    }
  };

  return {
    load() {
      const value = read(SESSION_KEY);
      return isStoredSession(value) ? value : null;
    },
    save(session) {
      write(SESSION_KEY, session);
    },
    clear() {
      try {
        storage.removeItem(SESSION_KEY);
      } catch (err) {
        console.warn('[baton console] could not clear the session', err);
      }
    },
    loadMine(agentId) {
      const value = read(mineKey(agentId));
      return Array.isArray(value) ? value.filter(isMyConversation).map(withDefaults) : [];
    },
    saveMine(agentId, list) {
      write(mineKey(agentId), list);
    },
  };
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const { token, agent } = value as Partial<StoredSession>;
  return (
    typeof token === 'string' &&
    token.length > 0 &&
    typeof agent === 'object' &&
    agent !== null &&
    typeof agent.id === 'string' &&
    typeof agent.name === 'string' &&
    Array.isArray(agent.queues)
  );
}

/** Entries stored by an older console lack the lane and the pending counts. */
function withDefaults(entry: MyConversation): MyConversation {
  return {
    ...entry,
    lane: entry.lane ?? null,
    pendingDrafts: typeof entry.pendingDrafts === 'number' ? entry.pendingDrafts : 0,
    pendingActions: typeof entry.pendingActions === 'number' ? entry.pendingActions : 0,
  };
}

function isMyConversation(value: unknown): value is MyConversation {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<MyConversation>;
  return (
    typeof entry.conversationId === 'string' &&
    typeof entry.summary === 'string' &&
    typeof entry.state === 'string' &&
    typeof entry.unread === 'number'
  );
}
