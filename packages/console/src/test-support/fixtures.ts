import type {
  AgentProfile,
  AgentServerEvents,
  ChatMessage,
  ConversationDetail,
  DecisionSummary,
  EscalationPacket,
  HeldDraft,
  PendingAction,
  QueueSnapshot,
  WaitingConversation,
} from '@baton/shared';
import type { Result } from '../connection/result';
import type {
  AgentRequest,
  AgentTransport,
  ConnectionStatus,
  RequestPayload,
  ResponseData,
} from '../connection/transport';
import type { KeyValueStorage } from '../state/sessionStore';

/** Test doubles and builders shared by the console's tests. */

export const alex: AgentProfile = {
  id: 'agent-alex',
  name: 'Alex Rivera',
  email: 'alex@northwind.example',
  queues: ['general', 'billing'],
};

export function message(seq: number, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    role: 'customer',
    text: `message ${seq}`,
    authorName: null,
    clientId: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    ...patch,
  };
}

export function packet(patch: Partial<EscalationPacket> = {}): EscalationPacket {
  return {
    conversationId: 'c1',
    lane: 'human',
    unit: 'conversation',
    tier: 3,
    triggers: [
      {
        name: 'policy_boundary',
        reason: 'refund of 250 USD exceeds the assistant limit of 100 USD',
        values: { amount: 250, limit: 100 },
      },
    ],
    summary: 'Customer wants a refund for a damaged blender.',
    intent: { name: 'refund_request', confidence: 0.62 },
    sentiment: { trend: 'worsening', scores: [0, -0.4, -0.8] },
    facts: [],
    context: { customer: { name: 'Dana Kim' } },
    missingContext: [],
    policyReferences: [],
    suggestedQueue: 'billing',
    assistantDidNot: [],
    customerFacingState: [],
    heldDraft: null,
    policyVersion: '2025-01-01.1',
    transcriptUrl: '/api/conversations/c1/transcript',
    createdAt: '2025-01-01T12:00:00.000Z',
    ...patch,
  };
}

export function detail(patch: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: 'c1',
    state: 'queued',
    lane: 'human',
    queue: 'billing',
    drafts: [],
    actions: [],
    decisions: [],
    assignedAgent: null,
    packet: packet(),
    messages: [message(1), message(2, { role: 'assistant' })],
    replyByEmail: null,
    emails: [],
    csat: null,
    ...patch,
  };
}

export function heldDraft(patch: Partial<HeldDraft> = {}): HeldDraft {
  return {
    id: 'd1',
    conversationId: 'c1',
    messageId: 'm1',
    text: 'Your order A100 shipped yesterday.',
    status: 'pending',
    reviewedBy: null,
    createdAt: '2025-01-01T12:00:05.000Z',
    ...patch,
  };
}

export function pendingAction(patch: Partial<PendingAction> = {}): PendingAction {
  return {
    id: 'a1',
    conversationId: 'c1',
    action: 'refund',
    intent: 'refund_request',
    amount: { value: 250, currency: 'USD' },
    reasons: ['refund of 250 USD exceeds the assistant limit of 100 USD'],
    status: 'pending',
    decidedBy: null,
    note: null,
    createdAt: '2025-01-01T12:00:05.000Z',
    ...patch,
  };
}

export function decision(patch: Partial<DecisionSummary> = {}): DecisionSummary {
  return {
    turn: 1,
    lane: 'autonomous',
    unit: null,
    tier: 1,
    triggers: [],
    queue: null,
    policyVersion: '2025-01-01.1',
    shadow: null,
    createdAt: '2025-01-01T12:00:01.000Z',
    ...patch,
  };
}

export function waiting(patch: Partial<WaitingConversation> = {}): WaitingConversation {
  return {
    conversationId: 'c1',
    queue: 'billing',
    lane: 'human',
    unit: 'conversation',
    pendingDrafts: 0,
    pendingActions: 0,
    tier: 3,
    triggers: ['policy_boundary'],
    summary: 'Customer wants a refund for a damaged blender.',
    customerName: 'Dana Kim',
    enqueuedAt: '2025-01-01T12:00:00.000Z',
    slaDeadline: '2025-01-01T12:10:00.000Z',
    replyByEmail: false,
    offeredTo: null,
    ...patch,
  };
}

export function queues(items: WaitingConversation[] = [waiting()]): QueueSnapshot[] {
  return [{ name: 'billing', displayName: 'Billing', agentsOnline: 2, waiting: items }];
}

type Handler<E extends AgentRequest> = (
  payload: RequestPayload<E>,
) => Result<ResponseData<E>> | Promise<Result<ResponseData<E>>>;

/** An AgentTransport driven by the test: scripted acks, pushed server events, status changes. */
export class FakeTransport implements AgentTransport {
  readonly calls: { event: AgentRequest; payload: unknown; timeoutMs: number | undefined }[] = [];
  closed = false;
  private readonly handlers = new Map<AgentRequest, Handler<never>>();
  private readonly listeners = new Map<string, ((event: never) => void)[]>();
  private readonly statusListeners: ((status: ConnectionStatus) => void)[] = [];

  handle<E extends AgentRequest>(event: E, handler: Handler<E>): this {
    this.handlers.set(event, handler as unknown as Handler<never>);
    return this;
  }

  request<E extends AgentRequest>(
    event: E,
    payload: RequestPayload<E>,
    timeoutMs?: number,
  ): Promise<Result<ResponseData<E>>> {
    this.calls.push({ event, payload, timeoutMs });
    const handler = this.handlers.get(event) as Handler<E> | undefined;
    if (!handler) {
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `no ${event}` } });
    }
    return Promise.resolve(handler(payload));
  }

  callsOf(event: AgentRequest) {
    return this.calls.filter((c) => c.event === event);
  }

  on<E extends keyof AgentServerEvents>(event: E, listener: AgentServerEvents[E]): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (event: never) => void);
    this.listeners.set(event, list);
  }

  push<E extends keyof AgentServerEvents>(event: E, payload: Parameters<AgentServerEvents[E]>[0]) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload as never);
  }

  onStatus(listener: (status: ConnectionStatus) => void): void {
    this.statusListeners.push(listener);
  }

  setStatus(status: ConnectionStatus) {
    for (const listener of this.statusListeners) listener(status);
  }

  reconnect(): void {
    this.setStatus('connecting');
  }

  close(): void {
    this.closed = true;
  }
}

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
