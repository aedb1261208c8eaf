import { describe, expect, it } from 'vitest';
import { detail, heldDraft, pendingAction, queues, waiting } from '../test-support/fixtures';
import {
  findWaiting,
  mergeQueues,
  reconcileMine,
  toMyConversation,
  upsertMine,
  withoutWaiting,
} from './myConversations';
import type { MyConversation } from './sessionStore';

const entry = (conversationId: string, state: MyConversation['state']): MyConversation => ({
  conversationId,
  queue: 'billing',
  tier: 2,
  summary: `about ${conversationId}`,
  customerName: null,
  state,
  lane: 'human',
  pendingDrafts: 0,
  pendingActions: 0,
  claimedAt: '2025-01-01T12:00:00.000Z',
  unread: 0,
});

describe('queues', () => {
  it('finds and removes a waiting conversation', () => {
    const list = queues([waiting(), waiting({ conversationId: 'c2' })]);
    expect(findWaiting(list, 'c2')?.conversationId).toBe('c2');
    expect(findWaiting(list, 'nope')).toBeUndefined();
    expect(withoutWaiting(list, 'c1')[0]!.waiting.map((w) => w.conversationId)).toEqual(['c2']);
    expect(withoutWaiting(list, 'nope')).toBe(list);
  });

  it('merges partial updates by queue name, keeping order', () => {
    const a = { name: 'a', displayName: 'A', agentsOnline: 0, waiting: [] };
    const b = { name: 'b', displayName: 'B', agentsOnline: 0, waiting: [] };
    const b2 = { ...b, agentsOnline: 3 };
    const c = { name: 'c', displayName: 'C', agentsOnline: 1, waiting: [] };
    expect(mergeQueues([a, b], [c, b2])).toEqual([a, b2, c]);
  });
});

describe('my conversations', () => {
  it('builds an entry from the claim ack and the queue listing', () => {
    expect(toMyConversation(detail({ state: 'assigned' }), waiting(), 'now')).toEqual({
      conversationId: 'c1',
      queue: 'billing',
      tier: 3,
      summary: 'Customer wants a refund for a damaged blender.',
      customerName: 'Dana Kim',
      state: 'assigned',
      lane: 'human',
      pendingDrafts: 0,
      pendingActions: 0,
      claimedAt: 'now',
      unread: 0,
    });
  });

  it('counts the drafts and actions still waiting for a person', () => {
    const d = detail({
      state: 'assigned',
      lane: 'assisted',
      drafts: [
        heldDraft({ id: 'd1' }),
        heldDraft({ id: 'd2', status: 'approved' }),
        heldDraft({ id: 'd3' }),
      ],
      actions: [pendingAction({ id: 'a1', status: 'denied' }), pendingAction({ id: 'a2' })],
    });
    expect(toMyConversation(d, undefined, 'now')).toMatchObject({
      lane: 'assisted',
      pendingDrafts: 2,
      pendingActions: 1,
    });
  });

  it('puts a new claim first and updates an existing one in place', () => {
    const list = upsertMine([entry('c1', 'assigned')], entry('c2', 'assigned'));
    expect(list.map((c) => c.conversationId)).toEqual(['c2', 'c1']);
    const updated = upsertMine(list, entry('c1', 'resolved'));
    expect(updated.map((c) => [c.conversationId, c.state])).toEqual([
      ['c2', 'assigned'],
      ['c1', 'resolved'],
    ]);
  });

  it('reconciles with the server list from hello', () => {
    const list = [entry('c1', 'assigned'), entry('c2', 'assigned'), entry('c3', 'resolved')];
    const result = reconcileMine(
      list,
      [
        { conversationId: 'c1', queue: 'billing' },
        { conversationId: 'c9', queue: 'general' },
      ],
      'now',
    );
    expect(result.map((c) => [c.conversationId, c.state])).toEqual([
      ['c9', 'assigned'],
      ['c1', 'assigned'],
      ['c3', 'resolved'],
    ]);
    expect(result[0]).toMatchObject({
      queue: 'general',
      summary: '',
      claimedAt: 'now',
      lane: null,
      pendingDrafts: 0,
      pendingActions: 0,
    });
  });

  it('returns the same list when nothing changed', () => {
    const list = [entry('c1', 'assigned')];
    expect(reconcileMine(list, [{ conversationId: 'c1', queue: 'billing' }], 'now')).toBe(list);
  });
});
