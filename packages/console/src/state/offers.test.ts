import { describe, expect, it } from 'vitest';
import type { Offer } from '@baton/shared';
import { describeOffer } from './offers';

const offer: Offer = {
  id: 'o1',
  conversationId: 'c1',
  queue: 'billing',
  queueName: 'Billing',
  tier: 3,
  summary: 'Refund of $240 refused by the assistant',
  customerName: 'Dana',
  language: 'es',
  offeredAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2026-12-01T10:00:30.000Z',
};

describe('describeOffer', () => {
  it('names the customer, queue, tier, language and summary, and counts down whole seconds', () => {
    const d = describeOffer(offer, Date.parse('2026-12-01T10:00:10.400Z'));
    expect(d.title).toBe('Dana is offered to you.');
    expect(d.body).toBe(
      'Billing, tier 3 · writes in Spanish · Refund of $240 refused by the assistant',
    );
    expect(d.secondsLeft).toBe(20);
  });
  it('never counts below zero, and leaves out what is unknown', () => {
    const d = describeOffer(
      { ...offer, customerName: null, language: null, summary: '' },
      Date.parse('2026-12-01T10:01:00.000Z'),
    );
    expect(d.title).toBe('A customer is offered to you.');
    expect(d.body).toBe('Billing, tier 3');
    expect(d.secondsLeft).toBe(0);
    // A browser clock behind the server's never shows more than the offer's 30 s.
    expect(describeOffer(offer, Date.parse('2026-12-01T09:59:58.000Z')).secondsLeft).toBe(30);
  });
});
