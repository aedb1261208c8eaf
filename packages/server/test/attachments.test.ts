import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_BYTES,
  type ChatMessage,
  type SessionStartResult,
  type UploadedAttachment,
} from '@baton/shared';
import { DEFAULT_RATE_LIMITS } from '../src/app';
import { transcriptText } from '../src/services/customerEmails';
import { REPO_ROOT, type RunningBaton } from '../src/bootstrap';
import { detectMime, sanitizeName, withAttachmentNames } from '../src/services/attachmentService';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  record,
  SITE_KEY,
  sleep,
  startTestServer,
  waitFor,
  type AgentSocket,
  type CustomerSocket,
} from './harness';

/** A 1×1 PNG (real bytes: signature, IHDR, IDAT, IEND). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const KIM = { email: 'kim@northwind.example', password: 'baton-demo-kim' };

/** The demo deployment plus Kim, an agent of Trust & Safety only (no access to General). */
function deploymentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-attach-'));
  cpSync(join(REPO_ROOT, 'demo'), dir, { recursive: true });
  appendFileSync(
    join(dir, 'agents.yaml'),
    `  - id: agent-kim\n    name: Kim Lee\n    email: ${KIM.email}\n    password: ${KIM.password}\n    queues: [trust-safety]\n    capacity: 3\n`,
  );
  return dir;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Customer {
  socket: CustomerSocket;
  token: string;
  conversationId: string;
}

async function newCustomer(url: string, sockets: { close(): void }[]): Promise<Customer> {
  const socket = connectCustomer(url);
  sockets.push(socket);
  const s = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
  return { socket, token: s.sessionToken, conversationId: s.conversationId };
}

const customerAuth = (c: Customer) => ({
  authorization: `Bearer ${c.token}`,
  'x-baton-site-key': SITE_KEY,
});
const agentAuth = (token: string) => ({ authorization: `Bearer ${token}` });

