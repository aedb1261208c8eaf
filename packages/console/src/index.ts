/** @baton/console: the agent console. The browser entry is main.tsx; these are its building blocks. */
export { ConsoleStore, initialState, canReply, MAX_REPLY_LENGTH } from './state/consoleStore';
export type {
  ConsoleDeps,
  ConsoleState,
  ConversationPane,
  Notice,
  ResolveOutcome,
} from './state/consoleStore';
export { createHttpClient } from './connection/http';
export type { ConsoleHttp, FetchLike } from './connection/http';
export { createSocketTransport } from './connection/socketTransport';
export type { AgentTransport, ConnectionStatus } from './connection/transport';
export type { ClientError, Result } from './connection/result';
export { createSessionStore } from './state/sessionStore';
export type { SessionStore, MyConversation } from './state/sessionStore';
