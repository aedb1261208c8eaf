/**
 * What Baton tells the customer about the conversation itself (someone joined, the queue, a
 * held action), sent as a code plus parameters so each client renders it in its reader's
 * language. The English renderer here writes the stored `text` (for the console, emails and
 * older clients) and is the widget's English catalogue for them. Pure: no schemas, no I/O, so
 * the widget can import it (`@baton/shared/notices`) without pulling in zod.
 */

/** The queue banner's facts, as measured (see QueueStatus). */
export interface QueueFacts {
  team: string;
  position: number | null;
  online: number;
  openNow: boolean;
  hours: string | null;
  emailLeft: boolean;
  overdue: boolean;
  slaMinutes: number | null;
  /**
   * Conversations that came in after this one but wait ahead of it (an earlier deadline: more
   * urgent), so a customer who moved back is told why.
   */
  passedBy: number;
  /** The measured estimate (median of `samples` recent waits), or null: too few to say. */
  minutes: number | null;
  samples: number | null;
  exceedsSla: boolean;
}

/** Each notice code and its parameters. `team` is a queue's display name, `agent` a person's. */
export interface NoticeParams {
  /** The customer's own message when they pressed *Talk to a human* (role `customer`). */
  human_button: Record<string, never>;
  // Messages in the transcript (role `system`).
  agent_joined: { agent: string };
  resolved: { agent: string };
  email_left: { email: string };
  action_approved: { agent: string; action: string };
  action_denied: { agent: string; action: string; note: string | null };
  approval_needed: { team: string; action: string; assistantContinues: boolean };
  draft_review: { team: string };
  person_handling: { team: string };
  human_requested: { team: string };
  assistant_failed: { team: string };
  turn_failed: { team: string };
  needs_person: { team: string };
  sla_breach: { team: string; emailLeft: boolean };
  // The queue banner (QueueStatus.notice).
  status_bot: Record<string, never>;
  status_resolved: Record<string, never>;
  status_assigned: { agent: string | null; team: string };
  status_queued: QueueFacts;
}

export type NoticeCode = keyof NoticeParams;
export type Notice = { [C in NoticeCode]: { code: C; params: NoticeParams[C] } }[NoticeCode];

/** A catalogue of notices: one function per code. */
export type NoticeTexts = { [C in NoticeCode]: (p: NoticeParams[C]) => string };

/** Builds a notice (typed by its code). */
export const notice = <C extends NoticeCode>(code: C, params: NoticeParams[C]): Notice =>
  ({ code, params }) as Notice;

/** Renders a notice with a catalogue; null for a code it does not know (a newer server). */
export function renderNotice(
  texts: NoticeTexts,
  n: { code: string; params: unknown },
): string | null {
  const render = (texts as Record<string, ((p: unknown) => string) | undefined>)[n.code];
  return render ? render(n.params ?? {}) : null;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const englishNotices: NoticeTexts = {
  human_button: () => 'Talk to a human',
  agent_joined: (p) => `${p.agent} joined the conversation.`,
  resolved: (p) => `${p.agent} marked the conversation as resolved.`,
  email_left: (p) => `We will reply to ${p.email} and you keep your place in the queue.`,
  action_approved: (p) => `${p.agent} approved your ${p.action} request.`,
  action_denied: (p) =>
    `${p.agent} reviewed your ${p.action} request and could not approve it` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `A person from ${p.team} needs to approve this ${p.action}; you will see their decision here.` +
    (p.assistantContinues ? ' Meanwhile the assistant can still help with general questions.' : ''),
  draft_review: (p) => `A teammate from ${p.team} will check the answer before it is sent to you.`,
  person_handling: (p) =>
    `A person from ${p.team} is handling this conversation; the assistant has stepped back.`,
  human_requested: (p) =>
    `You asked for a person. The assistant has stepped back and you are in the queue for ${p.team}.`,
  assistant_failed: (p) =>
    `Our assistant could not answer just now; a teammate from ${p.team} will reply here.`,
  turn_failed: (p) =>
    `Something went wrong on our side with your last message; a teammate from ${p.team} will reply here.`,
  needs_person: (p) =>
    `This needs a person from ${p.team}. The assistant has stepped back and you are in the queue.`,
  sla_breach: (p) =>
    p.emailLeft
      ? `This is taking longer than we promised, sorry. You are still in the queue for ${p.team}, and we will also reply to the email you left.`
      : `This is taking longer than we promised, sorry. You are still in the queue for ${p.team}; if you would rather not wait, leave your email and we will reply there.`,
  status_bot: () => 'You are chatting with our assistant. A person is one click away.',
  status_resolved: () => 'This conversation was resolved. Write again any time.',
  // A status, not an announcement: the transcript says once that they joined.
  status_assigned: (p) => `You are chatting with ${p.agent ?? 'a teammate'} from ${p.team}.`,
  status_queued: (s) => {
    const passed =
      s.passedBy === 0
        ? ''
        : s.passedBy === 1
          ? ' A more urgent conversation that came in after yours is ahead of you.'
          : ` ${s.passedBy} more urgent conversations that came in after yours are ahead of you.`;
    const place = `${s.position === null ? 'You are in the queue' : `You are number ${s.position} in the queue`} for ${s.team}.${passed}`;
    if (s.online === 0) {
      const closed = s.openNow
        ? `No one from ${s.team} is online right now.`
        : `${s.team} is closed right now.`;
      const hours = s.hours ? ` Opening hours: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'We have your email and will reply there; you keep your place.'
        : 'Leave your email and we will reply there — you keep your place.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online = `${count(s.online, 'person', 'people')} from ${s.team} ${s.online === 1 ? 'is' : 'are'} online.`;
    if (s.overdue) {
      const target = s.slaMinutes === null ? 'we promised' : `our ${s.slaMinutes}-minute target`;
      const keep = s.emailLeft
        ? 'We have your email and will reply there too; you keep your place.'
        : 'Leave your email and we will reply there — you keep your place.';
      return `${place} ${online} This is taking longer than ${target}, sorry. ${keep}`;
    }
    let wait = 'No estimate yet.';
    if (s.minutes !== null) {
      wait = `Estimated wait about ${count(s.minutes, 'minute', 'minutes')} (median wait of the last ${s.samples} customers in ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` That is longer than our ${s.slaMinutes}-minute target, sorry.`;
    }
    return `${place} ${online} ${wait}`;
  },
};
