/**
 * The widget's Socket.IO client against a real socket.io server (the package Baton's server
 * runs), over real WebSockets (the `ws` package stands in for the browser's WebSocket).
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createWireSocket, decodePacket, encodePacket, type Packet } from './wire';

interface Listen {
  hello: (payload: { n: number }) => void;
  ask: (payload: string, ack: (answer: string) => void) => void;
}
interface Emit {
  echo: unknown;
  slow: unknown;
}

let http: HttpServer | undefined;
let io: Server | undefined;
const sockets: { disconnect(): void }[] = [];

async function server(
  setup: (io: Server) => void,
  options: ConstructorParameters<typeof Server>[1] = {},
): Promise<string> {
  http = createServer();
  io = new Server(http, { transports: ['websocket'], ...options });
  setup(io);
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

function client(url: string) {
  const socket = createWireSocket<Listen, Emit>(url + '/customer', {
    WebSocket: WebSocket as unknown as new (url: string) => globalThis.WebSocket,
    delayMs: 20,
    maxDelayMs: 50,
  });
  sockets.push(socket);
  return socket;
}

const next = (socket: { on(e: string, fn: (...a: never[]) => void): void }, event: string) =>
  new Promise<unknown[]>((resolve) =>
    socket.on(event as never, ((...a: unknown[]) => resolve(a)) as never),
  );

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
  io = undefined;
  http = undefined;
});

describe('the widget socket against socket.io', () => {
  it('connects to the namespace, answers acks, and receives events with and without an ack', async () => {
    let serverSide: ServerSocket | undefined;
    const url = await server((io) =>
      io.of('/customer').on('connection', (s) => {
        serverSide = s;
        s.on('echo', (payload: unknown, ack: (r: unknown) => void) =>
          ack({ ok: true, data: payload }),
        );
      }),
    );
    const socket = client(url);
    const connected = next(socket, 'connect');
    socket.connect();
    await connected;
    expect(socket.connected).toBe(true);
    expect(socket.id).toBe(serverSide!.id);

    const payload = { text: 'héllo, "world" ✓', list: [1, null, { a: 'b' }] };
    expect(await socket.timeout(2000).emitWithAck('echo', payload)).toEqual({
      ok: true,
      data: payload,
    });
    // Several in flight at once are matched to their own answers.
    const answers = await Promise.all(
      [1, 2, 3].map((n) => socket.timeout(2000).emitWithAck('echo', n)),
    );
    expect(answers).toEqual([1, 2, 3].map((n) => ({ ok: true, data: n })));

    const hello = next(socket, 'hello');
    serverSide!.emit('hello', { n: 7 });
    expect(await hello).toEqual([{ n: 7 }]);
    socket.on('ask', (question, ack) => ack(`re: ${question}`));
    expect(await serverSide!.timeout(2000).emitWithAck('ask', 'why?')).toBe('re: why?');
  });

  it('times out an unanswered ack, and fails at once when not connected', async () => {
    const url = await server((io) =>
      io.of('/customer').on('connection', (s) => s.on('slow', () => undefined)),
    );
    const socket = client(url);
    await expect(socket.timeout(100).emitWithAck('echo', 1)).rejects.toThrow(/disconnected/);
    const connected = next(socket, 'connect');
    socket.connect();
    await connected;
    await expect(socket.timeout(100).emitWithAck('slow', 1)).rejects.toThrow(/timed out/);
  });

  it('reconnects by itself after a lost connection, failing the acks that were waiting', async () => {
    const seen: ServerSocket[] = [];
    const url = await server((io) =>
      io.of('/customer').on('connection', (s) => {
        seen.push(s);
        s.on('slow', () => undefined);
      }),
    );
    const socket = client(url);
    const first = next(socket, 'connect');
    socket.connect();
    await first;
    const pending = socket.timeout(5000).emitWithAck('slow', 1);
    const lost = next(socket, 'disconnect');
    const again = next(socket, 'connect');
    seen[0]!.conn.close(); // the transport drops, as a network change would
    expect(await lost).toEqual(['transport close']);
    await expect(pending).rejects.toThrow(/disconnected/);
    await again;
    expect(seen).toHaveLength(2);
    expect(socket.id).toBe(seen[1]!.id);
  });

  it('keeps the connection through the heartbeat', async () => {
    const url = await server((io) => io.of('/customer'), { pingInterval: 50, pingTimeout: 50 });
    const socket = client(url);
    const connected = next(socket, 'connect');
    socket.connect();
    await connected;
    let disconnects = 0;
    socket.on('disconnect', () => disconnects++);
    await new Promise((r) => setTimeout(r, 400)); // eight ping intervals
    expect(disconnects).toBe(0);
    expect(socket.connected).toBe(true);
  });

  it('drops a server that goes silent past its ping interval and timeout, then reconnects', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    let connections = 0;
    wss.on('connection', (ws) => {
      connections++;
      ws.send(
        '0{"sid":"e1","upgrades":[],"pingInterval":50,"pingTimeout":50,"maxPayload":1000000}',
      );
      ws.on('message', (data) => {
        if (String(data) === '40/customer,') ws.send(`40/customer,{"sid":"s${connections}"}`);
      });
      // …and then nothing: no ping ever.
    });
    try {
      const socket = client(`http://127.0.0.1:${(wss.address() as AddressInfo).port}`);
      const connected = next(socket, 'connect');
      socket.connect();
      await connected;
      expect(socket.id).toBe('s1');
      const started = Date.now();
      const lost = next(socket, 'disconnect');
      const again = next(socket, 'connect');
      await lost;
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      await again;
      expect(socket.id).toBe('s2');
      socket.disconnect();
    } finally {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    }
  });

  it("reports a refusal with the server's data and does not retry; the caller may connect again", async () => {
    let tries = 0;
    const url = await server((io) =>
      io.of('/customer').use((_s, nextFn) => {
        tries++;
        nextFn(
          Object.assign(new Error('too many connections'), {
            data: { code: 'RATE_LIMITED', retryable: true },
          }),
        );
      }),
    );
    const socket = client(url);
    const refused = next(socket, 'connect_error');
    socket.connect();
    const [err] = (await refused) as [Error & { data?: unknown }];
    expect(err.message).toBe('too many connections');
    expect(err.data).toEqual({ code: 'RATE_LIMITED', retryable: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(tries).toBe(1);
    expect(socket.connected).toBe(false);
    const second = next(socket, 'connect_error');
    socket.connect();
    await second;
    expect(tries).toBe(2);
  });

  it('stays away when the server sends it away', async () => {
    let count = 0;
    const url = await server((io) =>
      io.of('/customer').on('connection', (s) => {
        count++;
        s.disconnect(true);
      }),
    );
    const socket = client(url);
    const gone = next(socket, 'disconnect');
    socket.connect();
    expect(await gone).toEqual(['io server disconnect']);
    await new Promise((r) => setTimeout(r, 200));
    expect(count).toBe(1);
  });
});

describe('packets, as socket.io-parser writes and reads them', () => {
  const packets: Packet[] = [
    { type: PacketType.CONNECT, nsp: '/customer' },
    { type: PacketType.CONNECT, nsp: '/customer', data: { sid: 'abc' } },
    {
      type: PacketType.EVENT,
      nsp: '/customer',
      data: ['message:send', { clientId: 'x1', text: 'a,b' }],
    },
    { type: PacketType.EVENT, nsp: '/customer', id: 12, data: ['sync', { lastSeq: 3 }] },
    { type: PacketType.ACK, nsp: '/customer', id: 12, data: [{ ok: false, error: { code: 'X' } }] },
    { type: PacketType.EVENT, nsp: '/', id: 0, data: ['e', '9 starts with a digit'] },
    { type: PacketType.DISCONNECT, nsp: '/customer' },
    {
      type: PacketType.CONNECT_ERROR,
      nsp: '/customer',
      data: { message: 'no', data: { retryable: true } },
    },
  ];

  it.each(packets.map((p) => [encodePacket(p), p] as const))('%s', (_frame, packet) => {
    const [theirs] = new Encoder().encode(packet) as string[];
    expect(encodePacket(packet)).toBe(theirs);
    const decoded: unknown[] = [];
    const decoder = new Decoder();
    decoder.on('decoded', (p: unknown) => decoded.push(p));
    decoder.add(theirs!);
    expect(decodePacket(theirs!)).toEqual(decoded[0]);
  });

  it('rejects a malformed frame', () => {
    expect(() => decodePacket('9')).toThrow();
    expect(() => decodePacket('2/customer,{bad json')).toThrow();
  });
});
