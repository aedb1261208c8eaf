import type { QueueStatus } from '@baton/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n';
import { en } from '../i18n/en';
import { formatQueueBanner, showQueueBanner } from './queueBanner';

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
    notice: {
      code: 'status_queued',
      params: {
        team: 'Billing',
        position: 2,
        passedBy: 0,
        online: 3,
        openNow: true,
        hours: null,
        emailLeft: false,
        overdue: false,
        slaMinutes: 15,
        minutes: null,
        samples: null,
        exceedsSla: false,
      },
    },
    ...extra,
  };
}

describe('formatQueueBanner', () => {
  afterEach(() => useLanguage('en'));

  it("says each fact once: in English the server's text, and nothing that repeats it", () => {
    const view = formatQueueBanner(status());
    expect(view).toEqual({
      headline: 'You are number 2 in the Billing queue.',
      offerEmail: false,
      emailConfirmation: null,
    });
  });

  it("renders the notice in the customer's language, and the server's text for a code it does not know", async () => {
    await useLanguage('de');
    const german = formatQueueBanner(status()).headline;
    expect(german).not.toMatch(/queue/);
    expect(german).toContain('Billing');
    expect(german).toMatch(/2/); // the place
    expect(german).toMatch(/3/); // who is online
    const assigned = status({
      state: 'assigned',
      agentName: 'Dana',
      notice: { code: 'status_assigned', params: { agent: 'Dana', team: 'Billing' } },
    });
    expect(formatQueueBanner(assigned).headline).toMatch(/Dana.*Billing|Billing.*Dana/);
    const unknown = status({ notice: { code: 'from_a_newer_server', params: {} } as never });
    expect(formatQueueBanner(unknown).headline).toBe('You are number 2 in the Billing queue.');
  });

  it('offers the email form when the server does, and acknowledges the email once saved', () => {
    const offered = formatQueueBanner(status({ agentsOnline: 0, offerEmail: true }));
    expect(offered.offerEmail).toBe(true);
    expect(offered.emailConfirmation).toBeNull();
    const left = formatQueueBanner(status({ agentsOnline: 0, offerEmail: true, emailLeft: true }));
    expect(left.offerEmail).toBe(false);
    expect(left.emailConfirmation).toBe(en.emailSaved);
  });

  it('once assigned, only the text that names the agent', () => {
    const view = formatQueueBanner(
      status({
        state: 'assigned',
        agentName: 'Dana',
        position: null,
        emailLeft: true,
        text: 'Dana has joined.',
        notice: { code: 'status_assigned', params: { agent: 'Dana', team: 'Billing' } },
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
