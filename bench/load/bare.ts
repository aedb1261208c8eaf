/**
 * The baseline: bare Socket.IO doing the benchmark's message shapes with no storage, no
 * validation, no limits. A customer's `message:send` is acked and emitted to its room on both
 * namespaces (the claiming "agent" joined it); unclaimed, an "assistant" reply is emitted at once.
 * `human:request` queues in memory and pushes the queue to the agents. Same wire protocol as Baton.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import type { BatonServer } from '../../packages/server/src/app';

type Ack = (res: unknown) => void;
const { Server } = createRequire(new URL('../../packages/server/package.json', import.meta.url))(
  'socket.io',
) as { Server: new (http: HttpServer, opts: object) => BatonServer['io'] };

const agentProfile = { id: 'bare-agent', name: 'Bare Agent', email: 'a@x', queues: ['general'] };
const http = createServer((req, res) => {
  const json = (body: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.url === '/healthz') return json({ status: 'ok' });
  if (req.url === '/api/agent/login')
    return req.resume().on('end', () => json({ token: 't', agent: agentProfile }));
  res.writeHead(404).end();
});
const io = new Server(http, { serveClient: false });
const customers = io.of('/customer');
const agents = io.of('/agent');
const waiting: { conversationId: string; queue: string; enqueuedAt: string }[] = [];
const pushQueue = () =>
  agents.to('queue:general').emit('queues:update', { queues: [{ name: 'general', waiting }] });
let conversations = 0;

agents.on('connection', (socket) => {
  void socket.join('queue:general');
  socket.emit('hello', { agent: agentProfile, presence: 'online', assigned: [] });
  socket.emit('queues:update', { queues: [{ name: 'general', waiting }] });
  socket.on('conversation:claim', ({ conversationId }: { conversationId: string }, ack: Ack) => {
    void socket.join(`conv:${conversationId}`);
    const i = waiting.findIndex((w) => w.conversationId === conversationId);
    if (i >= 0) {
      waiting.splice(i, 1);
      pushQueue();
    }
    ack({ ok: true, data: { id: conversationId, state: 'assigned', messages: [] } });
  });
});

customers.on('connection', (socket) => {
  const conversationId = `bare-${++conversations}`;
  const room = `conv:${conversationId}`;
  let seq = 0;
  const message = (role: string, text: string, clientId: string | null) => ({
    id: `${conversationId}-${++seq}`,
    conversationId,
    seq,
    role,
    text,
    authorName: null,
    clientId,
    createdAt: new Date().toISOString(),
  });
  socket.on('session:start', (_p: unknown, ack: Ack) => {
    void socket.join(room);
    ack({
      ok: true,
      data: {
        sessionToken: conversationId,
        conversationId,
        messages: [],
        status: { conversationId, state: 'bot' },
      },
    });
  });
  socket.on('message:send', ({ clientId, text }: { clientId: string; text: string }, ack: Ack) => {
    const m = message('customer', text, clientId);
    customers.to(room).emit('message', m);
    if (agents.adapter.rooms.get(room)?.size)
      agents.to(room).emit('message', { conversationId, message: m });
    else customers.to(room).emit('message', message('assistant', `You said: ${text}`, null));
    ack({ ok: true, data: { message: m } });
  });
  socket.on('human:request', (_p: unknown, ack: Ack) => {
    waiting.push({ conversationId, queue: 'general', enqueuedAt: new Date().toISOString() });
    pushQueue();
    ack({
      ok: true,
      data: { status: { conversationId, state: 'queued', position: waiting.length } },
    });
  });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as { port: number };
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}` }) + '\n');
});
const stop = () => io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
