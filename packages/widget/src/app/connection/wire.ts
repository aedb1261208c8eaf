/**
 * The widget's Socket.IO client: one namespace over one WebSocket, speaking the Socket.IO
 * protocol (v5 over Engine.IO v4) as the server's `socket.io` package does, in the part the
 * widget uses: connect and reconnect with backoff, events both ways, acknowledgements with a
 * timeout, the server's heartbeat, and `connect_error` with the server's data.
 *
 * Why not socket.io-client: it costs about 10 KB gzipped even trimmed to WebSocket, half of the
 * widget's 25 KB budget; this is under 2 KB. What it leaves out: HTTP long-polling (the widget
 * needs WebSocket), binary attachments (files go over HTTP), several namespaces on one
 * connection, and buffering emits while offline (the chat client re-sends by clientId instead).
 * `wire.test.ts` runs it against a real socket.io server.
 */

/** Engine.IO packet types (the first character of a frame). */
const OPEN = '0';
const CLOSE = '1';
const PING = '2';
const PONG = '3';
const MESSAGE = '4';

/** Socket.IO packet types (the first character after MESSAGE). */
const CONNECT = 0;
const DISCONNECT = 1;
const EVENT = 2;
const ACK = 3;
const CONNECT_ERROR = 4;

export interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

/** A packet → its text frame (without the Engine.IO MESSAGE prefix). */
export function encodePacket(packet: Packet): string {
  let out = String(packet.type);
  if (packet.nsp !== '/') out += packet.nsp + ',';
  if (packet.id !== undefined) out += packet.id;
  if (packet.data !== undefined) out += JSON.stringify(packet.data);
  return out;
}

/** A text frame (without the MESSAGE prefix) → a packet; throws on anything malformed. */
export function decodePacket(frame: string): Packet {
  const type = Number(frame[0]);
  if (!(type >= CONNECT && type <= CONNECT_ERROR)) throw new Error('unknown packet type');
  const packet: Packet = { type, nsp: '/' };
  let i = 1;
  if (frame[i] === '/') {
    const end = frame.indexOf(',', i);
    packet.nsp = frame.slice(i, end < 0 ? undefined : end);
    i = end < 0 ? frame.length : end + 1;
  }
  const id = /^\d+/.exec(frame.slice(i))?.[0];
  if (id) {
    packet.id = Number(id);
    i += id.length;
  }
  if (i < frame.length) packet.data = JSON.parse(frame.slice(i));
  return packet;
}

type Listener = (...args: never[]) => void;

/** What the chat client needs of a socket (socket.io-client's API, in part). */
export interface WireSocket<Listen, Emit> {
  /** The session id the server gave this connection, while connected. */
  readonly id: string | undefined;
  readonly connected: boolean;
  /** Opens the connection; it reconnects by itself until `disconnect()`. */
  connect(): void;
  disconnect(): void;
  on<E extends keyof Listen & string>(event: E, fn: Listen[E]): void;
  on(event: 'connect' | 'disconnect', fn: (reason?: string) => void): void;
  /** `err.data`: what the server's refusal carried (the caller knows its shape). */
  on<D>(event: 'connect_error', fn: (err: Error & { data?: D }) => void): void;
  /** Emits and waits for the server's answer; rejects after `ms`, or at once when not connected. */
  timeout(ms: number): {
    emitWithAck<E extends keyof Emit & string>(event: E, payload: unknown): Promise<unknown>;
  };
}

export interface WireOptions {
  /** The WebSocket class (the browser's by default; tests pass the `ws` package's). */
  WebSocket?: new (url: string) => WebSocket;
  /** First reconnection delay; doubles per attempt up to `maxDelayMs`, ±50% jitter. */
  delayMs?: number;
  maxDelayMs?: number;
}

/**
 * A socket to `url` (`https://host/namespace`), not connected until `connect()`. It reconnects
 * after a lost connection (not after the server refused it or sent it away: the caller decides).
 */