async function upload(
  url: string,
  conversationId: string,
  headers: Record<string, string>,
  name: string,
  body: Uint8Array,
) {
  const res = await fetch(
    `${url}/api/conversations/${conversationId}/attachments?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body,
    },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function download(
  url: string,
  conversationId: string,
  id: string,
  headers: Record<string, string>,
) {
  return fetch(`${url}/api/conversations/${conversationId}/attachments/${id}`, { headers });
}

const errorCode = (body: Record<string, unknown>) => (body.error as { code?: string })?.code;

/**
 * Sends a body of `size` bytes in 64 kB chunks without a Content-Length (chunked), as a client
 * that does not say how much it will send. Resolves with the status and body the server answered.
 */
function chunkedUpload(
  url: string,
  path: string,
  headers: Record<string, string>,
  size: number,
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url + path, { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    let sent = 0;
    let answered = false;
    // Once the server has answered, it may close the connection on the rest: not a failure.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(64 * 1024);
    PNG.copy(chunk);
    const pump = () => {
      while (sent < size && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) console.warn('\n⚠️  SKIPPED: attachments on PostgreSQL — set TEST_DATABASE_URL.\n');
const backends: {
  name: string;
  open(): Promise<{ databaseUrl?: string; dataDir?: string; drop(): Promise<void> }>;
}[] = [
  // In memory: the bytes are in the database, as with PostgreSQL.
  { name: 'PGlite in memory', open: async () => ({ drop: async () => undefined }) },
  {
    name: 'PGlite on disk',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'baton-attach-data-'));
      return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  ...(pgUrl
    ? [
        {
          name: 'PostgreSQL',
          async open() {
            const schema = await freshPostgresSchema(pgUrl);
            return { databaseUrl: schema.url, drop: schema.drop };
          },
        },
      ]
    : []),
];

describe.each(backends)('attachments ($name)', (backend) => {
  let baton: RunningBaton;
  let url: string;
  let dir: string;
  let dataDir: string | undefined;
  let drop: () => Promise<void> = async () => undefined;
  const sockets: { close(): void }[] = [];
  let alex: { socket: AgentSocket; token: string };
  let kimToken: string;

  beforeAll(async () => {
    dir = deploymentDir();
    const opened = await backend.open();
    drop = opened.drop;
    dataDir = opened.dataDir;
    baton = await startTestServer({
      demoDir: dir,
      ...(opened.databaseUrl && { databaseUrl: opened.databaseUrl }),
      ...(opened.dataDir && { dataDir: opened.dataDir }),
    });
    url = baton.url;
    const a = await connectAgent(url, ALEX);
    sockets.push(a.socket as never);
    alex = { socket: a.socket, token: a.token };
    kimToken = (await connectAgent(url, KIM)).token;
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.close();
    await baton?.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a PNG the customer uploads and gives the same bytes back, with safe headers', async () => {
    const c = await newCustomer(url, sockets);
    const up = await upload(
      url,
      c.conversationId,
      customerAuth(c),
      '../../etc/ph\u202eoto.png',
      PNG,
    );
    expect(up.status).toBe(201);
    const a = up.body as unknown as UploadedAttachment;
    expect(a).toMatchObject({
      conversationId: c.conversationId,
      name: 'photo.png',
      mime: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
    });
    const stored = await baton.store.getAttachment(a.id);
    expect(stored).toMatchObject({ uploaderRole: 'customer', messageId: null, size: PNG.length });
    // Beside the PGlite data on disk; in the database otherwise.
    expect(stored?.storage).toBe(dataDir ? 'disk' : 'db');
    if (dataDir) expect(readFileSync(join(dataDir, 'attachments', a.id))).toEqual(PNG);
    else expect(Buffer.from((await baton.store.getAttachmentData(a.id))!)).toEqual(PNG);

    const res = await download(url, c.conversationId, a.id, customerAuth(c));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="photo\.png"/);
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it('tells the type from the bytes: PDF bytes named .png are a PDF; text named .png is refused', async () => {
    const c = await newCustomer(url, sockets);
    const pdf = await upload(url, c.conversationId, customerAuth(c), 'scan.png', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body.mime).toBe('application/pdf');
    const res = await download(url, c.conversationId, String(pdf.body.id), customerAuth(c));
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="scan\.png"/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);

    const text = await upload(
      url,
      c.conversationId,
      customerAuth(c),
      'notes.png',
      Buffer.from('just some text, not an image at all\n'),
    );
    expect(text.status).toBe(415);
    expect(errorCode(text.body)).toBe('UNSUPPORTED_MEDIA_TYPE');
    // An HTML page declared as an image is refused all the same.
    const html = await fetch(
      `${url}/api/conversations/${c.conversationId}/attachments?name=x.png`,
      {
        method: 'POST',
        headers: { ...customerAuth(c), 'content-type': 'image/png' },
        body: '<html><script>alert(1)</script></html>',
      },
    );
    expect(html.status).toBe(415);
    const empty = await upload(url, c.conversationId, customerAuth(c), 'e.png', Buffer.alloc(0));
    expect([empty.status, errorCode(empty.body)]).toEqual([400, 'INVALID_PAYLOAD']);
    const noName = await fetch(`${url}/api/conversations/${c.conversationId}/attachments`, {
      method: 'POST',
      headers: customerAuth(c),
      body: PNG,
    });
    expect(noName.status).toBe(400);
    expect(errorCode((await noName.json()) as Record<string, unknown>)).toBe('INVALID_PAYLOAD');
  });

  it('accepts 10 MB and cuts off anything longer with 413 PAYLOAD_TOO_LARGE', async () => {
    const c = await newCustomer(url, sockets);
    const exact = Buffer.alloc(ATTACHMENT_MAX_BYTES);
    PNG.copy(exact);
    const ok = await upload(url, c.conversationId, customerAuth(c), 'big.png', exact);
    expect(ok.status).toBe(201);
    expect(ok.body.size).toBe(ATTACHMENT_MAX_BYTES);

    // Declared too long: refused before a byte is read.
    const over = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    PNG.copy(over);
    const declared = await upload(url, c.conversationId, customerAuth(c), 'big.png', over).catch(
      (err: unknown) => ({ status: 0, body: { err: String(err) } }),
    );
    expect(declared.status).toBe(413);
    expect(errorCode(declared.body)).toBe('PAYLOAD_TOO_LARGE');

    // Streamed without a length (30 MB): answered as soon as it passes the limit.
    const streamed = await chunkedUpload(
      url,
      `/api/conversations/${c.conversationId}/attachments?name=stream.png`,
      customerAuth(c),
      30 * 1024 * 1024,
    );
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    // Answered long before the 30 MB were sent.
    expect(streamed.sent).toBeLessThan(25 * 1024 * 1024);
    // Nothing of the two refused uploads was stored.
    const rows = await baton.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM attachments WHERE conversation_id = $1',
      [c.conversationId],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('serves an attachment only to its conversation’s customer and agents', async () => {
    const c = await newCustomer(url, sockets);
    const other = await newCustomer(url, sockets);
    const { body } = await upload(url, c.conversationId, customerAuth(c), 'card.png', PNG);
    const id = String(body.id);

    // Another customer, with a valid session of their own.
    const foreign = await download(url, c.conversationId, id, customerAuth(other));
    expect(foreign.status).toBe(404);
    expect(errorCode((await foreign.json()) as Record<string, unknown>)).toBe('NOT_FOUND');
    // ... nor through their own conversation's path.
    const sideways = await download(url, other.conversationId, id, customerAuth(other));
    expect(sideways.status).toBe(404);
    // Nor may they upload to it.
    const intrude = await upload(url, c.conversationId, customerAuth(other), 'x.png', PNG);
    expect([intrude.status, errorCode(intrude.body)]).toEqual([404, 'NOT_FOUND']);
    // No token, a wrong token, an unknown site.
    const none = await download(url, c.conversationId, id, {});
    expect([none.status, errorCode((await none.json()) as Record<string, unknown>)]).toEqual([
      401,
      'UNAUTHORIZED',
    ]);
    const wrong = await download(url, c.conversationId, id, {
      ...customerAuth(c),
      authorization: 'Bearer not-a-token',
    });
    expect(wrong.status).toBe(401);
    const site = await download(url, c.conversationId, id, {
      ...customerAuth(c),
      'x-baton-site-key': 'no-such-site',
    });
    expect([site.status, errorCode((await site.json()) as Record<string, unknown>)]).toEqual([
      401,
      'UNKNOWN_SITE',
    ]);

    // Before escalation no agent may read the conversation.
    const early = await download(url, c.conversationId, id, agentAuth(alex.token));
    expect(early.status).toBe(403);
    // Waiting in General: Alex (a member) may, Kim (Trust & Safety only) may not.
    const { status } = await call<{ status: { queue: string | null } }>(c.socket, 'human:request', {
      clientId: newClientId(),
    });
    expect(status.queue).toBe('general');
    const kim = await download(url, c.conversationId, id, agentAuth(kimToken));
    expect(kim.status).toBe(403);
    expect(errorCode((await kim.json()) as Record<string, unknown>)).toBe('FORBIDDEN');
    const byAlex = await download(url, c.conversationId, id, agentAuth(alex.token));
    expect(byAlex.status).toBe(200);
    expect(Buffer.from(await byAlex.arrayBuffer())).toEqual(PNG);
    const byCustomer = await download(url, c.conversationId, id, customerAuth(c));
    expect(Buffer.from(await byCustomer.arrayBuffer())).toEqual(PNG);
    // An id that is not this conversation's, or not an id at all.
    const missing = await download(url, c.conversationId, 'nope', customerAuth(c));
    expect(missing.status).toBe(404);
    // Agents upload only to conversations they own.
    const notOwner = await upload(url, c.conversationId, agentAuth(alex.token), 'a.png', PNG);
    expect([notOwner.status, errorCode(notOwner.body)]).toEqual([403, 'NOT_ASSIGNED']);
  });

  it('sends an attachment in a message: stored, broadcast, deduplicated, and sent once', async () => {
    const c = await newCustomer(url, sockets);
    await call(c.socket, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:claim', { conversationId: c.conversationId });
    const up = await upload(url, c.conversationId, customerAuth(c), 'receipt.pdf', PDF);
    const ref = {
      id: String(up.body.id),
      name: 'receipt.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    };

    const toAgent = waitFor<{ message: ChatMessage }>(
      alex.socket as never,
      'message',
      (e) => e.message.attachments !== undefined,
    );
    const clientId = newClientId();
    const sent = await call<{ message: ChatMessage }>(c.socket, 'message:send', {
      clientId,
      text: '',
      attachments: [ref.id],
    });
    expect(sent.message).toMatchObject({ role: 'customer', text: '', attachments: [ref] });
    expect((await toAgent).message.id).toBe(sent.message.id);
    // The same clientId again is the same message.
    const retry = await call<{ message: ChatMessage }>(c.socket, 'message:send', {
      clientId,
      text: '',
      attachments: [ref.id],
    });
    expect(retry.message.id).toBe(sent.message.id);
    // Another message may not send it again.
    const twice = await callRaw(c.socket, 'message:send', {
      clientId: newClientId(),
      text: 'again',
      attachments: [ref.id],
    });
    expect(twice.ok ? null : twice.error.code).toBe('INVALID_PAYLOAD');
    const stored = await baton.store.listMessages(c.conversationId);
    expect(stored.filter((m) => m.attachments)).toEqual([
      expect.objectContaining({ id: sent.message.id, attachments: [ref] }),
    ]);
    expect((await baton.store.getAttachment(ref.id))?.messageId).toBe(sent.message.id);
    // The agent's view of the conversation carries it too.
    const detail = await call<{ messages: ChatMessage[] }>(alex.socket, 'conversation:get', {
      conversationId: c.conversationId,
    });
    expect(detail.messages.find((m) => m.id === sent.message.id)?.attachments).toEqual([ref]);

    // The agent attaches a PNG to a reply; the customer receives it and may download it.
    const agentUp = await upload(url, c.conversationId, agentAuth(alex.token), 'label.png', PNG);
    expect(agentUp.status).toBe(201);
    const toCustomer = waitFor<ChatMessage>(c.socket, 'message', (m) => m.role === 'agent');
    await call(alex.socket, 'message:send', {
      conversationId: c.conversationId,
      clientId: newClientId(),
      text: 'Here is your return label.',
      attachments: [agentUp.body.id],
    });
    const reply = await toCustomer;
    expect(reply.attachments).toEqual([
      { id: agentUp.body.id, name: 'label.png', mime: 'image/png', size: PNG.length },
    ]);
    const got = await download(url, c.conversationId, String(agentUp.body.id), customerAuth(c));
    expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG);
  });

  it('refuses attachment ids of another conversation or sender, and an empty message', async () => {
    const c = await newCustomer(url, sockets);
    const other = await newCustomer(url, sockets);
    const theirs = await upload(url, other.conversationId, customerAuth(other), 'o.png', PNG);
    const foreign = await callRaw(c.socket, 'message:send', {
      clientId: newClientId(),
      text: 'look',
      attachments: [theirs.body.id],
    });
    expect(foreign.ok ? null : foreign.error.code).toBe('INVALID_PAYLOAD');
    // Nothing was stored, and the other customer may still send it.
    expect(await baton.store.listMessages(c.conversationId)).toEqual([]);
    const own = await callRaw(other.socket, 'message:send', {
      clientId: newClientId(),
      text: '',
      attachments: [theirs.body.id],
    });
    expect(own.ok).toBe(true);

    const unknown = await callRaw(c.socket, 'message:send', {
      clientId: newClientId(),
      text: '',
      attachments: ['3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    });
    expect(unknown.ok ? null : unknown.error.code).toBe('INVALID_PAYLOAD');
    const empty = await callRaw(c.socket, 'message:send', { clientId: newClientId(), text: '  ' });
    expect(empty.ok ? null : empty.error.code).toBe('INVALID_PAYLOAD');
    const emptyList = await callRaw(c.socket, 'message:send', {
      clientId: newClientId(),
      text: '',
      attachments: [],
    });
    expect(emptyList.ok ? null : emptyList.error.code).toBe('INVALID_PAYLOAD');

    // An agent may not send a customer's upload as their own.
    await call(other.socket, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:claim', { conversationId: other.conversationId });
    const mine = await upload(url, other.conversationId, customerAuth(other), 'p.png', PNG);
    const agentSends = await callRaw(alex.socket, 'message:send', {
      conversationId: other.conversationId,
      clientId: newClientId(),
      text: 'x',
      attachments: [mine.body.id],
    });
    expect(agentSends.ok ? null : agentSends.error.code).toBe('INVALID_PAYLOAD');
  });

  it('an attachment-only message to the assistant is stored without a turn; words after it are answered', async () => {
    const c = await newCustomer(url, sockets);
    const seen = record<ChatMessage>(c.socket, 'message');
    const up = await upload(url, c.conversationId, customerAuth(c), 'damaged.jpg', PNG);
    const sent = await call<{ message: ChatMessage }>(c.socket, 'message:send', {
      clientId: newClientId(),
      text: '',
      attachments: [up.body.id],
    });
    expect(await baton.store.getTurn(sent.message.id)).toBeNull();
    await sleep(500);
    expect(seen.filter((m) => m.role === 'assistant')).toEqual([]);
    expect((await baton.store.getConversation(c.conversationId))?.state).toBe('bot');

    const answered = waitFor<ChatMessage>(c.socket, 'message', (m) => m.role === 'assistant');
    await call(c.socket, 'message:send', {
      clientId: newClientId(),
      text: 'what are your store hours?',
    });
    expect((await answered).text.length).toBeGreaterThan(0);
  });
});

describe.runIf(pgUrl)('attachments across nodes (PostgreSQL)', () => {
  it('a second node serves an attachment uploaded through the first, from the database', async () => {
    const schema = await freshPostgresSchema(pgUrl!);
    const first = await startTestServer({ databaseUrl: schema.url });
    const second = await startTestServer({ databaseUrl: schema.url });
    const sockets: { close(): void }[] = [];
    try {
      const c = await newCustomer(first.url, sockets);
      const up = await upload(first.url, c.conversationId, customerAuth(c), 'p.png', PNG);
      expect(up.status).toBe(201);
      expect((await first.store.getAttachment(String(up.body.id)))?.storage).toBe('db');
      const res = await download(second.url, c.conversationId, String(up.body.id), customerAuth(c));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    } finally {
      for (const s of sockets) s.close();
      await first.stop();
      await second.stop();
      await schema.drop();
    }
  });
});

describe('attachments directory', () => {
  it('keeps the bytes in a configured directory when one is set', async () => {
    const attachmentsDir = mkdtempSync(join(tmpdir(), 'baton-attach-dir-'));
    const baton = await startTestServer({ attachmentsDir });
    const sockets: { close(): void }[] = [];
    try {
      const c = await newCustomer(baton.url, sockets);
      const up = await upload(baton.url, c.conversationId, customerAuth(c), 'p.png', PNG);
      const id = String(up.body.id);
      expect(existsSync(join(attachmentsDir, id))).toBe(true);
      expect(await baton.store.getAttachmentData(id)).toBeNull();
      const res = await download(baton.url, c.conversationId, id, customerAuth(c));
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    } finally {
      for (const s of sockets) s.close();
      await baton.stop();
      rmSync(attachmentsDir, { recursive: true, force: true });
    }
  });
});

describe('attachment limits and helpers', () => {
  it('counts an upload against the customer’s event budget (429 RATE_LIMITED), not a download', async () => {
    const baton = await startTestServer({
      rateLimits: { ...DEFAULT_RATE_LIMITS, customer: { points: 2, seconds: 60 } },
    });
    const sockets: { close(): void }[] = [];
    try {
      // session:start counts only per IP (no visitor yet): two uploads spend the visitor's two.
      const c = await newCustomer(baton.url, sockets);
      const first = await upload(baton.url, c.conversationId, customerAuth(c), 'a.png', PNG);
      const second = await upload(baton.url, c.conversationId, customerAuth(c), 'b.png', PNG);
      expect([first.status, second.status]).toEqual([201, 201]);
      const third = await upload(baton.url, c.conversationId, customerAuth(c), 'c.png', PNG);
      expect([third.status, errorCode(third.body)]).toEqual([429, 'RATE_LIMITED']);
      const read = await download(
        baton.url,
        c.conversationId,
        String(first.body.id),
        customerAuth(c),
      );
      expect(read.status).toBe(200);
    } finally {
      for (const s of sockets) s.close();
      await baton.stop();
    }
  });

  it('tells each accepted kind from its bytes and cleans names', () => {
    const bytes = (hex: string) => Buffer.from(hex, 'hex');
    expect(detectMime(PNG)).toBe('image/png');
    expect(detectMime(bytes('ffd8ffe000104a464946'))).toBe('image/jpeg');
    expect(detectMime(Buffer.from('GIF89a\x01\x00'))).toBe('image/gif');
    expect(detectMime(bytes('52494646240000005745425056503820'))).toBe('image/webp');
    expect(detectMime(PDF)).toBe('application/pdf');
    expect(detectMime(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectMime(bytes('504b0304'))).toBeNull(); // a zip
    expect(sanitizeName('C:\\Users\\me\\invoice\u202egnp.pdf')).toBe('invoicegnp.pdf');
    expect(sanitizeName('  \u0000 ..hidden  name.png ')).toBe('hidden name.png');
    expect(sanitizeName('/')).toBe('attachment');
    const long = sanitizeName(`${'x'.repeat(300)}.jpeg`);
    expect([long.length, long.endsWith('.jpeg')]).toEqual([200, true]);
  });

  it('names files for the assistant, which cannot see them', () => {
    const file = { id: 'a', name: 'mug.png', mime: 'image/png' as const, size: 3 };
    expect(withAttachmentNames({ text: '', attachments: [file] })).toBe(
      '[attached: mug.png (image/png)]',
    );
    expect(withAttachmentNames({ text: 'it broke', attachments: [file] })).toBe(
      'it broke [attached: mug.png (image/png)]',
    );
    expect(withAttachmentNames({ text: 'hello' })).toBe('hello');
    // The transcript email names them too.
    const emailed = transcriptText('Northwind', [
      {
        id: 'm1',
        conversationId: 'c',
        seq: 1,
        role: 'customer',
        text: '',
        authorName: null,
        clientId: null,
        createdAt: '2025-01-01T12:00:00.000Z',
        attachments: [file],
      },
    ]);
    expect(emailed).toContain('2025-01-01 12:00  You: [attached: mug.png (image/png)]');
  });
});
