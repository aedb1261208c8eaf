import type { WaitEstimate } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { buildQueueStatus, type QueueStatusInput } from './queueStatus';

const HOURS = 'Mon–Fri 08:00–20:00 (UTC)';
const estimate = (minutes: number, exceedsSla = false): WaitEstimate => ({
  minutes,
  basis: 'median wait of the last 7 customers in Billing',
  samples: 7,
  exceedsSla,
});

/** A customer third in the Billing queue with two agents online and no estimate. */
const queued = (over: Partial<QueueStatusInput> = {}): QueueStatusInput => ({
  conversationId: 'c-1',
  state: 'queued',
  queue: 'billing',
  queueName: 'Billing',
  position: 3,
  agentsOnline: 2,
  estimate: null,
  slaMinutes: 10,
  openNow: true,
  openingHours: HOURS,
  emailLeft: false,
  agentName: null,
  overdue: false,
  ...over,
});

describe('buildQueueStatus', () => {
  it('copies the input fields into the status', () => {
    const input = queued({ estimate: estimate(4) });
    expect(buildQueueStatus(input)).toMatchObject(input);
  });

  describe('text per state', () => {
    it('bot', () => {
      expect(buildQueueStatus(queued({ state: 'bot', position: null })).text).toBe(
        'You are chatting with our assistant. A person is one click away.',
      );
    });

    it('resolved', () => {
      expect(buildQueueStatus(queued({ state: 'resolved', position: null })).text).toBe(
        'This conversation was resolved. Write again any time.',
      );
    });

    it('assigned names the agent and the team', () => {
      expect(
        buildQueueStatus(queued({ state: 'assigned', position: null, agentName: 'Ana' })).text,
      ).toBe('You are chatting with Ana from Billing.');
    });

    it('assigned without a known agent or team', () => {
      expect(
        buildQueueStatus(queued({ state: 'assigned', position: null, queueName: null })).text,
      ).toBe('You are chatting with a teammate from our team.');
    });

    it('queued with agents online and no measured wait says "No estimate yet"', () => {
      expect(buildQueueStatus(queued()).text).toBe(
        'You are number 3 in the queue for Billing. 2 people from Billing are online. No estimate yet.',
      );
    });

    it('queued without a known position', () => {
      expect(buildQueueStatus(queued({ position: null })).text).toMatch(
        /^You are in the queue for Billing\. /,
      );
    });

    it('uses the singular for one agent', () => {
      expect(buildQueueStatus(queued({ agentsOnline: 1 })).text).toContain(
        '1 person from Billing is online.',
      );
    });
  });

  describe('wait estimate', () => {
    it('states the measured estimate and its basis instead of "No estimate yet"', () => {
      const { text } = buildQueueStatus(queued({ estimate: estimate(4) }));
      expect(text).toContain(
        'Estimated wait about 4 minutes (median wait of the last 7 customers in Billing).',
      );
      expect(text).not.toContain('No estimate yet');
      expect(text).not.toContain('target');
    });

    it('uses the singular for one minute', () => {
      expect(buildQueueStatus(queued({ estimate: estimate(1) })).text).toContain(
        'Estimated wait about 1 minute (',
      );
    });

    it('says so when the estimate exceeds the SLA', () => {
      const { text } = buildQueueStatus(queued({ estimate: estimate(25, true), slaMinutes: 10 }));
      expect(text).toBe(
        'You are number 3 in the queue for Billing. 2 people from Billing are online. ' +
          'Estimated wait about 25 minutes (median wait of the last 7 customers in Billing). ' +
          'That is longer than our 10-minute target, sorry.',
      );
    });
  });

  describe('nobody online', () => {
    const nobody = (over: Partial<QueueStatusInput> = {}) =>
      buildQueueStatus(queued({ agentsOnline: 0, ...over }));

    it('outside opening hours: says the team is closed, gives the hours and offers email', () => {
      const status = nobody({ openNow: false });
      expect(status.text).toBe(
        'You are number 3 in the queue for Billing. Billing is closed right now. ' +
          `Opening hours: ${HOURS}. Leave your email and we will reply there — you keep your place.`,
      );
      expect(status.offerEmail).toBe(true);
    });

    it('inside opening hours: says nobody is online, gives the hours and offers email', () => {
      const status = nobody({ openNow: true });
      expect(status.text).toBe(
        'You are number 3 in the queue for Billing. No one from Billing is online right now. ' +
          `Opening hours: ${HOURS}. Leave your email and we will reply there — you keep your place.`,
      );
      expect(status.offerEmail).toBe(true);
    });

    it('once the email is left: confirms it instead of asking again', () => {
      const status = nobody({ emailLeft: true });
      expect(status.text).toContain(
        'We have your email and will reply there; you keep your place.',
      );
      expect(status.text).not.toContain('Leave your email');
      expect(status.offerEmail).toBe(false);
    });

    it('omits the opening-hours sentence when the hours are unknown', () => {
      expect(nobody({ openingHours: null }).text).toBe(
        'You are number 3 in the queue for Billing. No one from Billing is online right now. ' +
          'Leave your email and we will reply there — you keep your place.',
      );
    });

    it('does not promise a wait while nobody can serve the queue', () => {
      const { text } = nobody({ estimate: estimate(4) });
      expect(text).not.toContain('Estimated wait');
    });
  });

  describe('offerEmail', () => {
    it('is true only when queued with no agents online and no email left', () => {
      expect(buildQueueStatus(queued({ agentsOnline: 0 })).offerEmail).toBe(true);
    });

    it.each([
      ['agents are online', { agentsOnline: 1 }],
      ['the email was already left', { agentsOnline: 0, emailLeft: true }],
      ['the chat is with the assistant', { state: 'bot', agentsOnline: 0 }],
      ['an agent has the conversation', { state: 'assigned', agentsOnline: 0 }],
      ['the conversation is resolved', { state: 'resolved', agentsOnline: 0 }],
    ] as [string, Partial<QueueStatusInput>][])('is false when %s', (_why, over) => {
      expect(buildQueueStatus(queued(over)).offerEmail).toBe(false);
    });
  });

  it('says honestly when the promised wait has passed, and offers email even with agents online', () => {
    const late = buildQueueStatus(queued({ overdue: true }));
    expect(late.offerEmail).toBe(true);
    expect(late.text).toBe(
      'You are number 3 in the queue for Billing. 2 people from Billing are online. This is ' +
        'taking longer than our 10-minute target, sorry. Leave your email and we will reply ' +
        'there — you keep your place.',
    );
    const withEmail = buildQueueStatus(queued({ overdue: true, emailLeft: true }));
    expect(withEmail.offerEmail).toBe(false);
    expect(withEmail.text).toContain('We have your email and will reply there too');
    expect(buildQueueStatus(queued({ overdue: false })).offerEmail).toBe(false);
  });
});
