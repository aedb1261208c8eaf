import { describe, expect, it } from 'vitest';
import { formatInputError } from '../simulate/parseInput';
import { parseCorpus } from './corpus';

const line = (value: unknown) => JSON.stringify(value);

const full = {
  id: 'es-refund-typos-014',
  language: 'es',
  style: 'typos',
  context: { customer: { id: 'u-1', tier: 'standard', verified: true } },
  messages: [{ role: 'customer', text: 'hola, mi pedido llego roto' }, { action: 'request_human' }],
  expect: {
    explicitTurn: 2,
    mustReachHuman: true,
    needTurn: 2,
    informational: false,
    triggers: ['explicit_human_request', 'explicit_human_request'],
    falseFriend: false,
  },
};

describe('parseCorpus', () => {
  it('reads a line of the eval format: the conversation as simulate reads it, and its labels', () => {
    const { cases, errors } = parseCorpus(`${line(full)}\n`);
    expect(errors).toEqual([]);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.conversation.messages).toEqual([
      { kind: 'text', text: 'hola, mi pedido llego roto' },
      { kind: 'button' },
    ]);
    expect(cases[0]!.labels).toEqual({
      language: 'es',
      style: 'typos',
      explicitTurn: 2,
      mustReachHuman: true,
      needTurn: 2,
      informational: false,
      triggers: ['explicit_human_request'],
      falseFriend: false,
    });
  });

  it('reads the demo sample spelling: no language, explicitTurns, no trigger labels', () => {
    const sample = {
      id: 'legacy',
      messages: [
        { role: 'customer', text: 'hi' },
        { role: 'customer', text: 'agent please' },
      ],
      expect: { mustReachHuman: true, needTurn: 2, informational: false, explicitTurns: [2] },
    };
    const { cases, errors } = parseCorpus(line(sample));
    expect(errors).toEqual([]);
    expect(cases[0]!.labels).toMatchObject({
      language: null,
      explicitTurn: 2,
      triggers: null,
      falseFriend: false,
    });
  });

  it('reports bad lines with their line numbers and keeps the good ones', () => {
    const text = [
      line(full),
      '',
      line({ ...full, id: 'bad-trigger', expect: { triggers: ['made_up'] } }),
      line({ ...full, id: 'past-the-end', expect: { explicitTurn: 3 } }),
      line({ ...full, id: 'both', expect: { mustReachHuman: true, informational: true } }),
      line(full),
      '{not json',
    ].join('\n');
    const { cases, errors } = parseCorpus(text);
    expect(cases.map((c) => c.line)).toEqual([1]);
    const messages = errors.map(formatInputError);
    expect(messages).toEqual([
      expect.stringMatching(/^line 3: expect\.triggers\.0: /),
      'line 4: expect.explicitTurn: turn 3 but the conversation has 2',
      'line 5: expect.informational: a conversation cannot be both mustReachHuman and informational',
      'line 6: id: duplicate of line 1',
      expect.stringMatching(/^line 7: \(json\): not valid JSON/),
    ]);
  });
});
