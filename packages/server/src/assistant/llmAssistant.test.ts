import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@baton/escalation';
import { planTurn } from '../services/turnPlanner';
import { AssistantError, type AssistantInput, type AssistantProposal } from './assistant';
import { parseKnowledgeBase } from './knowledgeBase';
import { chatCompletionsUrl, createLlmAssistant, llmConfigFromEnv } from './llmAssistant';
import { mapModelOutput, modelOutputSchema, type ModelOutput } from './llmOutput';
import { NOT_UNDERSTOOD_DRAFT } from './replyDraft';

const kb = parseKnowledgeBase(`
version: '1'
store: { name: Test Store }
intents:
  - name: shipping_times
    tier: 1
    domain: shipping
    action: answer
    answer: Orders ship within 2 business days.
    examples: [how long does shipping take]
  - name: refund_request
    tier: 3
    domain: billing
    action: refund
    requires: [orders]
    answer: Our billing team decides refunds under the 30-day policy.
    examples: [I want a refund]
`);

const input = (text: string, context: AssistantInput['context'] = {}): AssistantInput => ({
  text,
  context,
  history: [],
});

function out(overrides: Partial<ModelOutput> = {}): ModelOutput {
  return {
    intent: 'none',
    confidence: 0.3,
    domains: [],
    amount: null,
    language: 'en',
    humanRequest: false,
    reply: '',
    sources: [],
    sentiment: 0,
    missingContext: [],
    ...overrides,
  };
}

function mapped(output: ModelOutput, text = 'hello', context = {}): AssistantProposal {
  const result = mapModelOutput(output, kb, input(text, context));
  if (!result.ok) throw new Error(`unexpected rejection: ${result.reason}`);
  return result.proposal;
}

function rejection(output: ModelOutput, text = 'hello'): string {
  const result = mapModelOutput(output, kb, input(text));
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
}

describe('mapModelOutput', () => {
  it('takes tier, domain and action from the knowledge base, never from the model', () => {
    const p = mapped(
      out({
        intent: 'refund_request',
        confidence: 0.91234,
        reply: 'Our billing team decides refunds under the 30-day policy.',
        sources: ['kb:refund_request'],
        domains: ['Shipping', 'billing', 'astrology'],
      }),
    );
    expect(p.intent).toEqual({
      name: 'refund_request',
      confidence: 0.912,
      tier: 3,
      domain: 'billing',
      action: 'refund',
    });
    // The intent's own domain and unknown domains are dropped; known ones are normalised.
    expect(p.domains).toEqual(['shipping']);
    expect(p.missingContext).toEqual(['orders']);
  });

  it('"none" gives no intent and the honest fallback, never a guessed answer', () => {
    const p = mapped(out());
    expect(p.intent).toBeNull();
    expect(p.replyDraft).toBe(NOT_UNDERSTOOD_DRAFT);
    expect(p.sources).toEqual([]);
  });

  it('an intent with an empty reply falls back to its approved answer', () => {
    const p = mapped(out({ intent: 'shipping_times', confidence: 0.9 }));
    expect(p.replyDraft).toBe('Orders ship within 2 business days.');
    expect(p.sources).toEqual(['kb:shipping_times']);
  });

  it.each([
    [out({ intent: 'issue_refund_now' }), /intent not in the knowledge base/],
    [out({ intent: 'None' }), /intent not in the knowledge base/],
    [
      out({ intent: 'shipping_times', reply: 'Ships soon.', sources: ['kb:free_money'] }),
      /source not in the knowledge base/,
    ],
    [
      out({ intent: 'shipping_times', reply: 'Ships soon.', sources: ['https://evil.example'] }),
      /source not in the knowledge base/,
    ],
    [out({ reply: 'Sure, happy to help!' }), /replied without choosing an intent/],
    [out({ intent: 'shipping_times', reply: 'Ships soon.' }), /cites no knowledge-base answer/],
    [
      out({
        intent: 'refund_request',
        reply: 'Your refund of $900 is on its way.',
        sources: ['kb:refund_request'],
      }),
      /figure not in its sources/,
    ],
  ])('rejects an untrustworthy answer (case %#)', (output, reason) => {
    expect(rejection(output)).toMatch(reason);
  });

  it('figures from the cited answer or the context are allowed', () => {
    const p = mapped(
      out({
        intent: 'shipping_times',
        reply: 'Your order NW-7 (1,299.50 USD) ships within 2 business days.',
        sources: ['kb:shipping_times', 'context.orders[0]'],
      }),
      'when does it ship',
      { orders: [{ id: 'NW-7', total: 1299.5, currency: 'USD' }] },
    );
    expect(p.sources).toEqual(['kb:shipping_times', 'context.orders[0]']);
  });

  it('the model can raise caution but never lower it: the more negative sentiment wins', () => {
    const p = mapped(out({ sentiment: 0.9 }), 'this is terrible, awful, useless service');
    expect(p.sentiment).toBeLessThan(0);
    expect(mapped(out({ sentiment: -0.8 }), 'thanks').sentiment).toBe(-0.8);
  });

  it('passes language and a request for a person through', () => {
    const p = mapped(out({ language: 'es', humanRequest: true }));
    expect(p.language).toBe('es');
    expect(p.humanRequest).toBe(true);
  });
});

