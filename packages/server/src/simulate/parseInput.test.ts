import { describe, expect, it } from 'vitest';
import { formatInputError, parseInput } from './parseInput';

describe('parseInput', () => {
  it('reads the example of issue 3, keeping only the customer side', () => {
    const line = JSON.stringify({
      id: 'c1',
      context: {
        customer: { id: 'u1', tier: 'vip', verified: true },
        account: { plan: 'annual', renewalInDays: 21 },
        orders: [{ id: 'A100', total: 129.0, currency: 'USD', status: 'delivered' }],
        recentContacts: [{ daysAgo: 2, text: 'my refund still has not arrived' }],
        systems: { orders: 'ok', billing: 'unavailable' },
      },
      messages: [
        { role: 'customer', text: 'where is my order?' },
        { role: 'assistant', text: 'It left on Monday.' },
        { role: 'customer', action: 'request_human' },
        { action: 'request_human' },
      ],
      expect: { mustReachHuman: true },
    });
    const parsed = parseInput(`${line}\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.conversations).toHaveLength(1);
    const { line: lineNumber, conversation } = parsed.conversations[0]!;
    expect(lineNumber).toBe(1);
    expect(conversation.id).toBe('c1');
    expect(conversation.context.systems).toEqual({ orders: 'ok', billing: 'unavailable' });
    expect(conversation.messages).toEqual([
      { kind: 'text', text: 'where is my order?' },
      { kind: 'button' },
      { kind: 'button' },
    ]);
  });

  it('treats a missing context as empty and skips blank lines', () => {
    const parsed = parseInput(
      `\n{"id":"a","messages":[{"text":"hi"}]}\r\n\n{"id":"b","messages":[{"text":"yo"}]}\n`,
    );
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.conversations.map((c) => [c.line, c.conversation.id, c.conversation.context]),
    ).toEqual([
      [2, 'a', {}],
      [4, 'b', {}],
    ]);
  });

  it('names the line and the field of every problem, and keeps the good lines', () => {
    const parsed = parseInput(
      [
        '{"id":"ok","messages":[{"text":"hi"}]}',
        'not json',
        '["an array"]',
        '{"id":"","messages":[{"text":"  "},{"role":"customer"},{"text":"a","action":"request_human"}]}',
        '{"id":"x","context":{"customer":{"tier":"gold"}},"messages":[{"action":"wave"}]}',
        '{"id":"y","messages":[{"role":"assistant","text":"hello"}]}',
        '{"messages":"hi"}',
      ].join('\n'),
    );
    expect(parsed.conversations.map((c) => c.conversation.id)).toEqual(['ok']);
    const lines = parsed.errors.map(formatInputError);
    expect(lines[0]).toMatch(/^line 2: \(json\): not valid JSON/);
    expect(lines.slice(1)).toEqual([
      'line 3: (root): must be a JSON object, one per line',
      'line 4: id: must not be empty',
      'line 4: messages.0.text: must not be empty',
      'line 4: messages.1.text: a customer message needs text, or "action": "request_human" for the button',
      'line 4: messages.2.action: a customer message has either text or action, not both',
      'line 5: context.customer.tier: expected one of "standard"|"vip"|"enterprise"',
      'line 5: messages.0.action: must be "request_human"',
      'line 6: messages: needs at least one customer message',
      'line 7: id: required',
      'line 7: messages: must be an array of messages',
    ]);
  });
});
