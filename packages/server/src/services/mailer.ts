import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Email, Store } from '../storage';
import type { Clock } from './clock';
import type { TaskTracker } from './taskTracker';

/** Sends one email; rejects when it could not be handed over. */
export interface Mailer {
  /** Where mail goes: `smtp://host:port` (no credentials) or `directory <path>`. */
  describe: string;
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * SMTP through nodemailer (`BATON_SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`), or, with
 * none configured, a local outbox directory of `.eml` files (what `pnpm demo` uses and prints), so
 * nothing needs installing.
 */
export function createMailer(options: {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    const url = new URL(options.smtpUrl);
    return {
      describe: `${url.protocol}//${url.host}`,
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  let n = 0;
  return {
    describe: `directory ${options.outboxDir}`,
    async send(mail) {
      const info = await stream.sendMail({ from: options.from, ...mail });
      mkdirSync(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++n}.eml`;
      writeFileSync(join(options.outboxDir, name), info.message as Buffer);
    },
  };
}

/** First retry after this; each next one waits twice as long, up to `MAX_BACKOFF_MS`. */
const FIRST_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Attempts before an email is marked failed (over about two hours of backoff). */
export const MAX_EMAIL_ATTEMPTS = 8;
/** How long a worker holds an email it is sending from the others. */
const SEND_HOLD_MS = 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export interface EmailWorkerDeps {
  store: Store;
  mailer: Mailer;
  clock: Clock;
  tasks: TaskTracker;
  log: { warn: (obj: object, msg: string) => void };
  /** An email's state changed (sent, retrying, failed): its conversation's viewers refetch. */
  changed: (email: Email) => void;
  sweepMs?: number;
  /** Backoff per attempt (tests shorten it). */
  backoff?: (attempts: number) => number;
}

/**
 * Sends stored emails from every node: due ones are taken (held from the other workers), sent,
 * and marked sent; a failure is retried with exponential backoff, and after the last attempt the
 * email is marked failed. Nothing is lost while SMTP is down: the row waits in the database.
 */
export function createEmailWorker(deps: EmailWorkerDeps) {
  const { store, mailer, clock, tasks, log } = deps;
  const backoff = deps.backoff ?? backoffMs;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function sendOne(email: Email): Promise<void> {
    try {
      await mailer.send({ to: email.to, subject: email.subject, text: email.body });
      await store.emailSent(email.id, clock());
      deps.changed({ ...email, status: 'sent' });
    } catch (err) {
      const last = email.attempts >= MAX_EMAIL_ATTEMPTS;
      const retryAt = last ? null : new Date(clock().getTime() + backoff(email.attempts));
      const reason = err instanceof Error ? err.message : String(err);
      log.warn({ err, emailId: email.id, attempts: email.attempts }, 'email not sent');
      await store.emailFailed(email.id, reason.slice(0, 500), retryAt);
      deps.changed({ ...email, status: last ? 'failed' : 'pending', lastError: reason });
    }
  }

  async function sweep(): Promise<void> {
    for (;;) {
      const due = await store.takeDueEmails(clock(), 20, SEND_HOLD_MS);
      for (const email of due) await sendOne(email);
      if (due.length < 20) return;
    }
  }

  /** One sweep at a time per node; a kick during one runs another after it. */
  function kick(): void {
    if (tasks.closed) return;
    running = (running ?? Promise.resolve())
      .then(() => sweep())
      .catch((err: unknown) => log.warn({ err }, 'email sweep failed'));
    void tasks.track(running);
  }

  return {
    kick,
    sweep,
    start(): void {
      kick();
      timer = setInterval(kick, deps.sweepMs ?? 2_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type EmailWorker = ReturnType<typeof createEmailWorker>;