describe('modelOutputSchema (strict)', () => {
  it.each([
    ['an extra key', { ...out(), tier: 1 }],
    ['a missing key', (({ sources: _s, ...rest }) => rest)(out())],
    ['confidence above 1', out({ confidence: 1.5 })],
    ['a negative amount', out({ amount: { value: -5, currency: 'USD' } })],
    ['a language name instead of a code', out({ language: 'english' })],
    ['sentiment as text', { ...out(), sentiment: 'negative' }],
  ])('rejects %s', (_label, value) => {
    expect(modelOutputSchema.safeParse(value).success).toBe(false);
  });
});

/** A fetch that answers like an OpenAI-compatible server with this message content. */
function fetchAnswering(content: string | null, extra: Record<string, unknown> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(
      JSON.stringify({
        choices: [{ message: { role: 'assistant', content, ...extra }, finish_reason: 'stop' }],
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('createLlmAssistant', () => {
  const options = { url: 'http://llm.local/v1/', model: 'm', kb, timeoutMs: 1000 };

  it('takes the larger amount: the model cannot understate what the text shows', async () => {
    const { impl, calls } = fetchAnswering(
      JSON.stringify(
        out({
          intent: 'refund_request',
          confidence: 0.95,
          amount: { value: 5, currency: 'USD' },
        }),
      ),
    );
    const assistant = createLlmAssistant({ ...options, apiKey: 'k', fetch: impl });
    const p = await assistant.propose(input('refund the $450 I paid, just call it $5'));
    expect(p.amount).toMatchObject({ value: 450, currency: 'USD' });
    expect(calls[0]!.url).toBe('http://llm.local/v1/chat/completions');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer k');
  });

  it('accepts JSON in a Markdown fence (some local models add one)', async () => {
    const { impl } = fetchAnswering('```json\n' + JSON.stringify(out()) + '\n```');
    const p = await createLlmAssistant({ ...options, fetch: impl }).propose(input('hi'));
    expect(p.intent).toBeNull();
  });

  it('a refusal field is an AssistantError with code refusal', async () => {
    const { impl } = fetchAnswering(null, { refusal: 'no' });
    const error = await createLlmAssistant({ ...options, fetch: impl })
      .propose(input('hi'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssistantError);
    expect((error as AssistantError).code).toBe('refusal');
  });

  it('an unreachable endpoint is a network failure, not a crash', async () => {
    const impl = (() => Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch;
    const error = await createLlmAssistant({ ...options, fetch: impl })
      .propose(input('hi'))
      .catch((e: unknown) => e);
    expect((error as AssistantError).code).toBe('network');
  });
});

describe('configuration', () => {
  it('appends /chat/completions unless the URL already ends with it', () => {
    expect(chatCompletionsUrl('http://localhost:11434/v1')).toBe(
      'http://localhost:11434/v1/chat/completions',
    );
    expect(chatCompletionsUrl('https://x.example/v1/chat/completions/')).toBe(
      'https://x.example/v1/chat/completions',
    );
  });

  it('reads BATON_LLM_* and refuses a half configuration', () => {
    expect(llmConfigFromEnv({})).toBeNull();
    expect(
      llmConfigFromEnv({
        BATON_LLM_URL: 'http://localhost:11434/v1',
        BATON_LLM_MODEL: 'llama3.1',
        BATON_LLM_TIMEOUT_MS: '15000',
      }),
    ).toEqual({ url: 'http://localhost:11434/v1', model: 'llama3.1', timeoutMs: 15000 });
    expect(() => llmConfigFromEnv({ BATON_LLM_URL: 'http://x' })).toThrow(/BATON_LLM_MODEL/);
    expect(() =>
      llmConfigFromEnv({
        BATON_LLM_URL: 'http://x',
        BATON_LLM_MODEL: 'm',
        BATON_LLM_TIMEOUT_MS: '0',
      }),
    ).toThrow(/TIMEOUT/);
  });
});

describe('planTurn with an assistant request for a person', () => {
  const policy = parsePolicy(
    readFileSync(new URL('../../../../demo/policy.yaml', import.meta.url), 'utf8'),
  );
  const plan = (text: string, humanRequest: boolean) =>
    planTurn({
      text,
      proposal: { ...mapped(out()), humanRequest },
      context: {},
      prior: [],
      lane: 'autonomous',
      policy,
      now: new Date('2026-01-01T00:00:00Z'),
    });

  it('adds a request the rules did not see', () => {
    expect(plan('hmm, okay then', false).humanRequest).toBeNull();
    expect(plan('hmm, okay then', true).humanRequest).toEqual({
      source: 'assistant',
      phrase: null,
    });
    expect(plan('hmm, okay then', true).turnLane).toBe('human');
  });

  it("never removes the rules' match", () => {
    const p = plan('I want to talk to a human', false);
    expect(p.humanRequest?.phrase).toBeTruthy();
    expect(p.turnLane).toBe('human');
  });
});
