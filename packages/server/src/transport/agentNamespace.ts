import {
  actionDecisionSchema,
  agentMessageSchema,
  draftReviewSchema,
  conversationRefSchema,
  ErrorCode,
  isBatonError,
  presenceSchema,
  resolveSchema,
  type AgentClientEvents,
  type AgentServerEvents,
} from '@baton/shared';
import { z } from 'zod';
import type { Namespace } from 'socket.io';
import { profileOf, type Agent, type AgentService, type TaskTracker } from '../services';
import { bindEvent, type Logger } from './handler';
import type { EventLimiter } from './rateLimit';

export interface AgentSocketData {
  agent: Agent;
  sessionExpiresAt: Date;
}

export type AgentNamespace = Namespace<
  AgentClientEvents,
  AgentServerEvents,
  Record<string, never>,
  AgentSocketData
>;

export const queueRoom = (queue: string) => `queue:${queue}`;
export const watchRoom = (conversationId: string) => `conv:${conversationId}`;

export function registerAgentNamespace(
  nsp: AgentNamespace,
  agents: AgentService,
  tasks: TaskTracker,
  log: Logger,
  limiter?: EventLimiter,
) {
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    agents.authenticate(auth?.token).then(
      ({ sessionExpiresAt, ...agent }) => {
        socket.data.agent = agent;
        socket.data.sessionExpiresAt = sessionExpiresAt;
        next();
      },
      (err: unknown) => {
        if (!isBatonError(err)) log.error({ err }, 'agent authentication failed');
        next(new Error(ErrorCode.UNAUTHORIZED));
      },
    );
  });

  nsp.on('connection', (socket) => {
    const agent = socket.data.agent;
    const bind = <S extends z.ZodType, T>(
      event: keyof AgentClientEvents,
      schema: S,
      fn: (payload: z.infer<S>) => Promise<T>,
    ) => bindEvent(socket as never, event, schema, fn, log, limiter);

    // The token's lifetime bounds the socket's too: an open connection does not outlive it.
    const expiry = setTimeout(
      () => socket.disconnect(true),
      Math.max(0, socket.data.sessionExpiresAt.getTime() - Date.now()),
    );
    socket.on('disconnect', () => clearTimeout(expiry));
    void socket.join(agent.queues.map(queueRoom));
    const connectedTask = agents
      .connected(agent)
      .then(async (presence) => {
        const assigned = await agents.assigned(agent);
        await socket.join(assigned.map((c) => watchRoom(c.conversationId)));
        socket.emit('hello', { agent: profileOf(agent), presence, assigned });
        socket.emit('queues:update', await agents.listQueues(agent));
      })
      .catch((err: unknown) => log.error({ err, agent: agent.id }, 'agent connect failed'));
    tasks.track(connectedTask);
    socket.on('disconnect', () => {
      if (tasks.closed) return; // shutting down: storage is going away; start-up resets presence
      // After the connect bookkeeping, so the connection count never goes below zero.
      const task = connectedTask
        .then(() => agents.disconnected(agent))
        .catch((err: unknown) => log.error({ err, agent: agent.id }, 'agent disconnect failed'));
      tasks.track(task);
    });

    bind('presence:set', presenceSchema, (p) => agents.setPresence(agent, p.status));
    bind('queues:get', z.object({}).optional(), () => agents.listQueues(agent));
    // Join before reading so no message falls between the read and the subscription; leave
    // again if the agent may not read the conversation.
    const watching = async <T>(conversationId: string, read: () => Promise<T>) => {
      const wasWatching = socket.rooms.has(watchRoom(conversationId));
      await socket.join(watchRoom(conversationId));
      try {
        return await read();
      } catch (err) {
        if (!wasWatching) await socket.leave(watchRoom(conversationId));
        throw err;
      }
    };
    bind('conversation:get', conversationRefSchema, (p) =>
      watching(p.conversationId, () => agents.getConversation(agent, p.conversationId)),
    );
    bind('conversation:claim', conversationRefSchema, (p) =>
      watching(p.conversationId, () => agents.claim(agent, p.conversationId)),
    );
    bind('message:send', agentMessageSchema, (p) => agents.reply(agent, p));
    bind('conversation:resolve', resolveSchema, (p) => agents.resolve(agent, p));
    bind('draft:review', draftReviewSchema, (p) => agents.reviewDraft(agent, p));
    bind('action:decide', actionDecisionSchema, (p) => agents.decideAction(agent, p));
  });
}
