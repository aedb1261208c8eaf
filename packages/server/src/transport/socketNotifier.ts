import type { Agent, Notifier } from '../services';
import {
  agentRoom,
  queueRoom,
  sessionRoom,
  watchRoom,
  type AgentNamespace,
} from './agentNamespace';
import { conversationRoom, type CustomerNamespace } from './customerNamespace';
import type { Logger } from './handler';

export interface SocketNotifierDeps {
  /** Reads the conversation once; the predicate tells which agents may read it now. */
  readerCheck: (conversationId: string) => Promise<(agent: Agent) => boolean>;
  log: Logger;
}

/** Services' events delivered through Socket.IO rooms (across nodes with the Redis adapter). */
export function createSocketNotifier(
  customers: CustomerNamespace,
  agents: AgentNamespace,
  deps: SocketNotifierDeps,
): Notifier {
  return {
    customerMessage: (id, message) => customers.to(conversationRoom(id)).emit('message', message),
    customerStatus: (id, status) => customers.to(conversationRoom(id)).emit('queue:status', status),
    customerEscalated: (id, event) => customers.to(conversationRoom(id)).emit('escalated', event),
    customerAgentJoined: (id, agentName) =>
      customers.to(conversationRoom(id)).emit('agent:joined', { conversationId: id, agentName }),
    customerResolved: (id) =>
      customers.to(conversationRoom(id)).emit('conversation:resolved', { conversationId: id }),
    customerTyping: (id, event) => customers.to(conversationRoom(id)).emit('typing', event),
    agentMessage: (id, message) =>
      agents.to(watchRoom(id)).emit('message', { conversationId: id, message }),
    agentTyping: (id, typing) =>
      agents.to(watchRoom(id)).emit('typing', { conversationId: id, typing }),
    queueSnapshot: (snapshot) =>
      agents.to(queueRoom(snapshot.name)).emit('queues:update', { queues: [snapshot] }),
    conversationUpdated: (id, queue) => {
      const rooms = queue ? [watchRoom(id), queueRoom(queue)] : [watchRoom(id)];
      agents.to(rooms).emit('conversation:updated', { conversationId: id });
    },
    stopWatching: (id) => agents.in(watchRoom(id)).socketsLeave(watchRoom(id)),
    async revalidateWatchers(id) {
      try {
        // fetchSockets goes through the adapter: remote sockets come with their data and leave().
        const [mayRead, sockets] = await Promise.all([
          deps.readerCheck(id),
          agents.in(watchRoom(id)).fetchSockets(),
        ]);
        for (const socket of sockets) {
          if (!mayRead(socket.data.agent)) socket.leave(watchRoom(id));
        }
      } catch (err) {
        // Unsure who may read it: nobody watches it until they open it again.
        agents.in(watchRoom(id)).socketsLeave(watchRoom(id));
        deps.log.warn({ err, conversationId: id }, 'revalidating watchers failed; all removed');
        throw err;
      }
    },
    disconnectSession: (tokenHash) => agents.in(sessionRoom(tokenHash)).disconnectSockets(true),
    disconnectAgent: (agentId) => agents.in(agentRoom(agentId)).disconnectSockets(true),
    conversationClaimed: (queue, event) =>
      agents.to(queueRoom(queue)).emit('conversation:claimed', event),
    async customerConnected(id) {
      try {
        return (await customers.in(conversationRoom(id)).timeout(2_000).fetchSockets()).length > 0;
      } catch {
        // Another node did not answer: better an email too many than a reply nobody sees.
        return false;
      }
    },
    slaAlert: (alert) => {
      const rooms = [...new Set([alert.queue, alert.fromQueue])].map(queueRoom);
      if (alert.kind === 'breach' && alert.ownerAgentId) rooms.push(agentRoom(alert.ownerAgentId));
      agents.to(rooms).emit('sla:alert', alert);
    },
    offerMade: (agentId, offer) => agents.to(agentRoom(agentId)).emit('offer:new', offer),
    offerClosed: (agentId, event) => agents.to(agentRoom(agentId)).emit('offer:closed', event),
    agentAway: (agentId) =>
      agents
        .to(agentRoom(agentId))
        .emit('presence:changed', { status: 'away', reason: 'offer_expired' }),
  };
}
