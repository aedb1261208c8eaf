import type {
  AgentLoginResult,
  AuditSample,
  AuditVerdict,
  ChatMessage,
  DecisionSummary,
  Scorecard,
  ScorecardDimension,
  UploadedAttachment,
} from '@baton/shared';
import { failure, type ClientErrorCode, type Result } from './result';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export const LOGIN_PATH = '/api/agent/login';
export const LOGOUT_PATH = '/api/agent/logout';

/** The console's HTTP calls: sign in and out, and the full transcript behind the packet's link. */
export interface ConsoleHttp {
  login(email: string, password: string): Promise<Result<AgentLoginResult>>;
  /** Ends the session on the server: the token stops working and its sockets close. */
  logout(token: string): Promise<Result<Record<string, never>>>;
  fetchTranscript(url: string, token: string): Promise<Result<{ messages: ChatMessage[] }>>;
  /** The escalation scorecard over [from, to), broken down `by` a dimension. */
  fetchScorecard(token: string, query: ScorecardRequest): Promise<Result<Scorecard>>;
  /** The same scorecard as CSV text. */
  fetchScorecardCsv(token: string, query: ScorecardRequest): Promise<Result<string>>;
  /** Audits of conversations the assistant handled alone, in the agent's queues. */
  fetchAudits(token: string, pendingOnly: boolean): Promise<Result<{ audits: AuditSample[] }>>;
  fetchAudit(token: string, conversationId: string): Promise<Result<AuditDetail>>;
  submitVerdict(
    token: string,
    conversationId: string,
    verdict: { verdict: AuditVerdict; note?: string },
  ): Promise<Result<unknown>>;
  /** Uploads an image or PDF to a conversation the agent owns; its id goes with a reply. */
  uploadAttachment(
    token: string,
    conversationId: string,
    file: Blob & { name: string },
  ): Promise<Result<UploadedAttachment>>;
  /** An attachment's bytes (the request carries the token, so it cannot be a plain URL). */
  fetchAttachment(token: string, conversationId: string, id: string): Promise<Result<Blob>>;
}

export interface ScorecardRequest {
  from: string;
  to: string;
  by: ScorecardDimension;
  /** Set: the current policy version next to the one before it. */
  compare?: boolean;
}

export interface AuditDetail {
  audit: AuditSample;
  messages: ChatMessage[];
  decisions: DecisionSummary[];
}

const scorecardQuery = (q: ScorecardRequest) =>
  new URLSearchParams({
    from: q.from,
    to: q.to,
    by: q.by,
    ...(q.compare && { compare: 'policyVersion' }),
  }).toString();

const isObject = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null;

export function createHttpClient(fetchImpl: FetchLike): ConsoleHttp {
  async function call<T>(
    url: string,
    init: RequestInit,
    isData: (body: unknown) => body is T,
  ): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetchImpl(url, init);
    } catch (err) {
      console.warn('[baton console] request failed', { url, err });
      return failure('NETWORK', 'Cannot reach the Baton server. Check the connection and retry.');
    }
    const body = await readJson(response);
    if (response.ok && isData(body)) return { ok: true, data: body };
    if (response.ok) {
      console.error('[baton console] unexpected response body', { url, body });
      return failure('INTERNAL', 'The server sent an answer the console does not understand.');
    }
    return { ok: false, error: errorFromBody(response.status, body) };
  }

  return {
    login(email, password) {
      return call(
        LOGIN_PATH,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ email, password }),
        },
        isLoginResult,
      );
    },
    logout(token) {
      return call(
        LOGOUT_PATH,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        },
        (body): body is Record<string, never> => typeof body === 'object' && body !== null,
      );
    },
    fetchTranscript(url, token) {
      return call(url, auth(token), isTranscript);
    },
    fetchScorecard(token, query) {
      return call(
        `/api/agent/scorecard?${scorecardQuery(query)}`,
        auth(token),
        (body): body is Scorecard => isObject(body) && isObject(body.overall),
      );
    },
    async fetchScorecardCsv(token, query) {
      let response: Response;
      try {
        response = await fetchImpl(`/api/agent/scorecard.csv?${scorecardQuery(query)}`, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/csv' },
        });
      } catch {
        return failure('NETWORK', 'Cannot reach the Baton server. Check the connection and retry.');
      }
      if (response.ok) return { ok: true, data: await response.text() };
      return { ok: false, error: errorFromBody(response.status, await readJson(response)) };
    },
    fetchAudits(token, pendingOnly) {
      return call(
        `/api/agent/audits?status=${pendingOnly ? 'pending' : 'all'}`,
        auth(token),
        (body): body is { audits: AuditSample[] } => isObject(body) && Array.isArray(body.audits),
      );
    },
    fetchAudit(token, conversationId) {
      return call(
        `/api/agent/audits/${encodeURIComponent(conversationId)}`,
        auth(token),
        (body): body is AuditDetail => isObject(body) && Array.isArray(body.messages),
      );
    },
    uploadAttachment(token, conversationId, file) {
      return call(
        `${attachmentsPath(conversationId)}?name=${encodeURIComponent(file.name)}`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          body: file,
        },
        (body): body is UploadedAttachment => isObject(body) && typeof body.id === 'string',
      );
    },
    async fetchAttachment(token, conversationId, id) {
      let response: Response;
      try {
        response = await fetchImpl(`${attachmentsPath(conversationId)}/${encodeURIComponent(id)}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
      } catch {
        return failure('NETWORK', 'Cannot reach the Baton server. Check the connection and retry.');
      }
      if (response.ok) return { ok: true, data: await response.blob() };
      return { ok: false, error: errorFromBody(response.status, await readJson(response)) };
    },
    submitVerdict(token, conversationId, verdict) {
      return call(
        `/api/agent/audits/${encodeURIComponent(conversationId)}`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
          },
          body: JSON.stringify(verdict),
        },
        (body): body is unknown => isObject(body),
      );
    },
  };
}

const attachmentsPath = (conversationId: string) =>
  `/api/conversations/${encodeURIComponent(conversationId)}/attachments`;

const auth = (token: string): RequestInit => ({
  headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
});

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch((err: unknown) => {
    console.warn('[baton console] could not read response body', err);
    return '';
  });
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status code still tells what happened.
    return null;
  }
}

/** Turns `{ error: { code, message } }` (or anything else) into a ClientError. */
export function errorFromBody(
  status: number,
  body: unknown,
): { code: ClientErrorCode; message: string } {
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? (error.code as ClientErrorCode)
      : undefined;
  const message =
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
      ? error.message
      : undefined;
  if (status === 401) return { code: 'UNAUTHORIZED', message: message ?? 'Not signed in.' };
  return {
    code: code ?? (status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'INTERNAL'),
    message: message ?? `The server answered HTTP ${status}.`,
  };
}

function isLoginResult(body: unknown): body is AgentLoginResult {
  if (typeof body !== 'object' || body === null) return false;
  const { token, agent } = body as Partial<AgentLoginResult>;
  return (
    typeof token === 'string' &&
    typeof agent === 'object' &&
    agent !== null &&
    typeof agent.id === 'string' &&
    typeof agent.name === 'string'
  );
}

function isTranscript(body: unknown): body is { messages: ChatMessage[] } {
  return (
    typeof body === 'object' &&
    body !== null &&
    'messages' in body &&
    Array.isArray((body as { messages: unknown }).messages)
  );
}
