import type { QueueStatus } from '@baton/shared';

/** Everything the banner shows except what is derived from it here (the email offer, the text). */
export type QueueStatusInput = Omit<QueueStatus, 'offerEmail' | 'text'>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The honest banner: every sentence is backed by a number the server measured or knows. */
export function buildQueueStatus(input: QueueStatusInput): QueueStatus {
  const offerEmail =
    input.state === 'queued' && (input.agentsOnline === 0 || input.overdue) && !input.emailLeft;
  return { ...input, offerEmail, text: statusText(input) };
}

function statusText(s: QueueStatusInput): string {
  const team = s.queueName ?? 'our team';
  switch (s.state) {
    case 'bot':
      return 'You are chatting with our assistant. A person is one click away.';
    case 'resolved':
      return 'This conversation was resolved. Write again any time.';
    case 'assigned':
      // A status, not an announcement: the transcript says once that they joined.
      return `You are chatting with ${s.agentName ?? 'a teammate'} from ${team}.`;
    case 'queued':
      break;
  }
  const place =
    s.position === null ? 'You are in the queue' : `You are number ${s.position} in the queue`;
  if (s.agentsOnline === 0) {
    const hours = s.openingHours ? ` Opening hours: ${s.openingHours}.` : '';
    const closed = s.openNow
      ? `No one from ${team} is online right now.`
      : `${team} is closed right now.`;
    const keep = s.emailLeft
      ? ` We have your email and will reply there; you keep your place.`
      : ` Leave your email and we will reply there — you keep your place.`;
    return `${place} for ${team}. ${closed}${hours}${keep}`;
  }
  const online = `${plural(s.agentsOnline, 'person', 'people')} from ${team} ${s.agentsOnline === 1 ? 'is' : 'are'} online.`;
  if (s.overdue) {
    const target = s.slaMinutes === null ? 'we promised' : `our ${s.slaMinutes}-minute target`;
    const keep = s.emailLeft
      ? 'We have your email and will reply there too; you keep your place.'
      : 'Leave your email and we will reply there — you keep your place.';
    return `${place} for ${team}. ${online} This is taking longer than ${target}, sorry. ${keep}`;
  }
  let wait = 'No estimate yet.';
  if (s.estimate) {
    wait = `Estimated wait about ${plural(s.estimate.minutes, 'minute', 'minutes')} (${s.estimate.basis}).`;
    if (s.estimate.exceedsSla && s.slaMinutes !== null) {
      wait += ` That is longer than our ${s.slaMinutes}-minute target, sorry.`;
    }
  }
  return `${place} for ${team}. ${online} ${wait}`;
}
