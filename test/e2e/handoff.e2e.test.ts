import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, chromiumAvailable, launchChromium, openWidget, quietLog } from './browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available)
  console.warn(`\n⚠️  SKIPPED: browser end-to-end test — no Chromium at ${CHROMIUM}.\n`);

describe.runIf(available)('storefront → widget → handoff → console, in headless Chromium', () => {
  let baton: RunningBaton;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    baton = await startBaton({ port: 0, host: '127.0.0.1', log: quietLog });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  it('customer asks, then talks to a human; the agent claims in the console and replies live', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(baton.url + '/');
    await page.evaluate(() => {
      const w = window as unknown as { Baton: (...a: unknown[]) => void; batonEvents: string[] };
      w.batonEvents = [];
      for (const name of ['message', 'escalated', 'queue', 'agentJoined']) {
        w.Baton('on', name, () => w.batonEvents.push(name));
      }
    });
    const widget = await openWidget(page);
    await widget.getByTestId('baton-input').fill('where is my order?');
    await widget.getByTestId('baton-send').click();
    const assistant = widget.locator('[data-testid="baton-message"][data-role="assistant"]');
    await expect.poll(() => assistant.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await assistant.first().innerText()).length).toBeGreaterThan(10);

    await widget.getByTestId('baton-human').click();
    const banner = widget.getByTestId('baton-queue-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/queue/i);
    // The button shows the request was made; pressed again it refreshes the place and keeps focus.
    const human = widget.getByTestId('baton-human');
    await expect.poll(() => human.innerText()).toBe('Waiting for a person…');
    await human.click();
    await expect.poll(() => banner.innerText()).toMatch(/queue/i);
    expect(await human.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-queued.png') });
    const assistantCountAtEscalation = await assistant.count();

    // The agent, in the console.
    const consolePage = await context.newPage();
    await consolePage.goto(baton.url + '/console/');
    await consolePage.getByTestId('login-email').fill('alex@northwind.example');
    await consolePage.getByTestId('login-password').fill('baton-demo-alex');
    await consolePage.getByTestId('login-submit').click();
    const waiting = consolePage.getByTestId('waiting-item');
    await expect.poll(() => waiting.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The banner now counts the agent who came online.
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/1 person/);

    await waiting.first().getByTestId('claim-button').click();
    const packet = consolePage.getByTestId('packet');
    await expect
      .poll(() => packet.innerText(), { timeout: 15_000 })
      .toMatch(/explicit_human_request/);
    expect(await packet.innerText()).toContain('NW-20931');
    const transcript = consolePage.getByTestId('transcript');
    expect(await transcript.innerText()).toContain('where is my order?');
    await consolePage.screenshot({
      path: resolve(ARTIFACTS, 'console-claimed.png'),
      fullPage: true,
    });

    await consolePage
      .getByTestId('reply-input')
      .fill('Hi Jordan, Alex here — your tent ships today.');
    await consolePage.getByTestId('reply-send').click();

    const agentMessages = widget.locator('[data-testid="baton-message"][data-role="agent"]');
    await expect.poll(() => agentMessages.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await agentMessages.first().innerText()).toContain('your tent ships today');
    expect(await agentMessages.first().textContent()).toContain('Alex Rivera');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/Alex Rivera/);
    expect(await assistant.count()).toBe(assistantCountAtEscalation);
    // Every message shows its time.
    expect(await agentMessages.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-/);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-agent-reply.png') });

    // Escape closes the panel and gives the focus back to the launcher; a reply that arrives
    // while it is closed is announced.
    await widget.getByTestId('baton-input').focus();
    await widget.getByTestId('baton-input').press('Escape');
    await expect.poll(() => widget.getByTestId('baton-panel').count()).toBe(0);
    expect(
      await widget.getByTestId('baton-launcher').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await consolePage.getByTestId('reply-input').fill('One more thing: it comes in two boxes.');
    await consolePage.getByTestId('reply-send').click();
    await expect
      .poll(() => widget.getByTestId('baton-unread-status').innerText(), { timeout: 15_000 })
      .toBe('1 new message in the chat');
    await widget.getByTestId('baton-launcher').click();

    const events = await page.evaluate(
      () => (window as unknown as { batonEvents: string[] }).batonEvents,
    );
    expect(events).toEqual(
      expect.arrayContaining(['message', 'escalated', 'queue', 'agentJoined']),
    );
    // A `ready` listener added after the chat loaded is called at once.
    expect(
      await page.evaluate(() => {
        let called = false;
        (window as unknown as { Baton: (...a: unknown[]) => void }).Baton('on', 'ready', () => {
          called = true;
        });
        return called;
      }),
    ).toBe(true);

    // Reloading the storefront resumes the same conversation with its transcript.
    await page.reload();
    const again = page.frameLocator('iframe[src*="/widget/frame.html"]');
    await again.getByTestId('baton-launcher').click();
    const restored = again.locator('[data-testid="baton-message"][data-role="agent"]');
    await expect.poll(() => restored.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await again.getByTestId('baton-transcript').innerText()).toContain('where is my order?');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
