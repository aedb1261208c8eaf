/**
 * The evaluation set (demo/conversations/sample.jsonl) through the real assistant and engine,
 * checked against the promises of issue 3. The labels (`expect`) are written from what each
 * conversation needs, not from what the system does; a miss here is a finding about the
 * knowledge base, the assistant or the policy, never a reason to relax an assertion.
 */
import { readFileSync } from 'node:fs';
import { parsePolicy, type Policy } from '@baton/escalation';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNluAssistant, parseKnowledgeBase, type Assistant } from '../assistant';
import { parseInput, type ConversationInput } from './parseInput';
import {
  DEFAULT_SIMULATION_NOW,
  simulateAll,
  simulateConversation,
  toJsonLine,
  type SimulatedConversation,
} from './simulate';

const demo = new URL('../../../../demo/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, demo), 'utf8');

interface Expectation {
  mustReachHuman: boolean;
  needTurn: number | null;
  informational: boolean;
  /** Turns on which the customer asks for a person (in words or with the button). */
  explicitTurns?: number[];
}

const sampleText = read('conversations/sample.jsonl');
const labels: { id: string; expect: Expectation }[] = sampleText
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; expect: Expectation });

let assistant: Assistant;
let policy: Policy;
let inputs: ConversationInput[];
let results: SimulatedConversation[];
const byId = (id: string) => results.find((r) => r.id === id)!;

function rate(count: number, total: number): string {
  return `${count}/${total} = ${((count / total) * 100).toFixed(1)}%`;
}

function describeTurns(result: SimulatedConversation): string {
  return result.turns
    .map(
      (t) =>
        `t${t.turn} ${t.intent ?? '-'}${t.confidence === null ? '' : `@${t.confidence}`} ` +
        `${t.lane}${t.triggers.length > 0 ? ` [${t.triggers.join(',')}]` : ''}`,
    )
    .join(' | ');
}

beforeAll(async () => {
  assistant = await createNluAssistant(parseKnowledgeBase(read('knowledge-base.yaml')));
  policy = parsePolicy(read('policy.yaml'));
  const parsed = parseInput(sampleText);
  expect(parsed.errors).toEqual([]);
  inputs = parsed.conversations.map((c) => c.conversation);
  results = await simulateAll(inputs, { assistant, policy, now: DEFAULT_SIMULATION_NOW });
});

describe('pnpm simulate over the evaluation set', () => {
  it('writes one result per conversation, in input order', () => {
    expect(results.map((r) => r.id)).toEqual(labels.map((l) => l.id));
    for (const result of results) expect(result.policyVersion).toBe(policy.version);
  });

  it('honours every explicit request on its turn, with no assistant reply after it', () => {
    const failures: string[] = [];
    let requests = 0;
    for (const { id, expect: label } of labels) {
      const result = byId(id);
      // Labelled requests, plus any the engine saw: both must be honoured the same way.
      const seen = result.turns
        .filter((t) => t.triggers.includes('explicit_human_request'))
        .map((t) => t.turn);
      for (const turnNumber of new Set([...(label.explicitTurns ?? []), ...seen])) {
        requests++;
        const turn = result.turns[turnNumber - 1];
        const later = result.turns.slice(turnNumber - 1);
        if (
          !turn ||
          turn.lane !== 'human' ||
          !turn.triggers.includes('explicit_human_request') ||
          later.some((t) => t.assistantReplied) ||
          later.some((t) => t.lane !== 'human')
        ) {
          failures.push(`${id} turn ${turnNumber}: ${describeTurns(result)}`);
        }
      }
    }
    console.log(`explicit requests honoured: ${rate(requests - failures.length, requests)}`);
    expect(requests).toBeGreaterThanOrEqual(labels.filter((l) => l.expect.explicitTurns).length);
    expect(failures).toEqual([]);
  });

  it('brings at least 95% of the conversations that need a person out of autonomy in time', () => {
    const needing = labels.filter((l) => l.expect.mustReachHuman);
    const missed = needing
      .map(({ id, expect: label }) => ({ result: byId(id), label }))
      .filter(
        ({ result, label }) =>
          result.lane === 'autonomous' ||
          result.escalatedAtTurn === null ||
          (label.needTurn !== null && result.escalatedAtTurn > label.needTurn),
      )
      .map(
        ({ result, label }) =>
          `${result.id} (need by turn ${label.needTurn}): ${describeTurns(result)}`,
      );
    const reachedHumanLane = needing.filter((l) => byId(l.id).lane === 'human').length;
    console.log(
      `must reach a person, escalated by the needed turn: ${rate(needing.length - missed.length, needing.length)}` +
        ` (human lane: ${rate(reachedHumanLane, needing.length)})` +
        (missed.length > 0 ? `\n  missed:\n  ${missed.join('\n  ')}` : ''),
    );
    expect(needing.length).toBeGreaterThan(0);
    expect((needing.length - missed.length) / needing.length).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps at least 90% of the purely informational conversations autonomous', () => {
    const informational = labels.filter((l) => l.expect.informational);
    const escalated = informational
      .map(({ id }) => byId(id))
      .filter((result) => result.lane !== 'autonomous')
      .map((result) => `${result.id}: ${describeTurns(result)}`);
    console.log(
      `informational conversations that left the autonomous lane: ${rate(escalated.length, informational.length)}` +
        (escalated.length > 0 ? `\n  ${escalated.join('\n  ')}` : ''),
    );
    expect(informational.length).toBeGreaterThan(0);
    expect(escalated.length / informational.length).toBeLessThanOrEqual(0.1);
  });

  it('is deterministic: the same input gives the same output, even with a new assistant', async () => {
    const again = await simulateAll(inputs, { assistant, policy, now: DEFAULT_SIMULATION_NOW });
    expect(again.map(toJsonLine)).toEqual(results.map(toJsonLine));
    const retrained = await createNluAssistant(parseKnowledgeBase(read('knowledge-base.yaml')));
    const fresh = await simulateAll(inputs, {
      assistant: retrained,
      policy,
      now: DEFAULT_SIMULATION_NOW,
    });
    expect(fresh.map(toJsonLine)).toEqual(results.map(toJsonLine));
  });
});

