import {
  contextSetSchema,
  csatSubmitSchema,
  customerMessageSchema,
  humanRequestSchema,
  identifySchema,
  leaveEmailSchema,
  transcriptEmailSchema,
  sessionStartSchema,
  syncSchema,
  typingSchema,
  type CustomerClientEvents,
  type CustomerServerEvents,
} from '@baton/shared';
import type { Namespace } from 'socket.io';
import type { CustomerService, CustomerSession } from '../services';
import { clientIp } from './guards';
import {
  answerUnknownEvents,
  bindEvent,
  sessionRequired,
  type EdgeObserver,
  type Logger,
} from './handler';
import type { Limiters } from './rateLimit';

export interface CustomerSocketData {
  session?: CustomerSession;
}

export type CustomerNamespace = Namespace<
  CustomerClientEvents,
  CustomerServerEvents,
  Record<string, never>,
  CustomerSocketData
>;

export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;

export function registerCustomerNamespace(
  nsp: CustomerNamespace,
  customers: CustomerService,
  log: Logger,
  limits?: Pick<Limiters, 'customerEvent' | 'newVisitor'>,
  observer?: EdgeObserver,
) {
  nsp.on('connection', (socket) => {
    const session = () => {
      const s = socket.data.session;
      if (!s) throw sessionRequired();
      return s;
    };
    const ip = clientIp(socket);
    // Budgets follow the visitor (and its IP), not the socket: reconnecting starts nothing afresh.
    const gate = limits && (() => limits.customerEvent(ip, socket.data.session?.visitorId ?? null));
    const bind = <S extends Parameters<typeof bindEvent>[2], T>(
      event: keyof CustomerClientEvents,
      schema: S,
      fn: (payload: import('zod').infer<S>) => Promise<T>,
    ) => bindEvent(socket as never, event, schema, fn, log, gate, observer);
    answerUnknownEvents(socket as never, log, gate);

    bind('session:start', sessionStartSchema, async (payload) => {
      const previous = socket.data.session;
      // Join the room before the transcript is read, so nothing written in between is missed.
      const { session: next, result } = await customers.startSession(
        payload,
        (id) => Promise.resolve(socket.join(conversationRoom(id))),
        () => limits?.newVisitor(ip) ?? Promise.resolve(),
      );
      if (previous && previous.conversationId !== next.conversationId) {
        await socket.leave(conversationRoom(previous.conversationId));
      }
      socket.data.session = next;
      return result;
    });
    bind('message:send', customerMessageSchema, (p) => customers.sendMessage(session(), p));
    // Never rate limited: a person must stay reachable whatever came before.
    bindEvent(
      socket as never,
      'human:request',
      humanRequestSchema,
      (p) => customers.requestHuman(session(), p),
      log,
    );
    bind('identify', identifySchema, (p) => customers.identify(session(), p));
    bind('context:set', contextSetSchema, (p) => customers.setContext(session(), p));
    bind('email:leave', leaveEmailSchema, (p) => customers.leaveEmail(session(), p));
    bind('transcript:email', transcriptEmailSchema, (p) => customers.emailTranscript(session(), p));
    bind('csat:submit', csatSubmitSchema, (p) => customers.submitCsat(session(), p));
    bind('sync', syncSchema, (p) => customers.sync(session(), p.lastSeq));
    // Spends the same budget as every event: the widget sends at most one every few seconds.
    bind('typing', typingSchema, (p) => customers.typing(session(), p));
  });
}
