import { z } from 'zod';
import {
  AssistantError,
  type Assistant,
  type AssistantInput,
  type AssistantProposal,
  type ProposedAmount,
} from './assistant';
import { extractAmount } from './extractAmount';
import type { KnowledgeBase } from './knowledgeBase';
import { mapModelOutput, modelOutputSchema } from './llmOutput';
import { buildSystemPrompt, buildUserMessage } from './llmPrompt';

export const DEFAULT_LLM_TIMEOUT_MS = 8_000;

export interface LlmAssistantOptions {
  /**
   * The OpenAI-compatible API base, e.g. `https://api.openai.com/v1` or Ollama's
   * `http://localhost:11434/v1`: `/chat/completions` is appended. A URL that already ends with
   * `/chat/completions` is used as is.
   */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer …`; local servers usually need none. */
  apiKey?: string;
  kb: KnowledgeBase;
  /** The whole request, body included, must finish within this. */
  timeoutMs: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Send `response_format: {type: 'json_object'}` (default true; turn off for servers without it). */
  jsonMode?: boolean;
}

/** Where the request goes, from BATON_LLM_URL (see {@link LlmAssistantOptions.url}). */
export function chatCompletionsUrl(url: string): string {
  const base = url.trim().replace(/\/+$/, '');
  return base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
}

export interface LlmConfig {
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

/** BATON_LLM_* from an environment; null when BATON_LLM_URL is unset. Throws on a half config. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv): LlmConfig | null {
  const url = env.BATON_LLM_URL?.trim();
  if (!url) return null;
  const model = env.BATON_LLM_MODEL?.trim();
  if (!model) throw new Error('BATON_LLM_URL is set but BATON_LLM_MODEL is not');
  if (!/^https?:\/\//.test(url)) throw new Error(`BATON_LLM_URL must be an http(s) URL: ${url}`);
  const rawTimeout = env.BATON_LLM_TIMEOUT_MS?.trim();
  const timeoutMs = rawTimeout ? Number(rawTimeout) : undefined;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new Error(`BATON_LLM_TIMEOUT_MS must be a positive integer, got ${rawTimeout}`);
  }
  const apiKey = env.BATON_LLM_API_KEY?.trim();
  return {
    url,
    model,
    ...(apiKey && { apiKey }),
    ...(timeoutMs !== undefined && { timeoutMs }),
  };
}

// Providers add fields of their own; only what is read here is checked.
const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
        }),
      }),
    )
    .min(1),
});

const invalid = (reason: string, cause?: unknown) =>
  new AssistantError('invalid_output', reason, cause === undefined ? undefined : { cause });

/** Some local models wrap JSON in a Markdown fence even in JSON mode. */
function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(content);
  return fenced ? fenced[1]! : content;
}

function parseModelJson(content: string): unknown {
  try {
    return JSON.parse(stripFence(content)) as unknown;
  } catch (error) {
    throw invalid('the model did not answer with valid JSON', error);
  }
}

/** Money at stake: the larger of what the model reports and what the text and context show. */
function largerAmount(a: ProposedAmount | null, b: ProposedAmount | null): ProposedAmount | null {
  if (!a || !b) return a ?? b;
  return b.value > a.value ? b : a;
}

/**
 * An assistant backed by any OpenAI-compatible chat-completions endpoint (hosted, vLLM,
 * llama.cpp server, Ollama). The model supplies facts — intent from the knowledge base's list,
 * confidence, amount, language, a request for a person, a reply built from approved answers —
 * and the escalation engine decides as it does for the built-in assistant. Tier, domain and
 * action come from the knowledge base, never from the model. Anything untrustworthy (timeout,
 * HTTP error, refusal, output failing validation) throws {@link AssistantError}, and the turn
 * goes to a person with the reason.
 */
export function createLlmAssistant(options: LlmAssistantOptions): Assistant {
  const { kb, model, timeoutMs } = options;
  if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive integer, got ${timeoutMs}`);
  }
  const endpoint = chatCompletionsUrl(options.url);
  const fetchImpl = options.fetch ?? fetch;
  const systemPrompt = buildSystemPrompt(kb);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
  };

  async function complete(input: AssistantInput): Promise<string> {
    const body = JSON.stringify({
      model,
      messages: [
        { role: 'system', content: systemPrompt },
        { role: 'user', content: buildUserMessage(input) },
      ],
      temperature: 0,
      stream: false,
      ...(options.jsonMode !== false && { response_format: { type: 'json_object' } }),
    });
    let raw: unknown;
    try {
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        headers,
        body,
        // Covers the body as well as the headers: a server that trickles its answer times out too.
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new AssistantError('http', `the model endpoint answered HTTP ${response.status}`);
      }
      const text = await response.text();
      try {
        raw = JSON.parse(text) as unknown;
      } catch (error) {
        throw invalid('the model endpoint did not answer with JSON', error);
      }
    } catch (error) {
      if (error instanceof AssistantError) throw error;
      if (
        error instanceof Error &&
        (error.name === 'TimeoutError' || error.name === 'AbortError')
      ) {
        throw new AssistantError('timeout', `the model did not answer within ${timeoutMs} ms`, {
          cause: error,
        });
      }
      throw new AssistantError('network', 'the model endpoint could not be reached', {
        cause: error,
      });
    }
    const parsed = completionSchema.safeParse(raw);
    if (!parsed.success) throw invalid('the model endpoint answered in an unknown format');
    const choice = parsed.data.choices[0]!;
    if (choice.message.refusal || choice.finish_reason === 'content_filter') {
      throw new AssistantError(
        'refusal',
        choice.message.refusal
          ? `the model refused: ${choice.message.refusal.slice(0, 160)}`
          : 'the model refused (content filter)',
      );
    }
    if (choice.finish_reason === 'length') throw invalid('the model answer was cut off');
    if (!choice.message.content?.trim()) throw invalid('the model answered with no content');
    return choice.message.content;
  }

  return {
    name: 'llm',
    async propose(input: AssistantInput): Promise<AssistantProposal> {
      const content = await complete(input);
      const result = modelOutputSchema.safeParse(parseModelJson(content));
      if (!result.success) {
        const first = result.error.issues[0];
        const where = first?.path.map(String).join('.') || '(root)';
        throw invalid(
          `the model answer does not match the schema (${where}: ${first?.message})`.slice(0, 200),
        );
      }
      const mapped = mapModelOutput(result.data, kb, input);
      if (!mapped.ok) throw invalid(mapped.reason);
      const proposal = mapped.proposal;
      // The model may understate what is at stake (or be talked into it); the text cannot.
      const fromText = extractAmount(input.text, input.context, proposal.intent?.action ?? '');
      return { ...proposal, amount: largerAmount(proposal.amount, fromText) };
    },
  };
}