export function createWireSocket<Listen, Emit>(
  url: string,
  options: WireOptions = {},
): WireSocket<Listen, Emit> {
  const target = new URL(url);
  const nsp = target.pathname === '/' ? '/' : target.pathname;
  const endpoint = `${target.protocol === 'https:' ? 'wss' : 'ws'}://${target.host}/socket.io/?EIO=4&transport=websocket`;
  const Ws = options.WebSocket ?? WebSocket;
  const delayMs = options.delayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 5000;

  const listeners = new Map<string, Set<Listener>>();
  const acks = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let ws: WebSocket | null = null;
  let wanted = false;
  let attempts = 0;
  let nextAck = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let silenceMs = 45_000;

  const fire = (event: string, ...args: unknown[]) => {
    for (const fn of listeners.get(event) ?? []) {
      try {
        (fn as (...a: unknown[]) => void)(...args);
      } catch (err) {
        console.error(`[Baton] a "${event}" listener threw`, err);
      }
    }
  };
  const send = (packet: Omit<Packet, 'nsp'>) =>
    ws?.send(MESSAGE + encodePacket({ ...packet, nsp }));

  /** No ping from the server in its interval plus its timeout: the link is dead. */
  function alive(): void {
    clearTimeout(heartbeat);
    heartbeat = setTimeout(() => ws?.close(), silenceMs);
  }

  function open(): void {
    const socket = new Ws(endpoint);
    ws = socket;
    socket.onmessage = (e: MessageEvent) => {
      if (ws !== socket) return;
      try {
        frame(String(e.data));
      } catch (err) {
        console.error('[Baton] unreadable packet from the server', err);
        socket.close();
      }
    };
    socket.onclose = () => ws === socket && closed('transport close');
  }

  function frame(data: string): void {
    switch (data[0]) {
      case OPEN: {
        const { pingInterval, pingTimeout } = JSON.parse(data.slice(1)) as Record<string, number>;
        silenceMs = (pingInterval ?? 25_000) + (pingTimeout ?? 20_000);
        alive();
        send({ type: CONNECT });
        return;
      }
      case PING:
        alive();
        ws?.send(PONG);
        return;
      case CLOSE:
        ws?.close();
        return;
      case MESSAGE:
        packet(decodePacket(data.slice(1)));
    }
  }

  function packet(p: Packet): void {
    if (p.nsp !== nsp) return;
    const data = p.data as Record<string, unknown> | unknown[] | undefined;
    switch (p.type) {
      case CONNECT:
        self.id = (data as { sid?: string } | undefined)?.sid;
        self.connected = true;
        attempts = 0;
        fire('connect');
        return;
      case CONNECT_ERROR: {
        // Refused (a middleware said no): not retried here; `err.data` says whether it may pass.
        const { message, data: details } = (data ?? {}) as { message?: string; data?: unknown };
        wanted = false;
        drop();
        fire('connect_error', Object.assign(new Error(message ?? 'refused'), { data: details }));
        return;
      }
      case EVENT: {
        const [event, ...args] = data as [string, ...unknown[]];
        if (p.id !== undefined) {
          const id = p.id;
          args.push((...answer: unknown[]) => send({ type: ACK, id, data: answer }));
        }
        fire(event, ...args);
        return;
      }
      case ACK: {
        const waiting = acks.get(p.id!);
        acks.delete(p.id!);
        waiting?.resolve((data as unknown[])[0]);
        return;
      }
      case DISCONNECT:
        // Sent away by the server: not reconnected unless asked again.
        wanted = false;
        drop('io server disconnect');
    }
  }

  /** Closes the WebSocket without a reconnection, and reports the disconnect once. */
  function drop(reason?: string): void {
    const socket = ws;
    ws = null;
    socket?.close();
    if (reason) closed(reason);
    else settle();
  }

  function settle(): void {
    clearTimeout(heartbeat);
    for (const { reject } of acks.values()) reject(new Error('socket has been disconnected'));
    acks.clear();
    self.id = undefined;
  }

  function closed(reason: string): void {
    ws = null;
    const was = self.connected;
    self.connected = false;
    settle();
    if (was) fire('disconnect', reason);
    else if (wanted) fire('connect_error', new Error('websocket error'));
    if (!wanted) return;
    const delay = Math.min(delayMs * 2 ** attempts++, maxDelayMs) * (0.5 + Math.random());
    clearTimeout(retry);
    retry = setTimeout(() => wanted && !ws && open(), delay);
  }

  const self = {
    id: undefined as string | undefined,
    connected: false,
    connect() {
      wanted = true;
      clearTimeout(retry);
      if (!ws) open();
    },
    disconnect() {
      wanted = false;
      clearTimeout(retry);
      if (ws) {
        send({ type: DISCONNECT });
        const was = self.connected;
        self.connected = false;
        drop();
        if (was) fire('disconnect', 'io client disconnect');
      }
    },
    on(event: string, fn: Listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(fn));
    },
    timeout(ms: number) {
      return {
        emitWithAck(event: string, payload: unknown): Promise<unknown> {
          if (!self.connected) return Promise.reject(new Error('socket has been disconnected'));
          const id = nextAck++;
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              acks.delete(id);
              reject(new Error('operation has timed out'));
            }, ms);
            const done =
              <T>(fn: (v: T) => void) =>
              (v: T) => {
                clearTimeout(timer);
                fn(v);
              };
            acks.set(id, { resolve: done(resolve), reject: done(reject) });
            send({ type: EVENT, id, data: [event, payload] });
          });
        },
      };
    },
  };
  return self as unknown as WireSocket<Listen, Emit>;
}
