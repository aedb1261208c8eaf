import {
  actionDecisionSchema,
  agentMessageSchema,
  agentTypingSchema,
  draftReviewSchema,
  conversationRefSchema,
  ErrorCode,
  isBatonError,
  offerRefSchema,
  presenceSchema,
  resolveSchema,
  type AgentClientEvents,
  type AgentServerEvents,
} from '@baton/shared';
import { z } from 'zod';
import type { Namespace } from 'socket.io';
import {
  hashToken,
  profileOf,
  type Agent,
  type AgentService,
  type Notifier,
  type TaskTracker,
} from '../services';
import {
  answerUnknownEvents,
  bindEvent,
  edgeError,
  type EdgeObserver,
  type Logger,
} from './handler';
import type { EventLimiter } from './rateLimit';

export interface AgentSocketData {
  agent: Agent;
  sessionExpiresAt: Date;
  /** The session this socket was opened with (logout closes it on every node). */
  tokenHash: string;
}

export type AgentNamespace = Namespace<
  AgentClientEvents,
  AgentServerEvents,
  Record<string, never>,
  AgentSocketData
>;

export const queueRoom = (queue: string) => `queue:${queue}`;
export const watchRoom = (conversationId: string) => `conv:${conversationId}`;
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
export const agentRoom = (agentId: string) => `agent:${agentId}`;

