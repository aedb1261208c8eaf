import type { QueueSnapshot, SlaAlert } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { addAlert, describeAlert, stillWaiting } from './slaAlerts';

const alert = (over: Partial<SlaAlert> = {}): SlaAlert => ({
  id: 'c1:1:warning',
  kind: 'warning',
  conversationId: 'c1',
  queue: 'billing',
  queueName: 'Billing',
  fromQueue: 'billing',
  fromQueueName: 'Billing',
  owner: 'Sam Okafor',
  ownerAgentId: 'agent-sam',
  tier: 2,
  enqueuedAt: '2026-12-01T10:00:00.000Z',
  slaDeadline: '2026-12-01T10:10:00.000Z',
  ...over,
});

const queue = (name: string, waiting: string[]): QueueSnapshot => ({
  name,
  displayName: name,
  agentsOnline: 1,
  waiting: waiting.map((id) => ({
    conversationId: id,
    queue: name,
    lane: 'human',
    unit: 'conversation',
    pendingDrafts: 0,
    pendingActions: 0,
    tier: 2,
    triggers: [],
    summary: '',
    customerName: null,
    enqueuedAt: '2026-12-01T10:00:00.000Z',
    slaDeadline: '2026-12-01T10:10:00.000Z',
    replyByEmail: false,
    offeredTo: null,
  })),
});

describe('SLA alerts in the console', () => {
  it('keeps one per id, newest first, a breach replacing its warning', () => {
    let list = addAlert([], alert());
    expect(addAlert(list, alert())).toBe(list); // a repeated delivery
    list = addAlert(list, alert({ id: 'c2:1:warning', conversationId: 'c2' }));
    expect(list.map((a) => a.id)).toEqual(['c2:1:warning', 'c1:1:warning']);
    list = addAlert(list, alert({ id: 'c1:1:breach', kind: 'breach' }));
    expect(list.map((a) => a.id)).toEqual(['c1:1:breach', 'c2:1:warning']);
  });

  it('drops alerts of conversations no longer waiting, but keeps other queues’ (the owner’s)', () => {
    const list = [
      alert(),
      alert({ id: 'c2:1:warning', conversationId: 'c2' }),
      alert({ id: 'c3:1:breach', kind: 'breach', conversationId: 'c3', queue: 'trust-safety' }),
    ];
    expect(stillWaiting(list, [queue('billing', ['c2'])]).map((a) => a.id)).toEqual([
      'c2:1:warning',
      'c3:1:breach',
    ]);
  });

  it('says how long is left, or that the target was missed and where it went', () => {
    const now = Date.parse('2026-12-01T10:05:00.000Z');
    expect(describeAlert(alert(), now)).toEqual({
      title: 'Billing: a customer is still waiting',
      body: 'Unclaimed, 5 min before the reply target.',
    });
    expect(
      describeAlert(alert({ kind: 'breach', queue: 'general', queueName: 'Customer Care' }), now),
    ).toEqual({
      title: 'Billing: reply target missed',
      body: 'A customer waited past the target unclaimed; the customer was told. It moved to Customer Care.',
    });
  });
});
