import type { AckError, ChatMessage, QueueStatus } from '@baton/shared';
import type { WidgetConfig } from '../../theme/config';
import type { CsatState } from './csat';
import type { OutboxItem } from './outbox';
import type { PeerTyping } from './typing';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'failed';

/** An action in flight (human request, email) and its last error, for inline display. */
export interface RequestState {
  pending: boolean;
  error: { code: string; message: string } | null;
}

export interface WidgetState {
  open: boolean;
  connection: ConnectionState;
  /** Why the session could not start (e.g. unknown site key); nothing works until reload. */
  fatalError: AckError | null;
  conversationId: string | null;
  messages: ChatMessage[];
  outbox: OutboxItem[];
  status: QueueStatus | null;
  /** Assistant / agent messages that arrived while the panel was closed. */
  unread: number;
  human: RequestState;
  email: RequestState;
  /** The transcript-by-email request: in flight, its error, or where it was sent. */
  transcript: RequestState & { sentTo: string | null };
  /** The rating prompt, once a person resolved the conversation; gone when the customer writes again. */
  csat: CsatState | null;
  /** Opened from a reply email's link: the chat carried on here, or the link had expired. */
  resume: 'resumed' | 'expired' | null;
  /** The store's look and words (site.yaml, then `Baton('boot')`). */
  config: WidgetConfig;
  /** The language the panel is shown in (its catalogue is loaded). */
  language: string;
  /** On a phone-narrow page: the open panel is full-screen (the loader says so). */
  narrow: boolean;
  /** The agent typing a reply, while their indicator lasts. */
  agentTyping: PeerTyping | null;
}

export const idle: RequestState = { pending: false, error: null };

export function initialWidgetState(): WidgetState {
  return {
    open: false,
    connection: 'connecting',
    fatalError: null,
    conversationId: null,
    messages: [],
    outbox: [],
    status: null,
    unread: 0,
    human: idle,
    email: idle,
    transcript: { ...idle, sentTo: null },
    csat: null,
    resume: null,
    config: {},
    language: 'en',
    narrow: false,
    agentTyping: null,
  };
}
