import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';
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
if (!available) console.warn(`\n⚠️  SKIPPED: browser routing test — no Chromium at ${CHROMIUM}.\n`);

/** The demo with Customer Care routed round robin (30-second offers). */
function deploymentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-routing-e2e-'));
  cpSync(join(REPO_ROOT, 'demo'), dir, { recursive: true });
  const queues = readFileSync(join(dir, 'queues.yaml'), 'utf8').replace(
    /(displayName: Customer Care\n)/,
    '$1    routing: round_robin\n    offerTimeoutSeconds: 30\n',
  );
  writeFileSync(join(dir, 'queues.yaml'), queues);
  return dir;
}

/** A shopper who opened the chat and asked for a person. */
async function customerAsksForPerson(page: Page, url: string) {
  await page.goto(url + '/');
  const widget = await openWidget(page);
  await widget.getByTestId('baton-human').click();
  await expect
    .poll(() => widget.getByTestId('baton-queue-banner').innerText(), { timeout: 15_000 })
    .toMatch(/queue/i);
}

describe.runIf(available)('push routing in the console, in headless Chromium', () => {
  let baton: RunningBaton;
  let browser: Browser;
  let dir: string;
  let offset = 0;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = deploymentDir();
    baton = await startBaton({
      port: 0,
      host: '127.0.0.1',
      log: quietLog,
      demoDir: dir,
      clock: () => new Date(Date.now() + offset),
      routingSweepMs: 100,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers a waiting conversation to the agent, who accepts it; one left unanswered makes them away', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const agent = await context.newPage();
    await agent.goto(baton.url + '/console/');
    await agent.getByTestId('login-email').fill('alex@northwind.example');
    await agent.getByTestId('login-password').fill('baton-demo-alex');
    await agent.getByTestId('login-submit').click();
    await expect.poll(() => agent.getByTestId('presence-toggle').count()).toBe(1);

    const shop = await context.newPage();
    await customerAsksForPerson(shop, baton.url);
    // Alex is the only agent online: the offer reaches him, with a countdown.
    const offers = agent.getByTestId('offers');
    await expect.poll(() => offers.innerText(), { timeout: 15_000 }).toMatch(/offered to you/);
    expect(await offers.innerText()).toMatch(/Customer Care, tier \d/);
    await agent.screenshot({ path: resolve(ARTIFACTS, 'console-offer.png') });
    expect(await axeViolations(agent)).toEqual([]);
    await agent.setViewportSize({ width: 1024, height: 768 });
    await agent.screenshot({ path: resolve(ARTIFACTS, 'console-offer-1024.png') });
    await agent.setViewportSize({ width: 1440, height: 900 });

    // Accept: the conversation is Alex's and opens; the customer sees him join.
    await offers.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => offers.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => agent.getByTestId('my-conversation').count()).toBe(1);
    const widget = shop.frameLocator('iframe[src*="/widget/frame.html"]');
    await expect
      .poll(() => widget.locator('body').innerText(), { timeout: 15_000 })
      .toMatch(/Alex Rivera joined/);

    // A second customer; Alex lets the offer run out: it moves on and he is away.
    // (Another browser: this one's visitor already has a conversation.)
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await customerAsksForPerson(await other.newPage(), baton.url);
    await expect.poll(() => offers.innerText(), { timeout: 15_000 }).toMatch(/offered to you/);
    offset += 31_000;
    await expect.poll(() => offers.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => agent.getByTestId('presence-toggle').innerText(), { timeout: 15_000 })
      .toMatch(/away/i);
    await expect.poll(() => agent.locator('body').innerText()).toMatch(/you are now Away/);
    await agent.screenshot({ path: resolve(ARTIFACTS, 'console-offer-expired.png') });
    expect(await axeViolations(agent)).toEqual([]);
    await other.close();
    await context.close();
  });
});