export function registerAgentNamespace(
  nsp: AgentNamespace,
  agents: AgentService,
  tasks: TaskTracker,
  log: Logger,
  limiter?: EventLimiter,
  observer?: EdgeObserver,
  /** The server's clock (sessions expire by it). */
  clock: () => Date = () => new Date(),
) {
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    agents.authenticate(auth?.token).then(
      ({ sessionExpiresAt, ...agent }) => {
        // Socket data travels between nodes (fetchSockets through Redis): no password hash.
        socket.data.agent = { ...agent, passwordHash: '' };
        socket.data.sessionExpiresAt = sessionExpiresAt;
        socket.data.tokenHash = hashToken(auth!.token as string);
        next();
      },
      (err: unknown) => {
        // An outage is not a bad token: the console must retry, not sign the agent out.
        const error = edgeError(err, log, { step: 'agent authentication' });
        const refused = new Error(
          error.code === ErrorCode.UNAVAILABLE ? ErrorCode.UNAVAILABLE : ErrorCode.UNAUTHORIZED,
        ) as Error & { data?: unknown };
        refused.data = error.code === ErrorCode.UNAVAILABLE ? error : undefined;
        next(refused);
      },
    );
  });

  nsp.on('connection', (socket) => {
    const agent = socket.data.agent;
    // One budget per agent account, however many sockets (tabs, nodes) it opens.
    const gate = limiter && (() => limiter.consume(agent.id));
    const bind = <S extends z.ZodType, T>(
      event: keyof AgentClientEvents,
      schema: S,
      fn: (payload: z.infer<S>) => Promise<T>,
    ) => bindEvent(socket as never, event, schema, fn, log, gate, observer);
    answerUnknownEvents(socket as never, log, gate);

    // The token's lifetime bounds the socket's too: an open connection does not outlive it.
    const expiry = setTimeout(
      () => socket.disconnect(true),
      Math.max(0, socket.data.sessionExpiresAt.getTime() - clock().getTime()),
    );
    socket.on('disconnect', () => clearTimeout(expiry));
    void socket.join([
      ...agent.queues.map(queueRoom),
      sessionRoom(socket.data.tokenHash),
      agentRoom(agent.id),
    ]);
    const connectedTask = agents
      .sessionValid(socket.data.tokenHash)
      .then(async (valid) => {
        // Logged out between the handshake and joining the session's room: that close missed us.
        if (!valid) {
          socket.disconnect(true);
          return;
        }
        const presence = await agents.connected(agent, socket.id);
        const [assigned, offers] = await Promise.all([
          agents.assigned(agent),
          agents.pendingOffers(agent),
        ]);
        await socket.join(assigned.map((c) => watchRoom(c.conversationId)));
        socket.emit('hello', { agent: profileOf(agent), presence, assigned, offers });
        socket.emit('queues:update', await agents.listQueues(agent));
      })
      .catch((err: unknown) => log.error({ err, agent: agent.id }, 'agent connect failed'));
    tasks.track(connectedTask);
    socket.on('disconnect', () => {
      // Shutting down: storage is going away; the connection lapses (or start-up clears it).
      if (tasks.closed) return;
      // After the connect bookkeeping, so the connection is removed after it was added.
      const task = connectedTask
        .then(() => agents.disconnected(agent, socket.id))
        .catch((err: unknown) => log.error({ err, agent: agent.id }, 'agent disconnect failed'));
      tasks.track(task);
    });

    bind('presence:set', presenceSchema, (p) => agents.setPresence(agent, p.status));
    bind('queues:get', z.object({}).optional(), () => agents.listQueues(agent));
    // Access first, so a refused agent never joins the feed; then join before reading, so no
    // message falls between the read and the subscription. The read checks access again (it
    // may have changed meanwhile) and a failure leaves the feed.
    const watching = async <T>(conversationId: string, read: () => Promise<T>) => {
      const room = watchRoom(conversationId);
      // A refusal ends any earlier watch too (access may have been lost since it began).
      const refused = async (err: unknown): Promise<never> => {
        if (
          isBatonError(err) &&
          (err.code === ErrorCode.FORBIDDEN || err.code === ErrorCode.NOT_FOUND)
        ) {
          await socket.leave(room);
        }
        throw err;
      };
      await agents.checkAccess(agent, conversationId).catch(refused);
      const wasWatching = socket.rooms.has(room);
      await socket.join(room);
      try {
        return await read();
      } catch (err) {
        if (!wasWatching) await socket.leave(room);
        return refused(err);
      }
    };
    bind('conversation:get', conversationRefSchema, (p) =>
      watching(p.conversationId, () => agents.getConversation(agent, p.conversationId)),
    );
    bind('conversation:claim', conversationRefSchema, (p) =>
      watching(p.conversationId, () => agents.claim(agent, p.conversationId)),
    );
    bind('offer:accept', offerRefSchema, async (p) => {
      const conversationId = await agents.offeredConversation(agent, p.offerId);
      return watching(conversationId, () => agents.claim(agent, conversationId));
    });
    bind('offer:decline', offerRefSchema, (p) => agents.declineOffer(agent, p.offerId));
    bind('message:send', agentMessageSchema, (p) => agents.reply(agent, p));
    bind('typing', agentTypingSchema, (p) => agents.typing(agent, p));
    bind('conversation:resolve', resolveSchema, (p) => agents.resolve(agent, p));
    bind('draft:review', draftReviewSchema, (p) => agents.reviewDraft(agent, p));
    bind('action:decide', actionDecisionSchema, (p) => agents.decideAction(agent, p));
  });
}

/**
 * Checks again who may watch each conversation this node's agents watch: a queue change whose
 * check could not reach this node (Redis down) must not keep feeding an agent who lost access.
 */
export async function revalidateLocalWatches(nsp: AgentNamespace, notifier: Notifier) {
  const prefix = watchRoom('');
  const watched = new Set(
    [...nsp.sockets.values()].flatMap((s) =>
      [...s.rooms].filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length)),
    ),
  );
  await Promise.allSettled([...watched].map((id) => notifier.revalidateWatchers(id)));
}

/**
 * Closes this node's agent sockets whose session ended (a logout or revocation on another node
 * during a Redis outage never reached them).
 */
export async function closeRevokedSockets(nsp: AgentNamespace, agents: AgentService) {
  const sockets = [...nsp.sockets.values()];
  const hashes = [...new Set(sockets.map((s) => s.data.tokenHash))];
  const valid = await Promise.all(hashes.map((h) => agents.sessionValid(h)));
  const revoked = new Set(hashes.filter((_, i) => !valid[i]));
  for (const socket of sockets) if (revoked.has(socket.data.tokenHash)) socket.disconnect(true);
}
