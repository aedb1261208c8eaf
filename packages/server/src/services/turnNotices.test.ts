import { englishNotices, renderNotice } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import type { AssistantProposal } from '../assistant';
import { turnNotice, type NoticeInput, type NoticeState } from './turnNotices';

const team = (queue: string | null) => (queue === 'billing' ? 'Billing' : 'Support');
const bot: NoticeState = { state: 'bot', lane: 'autonomous', queue: null };
const queuedAssisted: NoticeState = { state: 'queued', lane: 'assisted', queue: 'general' };
const assignedAssisted: NoticeState = { state: 'assigned', lane: 'assisted', queue: 'billing' };
const queuedHuman = (queue: string): NoticeState => ({ state: 'queued', lane: 'human', queue });
const proposal = { replyDraft: 'draft' } as AssistantProposal;

type Plan = NoticeInput['plan'];
const plan = (p: Partial<Plan>): Plan => ({
  act: 'reply',
  escalates: false,
  humanRequest: null,
  proposal,
  lane: 'autonomous',
  facts: { text: 'hello' } as Plan['facts'],
  ...p,
});
const button = { source: 'button', phrase: null } as const;

describe('turnNotice: what the customer is told, from (before, after, plan)', () => {
  const rows: [string, NoticeState, NoticeState | null, Partial<Plan>, string | null][] = [
    ['an answered turn says nothing', bot, null, { act: 'reply' }, null],
    [
      'a request for a person names the queue it is really in',
      bot,
      queuedHuman('billing'),
      { act: 'silent', escalates: true, humanRequest: button, lane: 'human' },
      'You asked for a person. The assistant has stepped back and you are in the queue for Billing.',
    ],
    [
      'with an agent already there, nobody is told they are "in the queue"',
      assignedAssisted,
      { state: 'assigned', lane: 'human', queue: 'billing' },
      { act: 'silent', escalates: true, humanRequest: button, lane: 'human' },
      'A person from Billing is handling this conversation; the assistant has stepped back.',
    ],
    [
      'an escalation that changed nothing (already in that lane) says nothing',
      queuedHuman('general'),
      null,
      { act: 'silent', escalates: true, humanRequest: button, lane: 'human' },
      null,
    ],
    [
      'the silent human lane says nothing on later turns',
      queuedHuman('general'),
      null,
      { act: 'silent', escalates: false, lane: 'human' },
      null,
    ],
    [
      'the assistant failed: a teammate will reply',
      bot,
      queuedAssisted,
      { act: 'hold_draft', escalates: true, proposal: null, lane: 'assisted' },
      'Our assistant could not answer just now; a teammate from Support will reply here.',
    ],
    [
      'an assisted escalation: the answer is checked first',
      bot,
      queuedAssisted,
      { act: 'hold_draft', escalates: true, lane: 'assisted' },
      'A teammate from Support will check the answer before it is sent to you.',
    ],
    [
      'a further held draft in the assisted lane',
      queuedAssisted,
      null,
      { act: 'hold_draft', escalates: false, lane: 'assisted' },
      'A teammate from Support will check the answer before it is sent to you.',
    ],
    [
      'a human-lane escalation by the rules',
      bot,
      queuedHuman('billing'),
      { act: 'silent', escalates: true, lane: 'human' },
      'This needs a person from Billing. The assistant has stepped back and you are in the queue.',
    ],
    [
      'a held action while the assistant keeps helping',
      bot,
      { state: 'queued', lane: 'autonomous', queue: 'billing' },
      { act: 'hold_action', escalates: true, lane: 'autonomous' },
      'A person from Billing needs to approve this refund; you will see their decision here. Meanwhile the assistant can still help with general questions.',
    ],
    [
      'a held action in the assisted lane does not promise the assistant',
      queuedAssisted,
      null,
      { act: 'hold_action', escalates: true, lane: 'assisted' },
      'A person from Support needs to approve this refund; you will see their decision here.',
    ],
  ];
  it.each(rows)('%s', (_name, before, after, partial, expected) => {
    const n = turnNotice({ before, after, plan: plan(partial), team, actionLabel: 'refund' });
    expect(n && renderNotice(englishNotices, n)).toBe(expected);
  });
});
