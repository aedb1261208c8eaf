import type { QueueStatus } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { EMAIL_LEFT_TEXT, formatQueueBanner, showQueueBanner } from './queueBanner';

function status(extra: Partial<QueueStatus> = {}): QueueStatus {
  return {
    conversationId: 'c1',
    state: 'queued',
    queue: 'billing',
    queueName: 'Billing',
    position: 2,
    agentsOnline: 3,
    estimate: null,
    slaMinutes: 15,
    openNow: true,
    openingHours: 'Mon–Fri 09:00–17:00 CET',
    offerEmail: false,
    overdue: false,
    emailLeft: false,
    agentName: null,
    text: 'You are number 2 in the Billing queue.',
    ...extra,
  };
}

describe('formatQueueBanner', () => {
  it("says each fact once: the server's text, and nothing that repeats it", () => {
    const view = formatQueueBanner(status());
    expect(view).toEqual({
      headline: 'You are number 2 in the Billing queue.',
      offerEmail: false,
      emailConfirmation: null,
    });
  });

  it('offers the email form when the server does, and acknowledges the email once saved', () => {
    const offered = formatQueueBanner(status({ agentsOnline: 0, offerEmail: true }));
    expect(offered.offerEmail).toBe(true);
    expect(offered.emailConfirmation).toBeNull();
    const left = formatQueueBanner(status({ agentsOnline: 0, offerEmail: true, emailLeft: true }));
    expect(left.offerEmail).toBe(false);
    expect(left.emailConfirmation).toBe(EMAIL_LEFT_TEXT);
  });

  it('once assigned, only the text that names the agent', () => {
    const view = formatQueueBanner(
      status({
        state: 'assigned',
        agentName: 'Dana',
        position: null,
        emailLeft: true,
        text: 'Dana has joined.',
      }),
    );
    expect(view).toEqual({
      headline: 'Dana has joined.',
      offerEmail: false,
      emailConfirmation: null,
    });
  });

  it('is shown only once a human is involved', () => {
    expect(showQueueBanner(null)).toBe(false);
    expect(showQueueBanner(status({ state: 'bot' }))).toBe(false);
    expect(showQueueBanner(status())).toBe(true);
  });
});
