/** Time formatting for the queue list: wait time and the countdown to the first-response SLA. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/** A compact duration: "45s", "4m 05s", "1h 02m", "2d 3h". Negative input is treated as its size. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs)) return '—';
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)}s`;
  if (abs < HOUR)
    return `${Math.floor(abs / MINUTE)}m ${pad(Math.floor((abs % MINUTE) / SECOND))}s`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)}h ${pad(Math.floor((abs % HOUR) / MINUTE))}m`;
  return `${Math.floor(abs / DAY)}d ${Math.floor((abs % DAY) / HOUR)}h`;
}

export type SlaLevel = 'ok' | 'warning' | 'breached' | 'unknown';

export interface SlaCountdown {
  /** Milliseconds until the deadline; negative once it has passed. */
  remainingMs: number;
  level: SlaLevel;
  /** "4m 05s left", "overdue by 1m 10s". */
  label: string;
}

/** Below this share of the whole SLA window (or two minutes, whichever is larger) it turns amber. */
const WARNING_SHARE = 0.25;
const WARNING_FLOOR_MS = 2 * MINUTE;

export function slaCountdown(enqueuedAt: string, slaDeadline: string, now: number): SlaCountdown {
  const deadline = Date.parse(slaDeadline);
  if (Number.isNaN(deadline)) return { remainingMs: NaN, level: 'unknown', label: 'no SLA' };
  const remainingMs = deadline - now;
  if (remainingMs <= 0) {
    return { remainingMs, level: 'breached', label: `overdue by ${formatDuration(remainingMs)}` };
  }
  const start = Date.parse(enqueuedAt);
  const window = Number.isNaN(start) ? 0 : deadline - start;
  const warnBelow = Math.max(window * WARNING_SHARE, WARNING_FLOOR_MS);
  return {
    remainingMs,
    level: remainingMs <= warnBelow ? 'warning' : 'ok',
    label: `${formatDuration(remainingMs)} left`,
  };
}

/** How long a conversation has been waiting: "3m 10s"; clock skew never shows a negative wait. */
export function waitedFor(enqueuedAt: string, now: number): string {
  const start = Date.parse(enqueuedAt);
  if (Number.isNaN(start)) return '—';
  return formatDuration(Math.max(0, now - start));
}

/** "14:03" in the agent's locale; the full timestamp goes in a title attribute. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