describe('simulateConversation', () => {
  const now = DEFAULT_SIMULATION_NOW;

  it('prints the output shape of issue 3, with the button as a turn without an intent', async () => {
    const result = await simulateConversation(
      {
        id: 'c1',
        context: { orders: [{ id: 'A100', total: 129, currency: 'USD', status: 'delivered' }] },
        messages: [{ kind: 'text', text: 'where is my order?' }, { kind: 'button' }],
      },
      { assistant, policy, now },
    );
    expect(Object.keys(result)).toEqual([
      'id',
      'lane',
      'unit',
      'tier',
      'triggers',
      'queue',
      'escalatedAtTurn',
      'policyVersion',
      'turns',
    ]);
    expect(result).toMatchObject({
      id: 'c1',
      lane: 'human',
      unit: 'conversation',
      triggers: ['explicit_human_request'],
      queue: 'general',
      escalatedAtTurn: 2,
      policyVersion: policy.version,
    });
    expect(result.turns[0]).toMatchObject({
      turn: 1,
      intent: 'order_status',
      lane: 'autonomous',
      triggers: [],
      assistantReplied: true,
    });
    expect(Object.keys(result.turns[0]!)).toEqual([
      'turn',
      'intent',
      'confidence',
      'lane',
      'triggers',
      'assistantReplied',
    ]);
    expect(result.turns[1]).toEqual({
      turn: 2,
      intent: null,
      confidence: null,
      lane: 'human',
      triggers: ['explicit_human_request'],
      assistantReplied: false,
    });
  });

  it('keeps the assistant silent once a person owns the conversation', async () => {
    let calls = 0;
    const counting: Assistant = {
      name: 'counting',
      propose: (input) => {
        calls++;
        return assistant.propose(input);
      },
    };
    const result = await simulateConversation(
      {
        id: 'c2',
        context: {},
        messages: [
          { kind: 'button' },
          { kind: 'text', text: 'hello?' },
          { kind: 'text', text: 'where is my order' },
        ],
      },
      { assistant: counting, policy, now },
    );
    expect(calls).toBe(0);
    expect(result.turns.map((t) => [t.lane, t.triggers, t.assistantReplied])).toEqual([
      ['human', ['explicit_human_request'], false],
      ['human', [], false],
      ['human', [], false],
    ]);
    expect(result.escalatedAtTurn).toBe(1);
  });

  it('reports an autonomous conversation with tier 1 and no unit or queue', async () => {
    const result = await simulateConversation(
      { id: 'c3', context: {}, messages: [{ kind: 'text', text: 'what are your opening hours' }] },
      { assistant, policy, now },
    );
    expect(result).toMatchObject({
      lane: 'autonomous',
      unit: null,
      tier: 1,
      queue: null,
      escalatedAtTurn: null,
      triggers: [],
    });
    expect(result.turns[0]!.assistantReplied).toBe(true);
  });

  it('classifies recent contacts with the assistant and passes them to the engine', async () => {
    const seen: string[] = [];
    const recording: Assistant = {
      name: 'recording',
      propose: (input) => {
        seen.push(input.text);
        return assistant.propose(input);
      },
    };
    const result = await simulateConversation(
      {
        id: 'c4',
        context: {
          recentContacts: [
            { daysAgo: 1, text: 'when will I get my refund?' },
            { daysAgo: 3, text: 'still waiting for my refund' },
          ],
        },
        messages: [{ kind: 'text', text: 'has my refund been processed yet?' }],
      },
      { assistant: recording, policy, now },
    );
    expect(seen).toEqual([
      'when will I get my refund?',
      'still waiting for my refund',
      'has my refund been processed yet?',
    ]);
    expect(result.triggers).toContain('repeat_contact');
  });
});
