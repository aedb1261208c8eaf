import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';
import { SAM, call, connectAgent, newClientId, sleep } from '../../packages/server/test/harness';
import {
  axeViolations,
  CHROMIUM,
  chromiumAvailable,
  launchChromium,
  openWidget,
  quietLog,
} from './browser';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available) console.warn(`\n⚠️  SKIPPED: browser resume test — no Chromium at ${CHROMIUM}.\n`);

/** The newest .eml in `dir` once one contains `text`, quoted-printable soft breaks undone. */
async function mailContaining(dir: string, text: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const file of readdirSync(dir)) {
      const raw = readFileSync(join(dir, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (raw.includes(text)) return raw;
    }
    if (Date.now() > deadline) throw new Error(`no email containing "${text}"`);
    await sleep(100);
  }
}

describe.runIf(available)('a reply email link carries the chat on in another browser', () => {
  let baton: RunningBaton;
  let browser: Browser;
  let outbox: string;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    outbox = mkdtempSync(join(tmpdir(), 'baton-resume-mail-'));
    baton = await startBaton({
      port: 0,
      host: '127.0.0.1',
      log: quietLog,
      mail: { outboxDir: outbox },
      emailSweepMs: 100,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('a customer who left, answered by email, opens the link on another device and carries on', async () => {
    // On the laptop: nobody is online, so the customer leaves an email and goes.
    const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const shop = await laptop.newPage();
    await shop.goto(baton.url + '/');
    const widget = await openWidget(shop);
    await widget.getByTestId('baton-human').click();
    await widget.getByTestId('baton-email-input').fill('dana.kim@example.com');
    await widget.getByTestId('baton-email-submit').click();
    await expect.poll(() => widget.getByTestId('baton-email-left').count()).toBe(1);
    await laptop.close();

    // Sam answers; the customer is not there, so the reply goes by email with a link.
    const [waiting] = await baton.store.listWaitingEntries('general');
    const { socket: sam } = await connectAgent(baton.url, SAM);
    await call(sam, 'conversation:claim', { conversationId: waiting!.id });
    await call(sam, 'message:send', {
      conversationId: waiting!.id,
      clientId: newClientId(),
      text: 'Your refund went out today, Dana.',
    });
    const mail = await mailContaining(outbox, 'Your refund went out today, Dana.');
    const token = /[?&]baton_resume=([A-Za-z0-9_-]+)/.exec(mail)?.[1];
    expect(token).toBeDefined();

    // On the phone: the storefront opened from that link shows the chat, open, with the reply.
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await phone.newPage();
    await page.goto(`${baton.url}/?baton_resume=${token}`);
    const resumed = page.frameLocator('iframe[src*="/widget/frame.html"]');
    await expect
      .poll(() => resumed.getByTestId('baton-panel').innerText(), { timeout: 15_000 })
      .toContain('Your refund went out today, Dana.');
    // The token left the address bar.
    expect(new URL(page.url()).searchParams.has('baton_resume')).toBe(false);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-resumed-phone.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await axeViolations(page)).toEqual([]);

    // The customer writes from the phone: Sam gets it in the same conversation.
    const received = new Promise<string>((resolveText) =>
      sam.on(
        'message',
        (e: { conversationId: string; message: { role: string; text: string } }) => {
          if (e.conversationId === waiting!.id && e.message.role === 'customer')
            resolveText(e.message.text);
        },
      ),
    );
    await resumed.getByTestId('baton-input').fill('Thanks! Got it on my phone.');
    await resumed.getByTestId('baton-input').press('Enter');
    expect(await received).toBe('Thanks! Got it on my phone.');
    sam.disconnect();
    await phone.close();
  });
});
