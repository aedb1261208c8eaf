/**
 * A tiny OpenAI-protocol chat-completions server on node:http, for testing the LLM adapter end
 * to end. It checks each request as a real server would (path, method, content type, bearer
 * key, JSON body, model, messages, response_format) and rejects a bad one with the status a real
 * server uses; a test says how it answers a good one.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  model: string;
  messages: ChatMessage[];
  body: Record<string, unknown>;
  /** The user message parsed as the adapter's JSON document (customerMessage, …). */
  user: { customerMessage: string; earlierMessages: unknown[]; customerContext: unknown };
}

export type FakeReply =
  /** A normal completion whose content is this value as JSON (what a model in JSON mode says). */
  | { output: unknown; delayMs?: number }
  /** A completion with this exact content (malformed JSON, prose, …). */
  | { content: string; finishReason?: string; delayMs?: number }
  /** An OpenAI-style refusal (structured-output models) or a content-filter stop. */
  | { refusal: string | null; finishReason?: string }
  /** An error status with an OpenAI-style error body. */
  | { status: number; message?: string };

export interface FakeOpenAi {
  /** Base URL including /v1, as BATON_LLM_URL would be. */
  url: string;
  model: string;
  apiKey: string;
  /** Every well-formed request, in order. */
  requests: CompletionRequest[];
  /** Requests rejected as malformed by the fake, with why (a test expects none). */
  rejected: { status: number; reason: string }[];
  /** How the next requests are answered. */
  respond(handler: (request: CompletionRequest) => FakeReply): void;
  close(): Promise<void>;
}

const ROLES = new Set(['system', 'user', 'assistant']);
const FORMATS = new Set(['text', 'json_object', 'json_schema']);

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Why a request is malformed (status, reason), or the parsed request. */
function check(
  req: IncomingMessage,
  raw: string,
  model: string,
  apiKey: string,
): { status: number; reason: string } | CompletionRequest {
  if (req.url !== '/v1/chat/completions') return { status: 404, reason: `no route ${req.url}` };
  if (req.method !== 'POST') return { status: 405, reason: `method ${req.method}` };
  if (req.headers.authorization !== `Bearer ${apiKey}`) {
    return { status: 401, reason: 'missing or wrong bearer key' };
  }
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return { status: 415, reason: `content-type ${req.headers['content-type']}` };
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { status: 400, reason: 'body is not JSON' };
  }
  if (body.model !== model) return { status: 404, reason: `model ${String(body.model)}` };
  const messages = body.messages;
  if (
    !Array.isArray(messages) ||
    messages.length === 0 ||
    !messages.every(
      (m: { role?: unknown; content?: unknown }) =>
        typeof m === 'object' &&
        m !== null &&
        ROLES.has(m.role as string) &&
        typeof m.content === 'string',
    )
  ) {
    return { status: 400, reason: 'messages must be a non-empty array of {role, content}' };
  }
  const format = body.response_format as { type?: unknown } | undefined;
  if (format !== undefined && !FORMATS.has(format?.type as string)) {
    return { status: 400, reason: 'bad response_format' };
  }
  if (body.stream === true) return { status: 400, reason: 'the fake does not stream' };
  const typed = messages as ChatMessage[];
  const lastUser = [...typed].reverse().find((m) => m.role === 'user');
  let user: CompletionRequest['user'];
  try {
    user = JSON.parse(lastUser?.content ?? '') as CompletionRequest['user'];
  } catch {
    return { status: 400, reason: 'the adapter sends the conversation as a JSON user message' };
  }
  return { model, messages: typed, body, user };
}

function completion(model: string, message: object, finishReason: string) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export async function startFakeOpenAi(
  options: { model?: string; apiKey?: string } = {},
): Promise<FakeOpenAi> {
  const model = options.model ?? 'fake-model';
  const apiKey = options.apiKey ?? 'sk-test-key';
  const requests: CompletionRequest[] = [];
  const rejected: { status: number; reason: string }[] = [];
  let handler: (request: CompletionRequest) => FakeReply = () => ({ status: 503 });

  const server = createServer((req, res) => {
    void (async () => {
      const checked = check(req, await readBody(req), model, apiKey);
      if (!('messages' in checked)) {
        rejected.push(checked);
        send(res, checked.status, { error: { message: checked.reason, type: 'invalid_request' } });
        return;
      }
      requests.push(checked);
      const reply = handler(checked);
      if ('delayMs' in reply && reply.delayMs) {
        await new Promise((r) => setTimeout(r, reply.delayMs));
        if (res.destroyed) return;
      }
      if ('status' in reply) {
        send(res, reply.status, { error: { message: reply.message ?? 'error', type: 'server' } });
      } else if ('refusal' in reply) {
        send(
          res,
          200,
          completion(
            model,
            { content: null, refusal: reply.refusal },
            reply.finishReason ?? 'stop',
          ),
        );
      } else {
        const content = 'output' in reply ? JSON.stringify(reply.output) : reply.content;
        const finish = 'finishReason' in reply ? (reply.finishReason ?? 'stop') : 'stop';
        send(res, 200, completion(model, { content, refusal: null }, finish));
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { message: String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    model,
    apiKey,
    requests,
    rejected,
    respond(next) {
      handler = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
