import type { OpeningHours } from '../config/deployment';

const DAY_LABEL: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
const ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Whether `now` falls inside the opening hours, evaluated in the queue's own time zone. */
export function isOpen(hours: OpeningHours, now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').toLowerCase().slice(0, 3);
  const minutes = Number(get('hour')) * 60 + Number(get('minute'));
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return (
    hours.days.includes(weekday as OpeningHours['days'][number]) &&
    minutes >= toMinutes(hours.open) &&
    minutes < toMinutes(hours.close)
  );
}

/** "Mon–Fri 08:00–20:00 (UTC)"; consecutive days are collapsed into ranges. */
export function formatHours(hours: OpeningHours): string {
  const idx = [...new Set(hours.days)].map((d) => ORDER.indexOf(d)).sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = idx[0]!;
  let prev = start;
  for (const i of [...idx.slice(1), -1]) {
    if (i === prev + 1) {
      prev = i;
      continue;
    }
    const a = DAY_LABEL[ORDER[start]!]!;
    const b = DAY_LABEL[ORDER[prev]!]!;
    ranges.push(start === prev ? a : `${a}–${b}`);
    start = i;
    prev = i;
  }
  const time =
    hours.open === '00:00' && hours.close === '24:00' ? 'all day' : `${hours.open}–${hours.close}`;
  return `${ranges.join(', ')} ${time} (${hours.timezone})`;
}
