import { describe, expect, it } from 'vitest';
import { formatDuration, slaCountdown, waitedFor } from './time';

const at = (iso: string) => Date.parse(iso);

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [59_999, '59s'],
    [60_000, '1m 00s'],
    [245_000, '4m 05s'],
    [3_720_000, '1h 02m'],
    [(2 * 24 + 3) * 3_600_000, '2d 3h'],
    [-70_000, '1m 10s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('does not print NaN', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('slaCountdown', () => {
  const enqueued = '2025-01-01T12:00:00.000Z';
  const deadline = '2025-01-01T12:10:00.000Z';

  it('counts down while there is plenty of time', () => {
    const sla = slaCountdown(enqueued, deadline, at('2025-01-01T12:01:00.000Z'));
    expect(sla).toEqual({ remainingMs: 540_000, level: 'ok', label: '9m 00s left' });
  });

  it('warns in the last quarter of the window', () => {
    const sla = slaCountdown(enqueued, deadline, at('2025-01-01T12:08:00.000Z'));
    expect(sla.level).toBe('warning');
    expect(sla.label).toBe('2m 00s left');
  });

  it('warns in the last two minutes even for a long window', () => {
    const long = '2025-01-01T14:00:00.000Z';
    expect(slaCountdown(enqueued, long, at('2025-01-01T13:59:00.000Z')).level).toBe('warning');
    expect(slaCountdown(enqueued, long, at('2025-01-01T13:00:00.000Z')).level).toBe('ok');
  });

  it('says how far past the deadline it is', () => {
    const sla = slaCountdown(enqueued, deadline, at('2025-01-01T12:11:10.000Z'));
    expect(sla.level).toBe('breached');
    expect(sla.label).toBe('overdue by 1m 10s');
  });

  it('treats the deadline instant itself as breached', () => {
    expect(slaCountdown(enqueued, deadline, at(deadline)).level).toBe('breached');
  });

  it('copes with a missing deadline', () => {
    expect(slaCountdown(enqueued, 'not a date', 0)).toMatchObject({
      level: 'unknown',
      label: 'no SLA',
    });
  });
});

describe('waitedFor', () => {
  it('measures from the enqueue time', () => {
    expect(waitedFor('2025-01-01T12:00:00.000Z', at('2025-01-01T12:03:10.000Z'))).toBe('3m 10s');
  });

  it('never shows a negative wait when the clocks disagree', () => {
    expect(waitedFor('2025-01-01T12:00:05.000Z', at('2025-01-01T12:00:00.000Z'))).toBe('0s');
  });
});
