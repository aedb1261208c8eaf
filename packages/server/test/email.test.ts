import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationDetail, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import { createMailer } from '../src/services/mailer';
import {
  SAM,
  SITE_KEY,
  call,
  connectAgent,
  connectCustomer,
  callRaw,
  newClientId,
  sleep,
  startTestServer,
  waitFor,
} from './harness';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives; it can be stopped and restarted. */
class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          // Quoted-printable decoded (soft line breaks and =XX escapes), enough to read the text.
          const raw = Buffer.concat(chunks)
            .toString('utf8')
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_m, hex: string) =>
              String.fromCharCode(parseInt(hex, 16)),
            );
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

describe('email to customers, against a real SMTP server', () => {
  const smtp = new TestSmtp();
  let baton: RunningBaton;

  beforeAll(async () => {
    await smtp.start();
    baton = await startTestServer({
      mail: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'Northwind <care@northwind.example>',
      },
      emailSweepMs: 50,
      emailBackoff: () => 200,
    });
  });
  afterAll(async () => {
    await baton?.stop();
    await smtp.stop();
  });

  it('an agent reply the customer is not there to see goes to the email they left; none while they are there; none lost while SMTP is down', async () => {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'human:request', { clientId: newClientId() });
    await call(customer, 'email:leave', { email: 'dana.kim@example.com' });
    const sam = await connectAgent(baton.url, SAM);
    const detail = (await call<ConversationDetail>(sam.socket, 'conversation:claim', {
      conversationId: s.conversationId,
    })) as ConversationDetail;
    expect(detail.replyByEmail).toBe('dana.kim@example.com');
    const reply = (text: string) =>
      call(sam.socket, 'message:send', {
        conversationId: s.conversationId,
        clientId: newClientId(),
        text,
      });
    const emails = async () =>
      (
        await call<ConversationDetail>(sam.socket, 'conversation:get', {
          conversationId: s.conversationId,
        })
      ).emails;

    // In the chat: no email.
    await reply('Looking at it now.');
    await sleep(300);
    expect(smtp.received).toEqual([]);
    expect(await emails()).toEqual([]);

    // Gone: the reply is emailed, with the way back to the chat.
    customer.close();
    await sleep(100);
    await reply('Your refund was issued today.');
    const sent = await until(emails, (e) => e[0]?.status === 'sent');
    expect(sent).toMatchObject([{ kind: 'reply', to: 'dana.kim@example.com', attempts: 1 }]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['dana.kim@example.com']);
    expect(smtp.received[0]!.raw).toContain('Your refund was issued today.');
    expect(smtp.received[0]!.raw).toContain('Sam Okafor from Customer Care at Northwind Goods');
    expect(smtp.received[0]!.raw).toMatch(/From: Northwind <care@northwind\.example>/);

    // The link in it carries the chat on in another browser (any device), with its own token.
    const resumeToken = /[?&]baton_resume=([A-Za-z0-9_-]+)/.exec(smtp.received[0]!.raw)?.[1];
    expect(resumeToken).toBeDefined();
    const phone = connectCustomer(baton.url);
    const resumed = await call<SessionStartResult>(phone, 'session:start', {
      siteKey: SITE_KEY,
      resumeToken,
    });
    expect(resumed.resume).toBe('resumed');
    expect(resumed.conversationId).toBe(s.conversationId);
    expect(resumed.messages.map((m) => m.text)).toContain('Your refund was issued today.');
    expect(resumed.sessionToken).not.toBe(s.sessionToken);
    phone.close();
    // Both browsers' tokens keep working; the link expires after a week; a made-up one is refused.
    for (const sessionToken of [resumed.sessionToken, s.sessionToken]) {
      const again = connectCustomer(baton.url);
      const back = await call<SessionStartResult>(again, 'session:start', {
        siteKey: SITE_KEY,
        sessionToken,
      });
      expect(back.conversationId).toBe(s.conversationId);
      again.close();
    }
    const site = (await baton.store.getSiteByKey(SITE_KEY))!;
    const { hashToken } = await import('../src/services/tokens');
    const later = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
    const probe = (days: number) =>
      baton.store.resumeVisitor({
        siteId: site.id,
        linkHash: hashToken(resumeToken!),
        tokenHash: hashToken(newClientId()),
        now: later(days),
      });
    expect(await probe(6.9)).not.toBeNull();
    expect(await probe(7.1)).toBeNull();
    const stranger = connectCustomer(baton.url);
    const refused = await call<SessionStartResult>(stranger, 'session:start', {
      siteKey: SITE_KEY,
      resumeToken: 'not-a-real-link-token-at-all',
    });
    expect(refused.resume).toBe('expired');
    expect(refused.conversationId).not.toBe(s.conversationId);
    stranger.close();

    // SMTP down: the reply waits and is retried; the console sees the attempts and the error.
    const port = smtp.port;
    await smtp.stop();
    await reply('One more thing: keep the box.');
    const retrying = await until(emails, (e) => (e[1]?.attempts ?? 0) >= 2);
    expect(retrying[1]).toMatchObject({ status: 'pending' });
    expect(retrying[1]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start(port);
    const delivered = await until(emails, (e) => e[1]?.status === 'sent');
    expect(delivered[1]!.lastError).toBeNull();
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.raw).toContain('keep the box');
    sam.socket.close();
  });
  it('emails the transcript on request, once per request, to the address given or known', async () => {
    const customer = connectCustomer(baton.url);
    await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'what are your opening hours?',
    });
    await answered;
    // No address given and none known: a clear error, nothing stored.
    const refused = await callRaw(customer, 'transcript:email', { clientId: newClientId() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    const before = smtp.received.length;
    const clientId = newClientId();
    const request = { clientId, email: 'lee@example.com' };
    expect(await call(customer, 'transcript:email', request)).toEqual({ to: 'lee@example.com' });
    expect(await call(customer, 'transcript:email', request)).toEqual({ to: 'lee@example.com' });
    await until(
      async () => smtp.received.length,
      (n) => n > before,
    );
    await sleep(300);
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1); // the retry stored nothing new
    expect(mails[0]!.to).toEqual(['lee@example.com']);
    expect(mails[0]!.raw).toContain('Your chat with Northwind Goods');
    expect(mails[0]!.raw).toMatch(/You: what are your opening hours\?/);
    expect(mails[0]!.raw).toMatch(/Assistant: /);
    customer.close();
  });
});

describe('without SMTP, mail goes to a local outbox directory', () => {
  it('writes each email as an .eml file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-outbox-'));
    try {
      const mailer = createMailer({ outboxDir: dir, from: 'Shop <care@shop.example>' });
      expect(mailer.describe).toBe(`directory ${dir}`);
      await mailer.send({ to: 'a@example.com', subject: 'Hello', text: 'Body text' });
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(dir, files[0]!), 'utf8');
      expect(eml).toContain('To: a@example.com');
      expect(eml).toContain('Subject: Hello');
      expect(eml).toContain('Body text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
