/**
 * The production start path: `pnpm build` compiles the server to `dist/`, and
 * `node packages/server/dist/main.js` runs it with no TypeScript step, configured by its
 * environment. Built here from this tree, started on embedded PGlite, and used as a storefront
 * and an agent would: assets served, a question answered, a request for a person queued and seen.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, QueueSnapshot, QueueStatus, SessionStartResult } from '@baton/shared';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  newClientId,
  SITE_KEY,
  sleep,
  waitFor,
} from './harness';
import { freePort } from './support/redisServer';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('node packages/server/dist/main.js', () => {
  let child: ChildProcess;
  let url: string;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-dist-'));

  beforeAll(async () => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: SERVER_DIR, stdio: 'pipe' });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [join(SERVER_DIR, 'dist/main.js')], {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        BATON_DATA_DIR: dataDir,
        BATON_ADMIN_TOKEN: 'dist-test',
        LOG_LEVEL: 'error',
      },
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`dist/main.js exited:\n${output}`);
      const res = await fetch(`${url}/healthz`).catch(() => null);
      if (res?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`no /healthz 200 within 60 s:\n${output}`);
      await sleep(50);
    }
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs compiled JavaScript and serves the widget, its frame and the console', async () => {
    expect(output).toContain('Baton is running (embedded PGlite');
    for (const path of ['/widget.js', '/console/']) {
      const res = await fetch(url + path);
      expect(res.status, path).toBe(200);
      expect((await res.text()).length, path).toBeGreaterThan(100);
    }
  });

  it('answers a question with the built-in assistant and queues a request for a person', async () => {
    const customer = connectCustomer(url);
    try {
      const session = await call<SessionStartResult>(customer, 'session:start', {
        siteKey: SITE_KEY,
      });
      const reply = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
      await call(customer, 'message:send', {
        clientId: newClientId(),
        text: 'what are your store hours?',
      });
      expect((await reply).text).toContain('around the clock');

      const queued = await call<{ status: QueueStatus }>(customer, 'human:request', {
        clientId: newClientId(),
      });
      expect(queued.status.queue).toBe('general');
      const alex = await connectAgent(url, ALEX);
      try {
        const { queues } = await call<{ queues: QueueSnapshot[] }>(alex.socket, 'queues:get', {});
        const general = queues.find((q) => q.name === 'general');
        expect(general?.waiting.map((w) => w.conversationId)).toContain(session.conversationId);
      } finally {
        alex.socket.close();
      }
    } finally {
      customer.close();
    }
  });
});
