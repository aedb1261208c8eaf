import type { Notifier } from '../services';
import { queueRoom, watchRoom, type AgentNamespace } from './agentNamespace';
import { conversationRoom, type CustomerNamespace } from './customerNamespace';

/** Services' events delivered through Socket.IO rooms (across nodes with the Redis adapter). */
export function createSocketNotifier(
  customers: CustomerNamespace,
  agents: AgentNamespace,
): Notifier {
  return {
    customerMessage: (id, message) => customers.to(conversationRoom(id)).emit('message', message),
    customerStatus: (id, status) => customers.to(conversationRoom(id)).emit('queue:status', status),
    customerEscalated: (id, event) => customers.to(conversationRoom(id)).emit('escalated', event),
    customerAgentJoined: (id, agentName) =>
      customers.to(conversationRoom(id)).emit('agent:joined', { conversationId: id, agentName }),
    customerResolved: (id) =>
      customers.to(conversationRoom(id)).emit('conversation:resolved', { conversationId: id }),
    agentMessage: (id, message) =>
      agents.to(watchRoom(id)).emit('message', { conversationId: id, message }),
    queueSnapshot: (snapshot) =>
      agents.to(queueRoom(snapshot.name)).emit('queues:update', { queues: [snapshot] }),
    conversationUpdated: (id, queue) => {
      const rooms = queue ? [watchRoom(id), queueRoom(queue)] : [watchRoom(id)];
      agents.to(rooms).emit('conversation:updated', { conversationId: id });
    },
    stopWatching: (id) => agents.in(watchRoom(id)).socketsLeave(watchRoom(id)),
    conversationClaimed: (queue, event) =>
      agents.to(queueRoom(queue)).emit('conversation:claimed', event),
  };
}
