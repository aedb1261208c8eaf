import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../config/deployment';
import { formatHours, isOpen } from './openingHours';

const weekdays: OpeningHours['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const at = (iso: string) => new Date(iso);

describe('isOpen', () => {
  const utcOffice: OpeningHours = {
    timezone: 'UTC',
    days: weekdays,
    open: '08:00',
    close: '20:00',
  };

  it.each([
    ['2025-01-06T07:59:00Z', false], // Monday, a minute before opening
    ['2025-01-06T08:00:00Z', true], // opening minute is inside
    ['2025-01-06T13:30:00Z', true],
    ['2025-01-06T19:59:00Z', true], // last open minute
    ['2025-01-06T20:00:00Z', false], // closing minute is outside
    ['2025-01-10T12:00:00Z', true], // Friday
    ['2025-01-11T12:00:00Z', false], // Saturday
    ['2025-01-12T12:00:00Z', false], // Sunday
  ])('UTC Mon–Fri 08:00–20:00 at %s → %s', (iso, expected) => {
    expect(isOpen(utcOffice, at(iso))).toBe(expected);
  });

  describe('Europe/London (evaluated in local time, following daylight saving)', () => {
    const london: OpeningHours = {
      timezone: 'Europe/London',
      days: weekdays,
      open: '09:00',
      close: '17:00',
    };

    it('is open at 09:30 BST, which is 08:30 UTC in summer', () => {
      expect(isOpen(london, at('2025-07-07T08:30:00Z'))).toBe(true);
    });

    it('is closed at 17:30 BST, which is still 16:30 UTC in summer', () => {
      expect(isOpen(london, at('2025-07-07T16:30:00Z'))).toBe(false);
    });

    it('is closed at 08:30 GMT in winter, when London equals UTC', () => {
      expect(isOpen(london, at('2025-01-06T08:30:00Z'))).toBe(false);
      expect(isOpen(london, at('2025-01-06T09:00:00Z'))).toBe(true);
    });
  });

  describe('America/New_York (the local day differs from the UTC day)', () => {
    const evenings: OpeningHours = {
      timezone: 'America/New_York',
      days: weekdays,
      open: '18:00',
      close: '24:00',
    };

    it('is open on Friday 22:00 in New York although it is already Saturday in UTC', () => {
      expect(isOpen(evenings, at('2025-01-11T03:00:00Z'))).toBe(true);
    });

    it('is closed on Sunday 22:00 in New York although it is already Monday in UTC', () => {
      expect(isOpen(evenings, at('2025-01-06T03:00:00Z'))).toBe(false);
    });

    it('is closed on Monday 17:59 in New York (22:59 UTC)', () => {
      expect(isOpen(evenings, at('2025-01-06T22:59:00Z'))).toBe(false);
      expect(isOpen(evenings, at('2025-01-06T23:00:00Z'))).toBe(true);
    });
  });

  describe("a '24:00' close", () => {
    const mondayAllDay: OpeningHours = {
      timezone: 'UTC',
      days: ['mon'],
      open: '00:00',
      close: '24:00',
    };

    it.each([
      ['2025-01-05T23:59:00Z', false], // Sunday's last minute
      ['2025-01-06T00:00:00Z', true], // Monday midnight
      ['2025-01-06T12:00:00Z', true],
      ['2025-01-06T23:59:00Z', true], // Monday's last minute is still open
      ['2025-01-07T00:00:00Z', false], // Tuesday midnight
    ])('Monday 00:00–24:00 at %s → %s', (iso, expected) => {
      expect(isOpen(mondayAllDay, at(iso))).toBe(expected);
    });

    it('keeps the last local minute open in a non-UTC zone', () => {
      const nyMonday: OpeningHours = { ...mondayAllDay, timezone: 'America/New_York' };
      // Monday 23:59 in New York (EST, UTC−5) is Tuesday 04:59 UTC.
      expect(isOpen(nyMonday, at('2025-01-07T04:59:00Z'))).toBe(true);
      // Tuesday 00:00 in New York.
      expect(isOpen(nyMonday, at('2025-01-07T05:00:00Z'))).toBe(false);
    });
  });
});

describe('formatHours', () => {
  it('collapses consecutive days into a range', () => {
    expect(formatHours({ timezone: 'UTC', days: weekdays, open: '08:00', close: '20:00' })).toBe(
      'Mon–Fri 08:00–20:00 (UTC)',
    );
  });

  it("says 'all day' for 00:00–24:00", () => {
    expect(
      formatHours({
        timezone: 'UTC',
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        open: '00:00',
        close: '24:00',
      }),
    ).toBe('Mon–Sun all day (UTC)');
  });

  it("does not say 'all day' when only one end is midnight", () => {
    expect(formatHours({ timezone: 'UTC', days: ['sat'], open: '00:00', close: '12:00' })).toBe(
      'Sat 00:00–12:00 (UTC)',
    );
    expect(formatHours({ timezone: 'UTC', days: ['sat'], open: '12:00', close: '24:00' })).toBe(
      'Sat 12:00–24:00 (UTC)',
    );
  });

  it('lists non-consecutive days separately', () => {
    expect(
      formatHours({
        timezone: 'Europe/London',
        days: ['mon', 'wed', 'fri'],
        open: '09:00',
        close: '17:00',
      }),
    ).toBe('Mon, Wed, Fri 09:00–17:00 (Europe/London)');
  });

  it('mixes ranges and single days', () => {
    expect(
      formatHours({
        timezone: 'America/New_York',
        days: ['mon', 'tue', 'thu', 'fri', 'sat', 'sun'],
        open: '10:00',
        close: '18:00',
      }),
    ).toBe('Mon–Tue, Thu–Sun 10:00–18:00 (America/New_York)');
    expect(
      formatHours({
        timezone: 'UTC',
        days: ['mon', 'tue', 'thu', 'sun'],
        open: '10:00',
        close: '18:00',
      }),
    ).toBe('Mon–Tue, Thu, Sun 10:00–18:00 (UTC)');
  });

  it('orders days Monday first and ignores duplicates', () => {
    expect(
      formatHours({
        timezone: 'UTC',
        days: ['fri', 'mon', 'wed', 'tue', 'mon', 'thu'],
        open: '08:00',
        close: '20:00',
      }),
    ).toBe('Mon–Fri 08:00–20:00 (UTC)');
  });
});
