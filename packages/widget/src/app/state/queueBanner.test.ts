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
  it("uses the server's text as the headline", () => {
    expect(formatQueueBanner(status()).headline).toBe('You are number 2 in the Billing queue.');
  });

  it('says "no estimate yet" instead of inventing one', () => {
    expect(formatQueueBanner(status()).details).toEqual([
      'Position in queue: 2',
      '3 agents online',
      'No estimate yet',
    ]);
  });

  it('shows a measured estimate, and says when it exceeds the SLA', () => {
    const basis = 'median of 12 recent claims';
    expect(
      formatQueueBanner(
        status({ agentsOnline: 1, estimate: { minutes: 1, basis, exceedsSla: false } }),
      ).details,
    ).toEqual(['Position in queue: 2', '1 agent online', 'Estimated wait: about 1 minute']);
    expect(
      formatQueueBanner(status({ estimate: { minutes: 40, basis, exceedsSla: true } })).details,
    ).toContain('Estimated wait: about 40 minutes — longer than our 15-minute target');
  });

  it('gives the opening hours and the email offer when nobody is online', () => {
    const view = formatQueueBanner(
      status({ agentsOnline: 0, openNow: false, position: 1, offerEmail: true }),
    );
    expect(view.details).toEqual([
      'Position in queue: 1',
      'No agents online right now',
      'No estimate yet',
      'Opening hours: Mon–Fri 09:00–17:00 CET',
    ]);
    expect(view.offerEmail).toBe(true);
    expect(view.emailConfirmation).toBeNull();
  });

  it('hides the form and confirms once the email was left', () => {
    const view = formatQueueBanner(status({ agentsOnline: 0, offerEmail: true, emailLeft: true }));
    expect(view.offerEmail).toBe(false);
    expect(view.emailConfirmation).toBe(EMAIL_LEFT_TEXT);
    expect(EMAIL_LEFT_TEXT).toContain("we'll keep your place");
  });

  it('names the agent once assigned and drops the queue numbers', () => {
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
      details: ['Dana is helping you.'],
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
