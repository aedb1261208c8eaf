import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  CHROMIUM,
  chromiumAvailable,
  launchChromium,
  openWidget,
  quietLog,
} from './browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available) console.warn(`\n⚠️  SKIPPED: browser SLA test — no Chromium at ${CHROMIUM}.\n`);

describe.runIf(available)('SLA alerts in the console and the widget, in headless Chromium', () => {
  let baton: RunningBaton;
  let browser: Browser;
  let offset = 0;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    baton = await startBaton({
      port: 0,
      host: '127.0.0.1',
      log: quietLog,
      clock: () => new Date(Date.now() + offset),
      slaSweepMs: 100,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  it('a waiting customer warns the agent at half the target, then the miss is shown to both', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const shop = await context.newPage();
    await shop.goto(baton.url + '/');
    const widget = await openWidget(shop);
    await widget.getByTestId('baton-human').click();
    const banner = widget.getByTestId('baton-queue-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/queue/i);

    const agent = await context.newPage();
    await agent.goto(baton.url + '/console/');
    await agent.getByTestId('login-email').fill('sam@northwind.example');
    await agent.getByTestId('login-password').fill('baton-demo-sam');
    await agent.getByTestId('login-submit').click();
    await expect.poll(() => agent.getByTestId('waiting-item').count()).toBeGreaterThan(0);

    // The conversation's target, as stored.
    const [waiting] = await baton.store.listWaitingEntries('general');
    const deadline = waiting!.slaDeadline!.getTime();
    const enqueued = waiting!.enqueuedAt!.getTime();
    offset = enqueued + (deadline - enqueued) * 0.6 - Date.now();
    const alerts = agent.getByTestId('sla-alerts');
    await expect.poll(() => alerts.innerText(), { timeout: 15_000 }).toMatch(/still waiting/);
    await agent.screenshot({ path: resolve(ARTIFACTS, 'console-sla-warning.png') });
    expect(await axeViolations(agent)).toEqual([]);

    offset = deadline + 1_000 - Date.now();
    await expect.poll(() => alerts.innerText(), { timeout: 15_000 }).toMatch(/reply target missed/);
    expect(await alerts.locator('[data-kind="breach"]').getAttribute('role')).toBe('alert');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/longer than our/);
    // The email option is offered although agents are online.
    await expect.poll(() => widget.getByTestId('baton-email-input').count()).toBe(1);
    await agent.screenshot({ path: resolve(ARTIFACTS, 'console-sla-breach.png') });
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-sla-breach.png') });
    expect(await axeViolations(agent)).toEqual([]);

    // The customer asks for a copy of the chat by email.
    await widget.getByTestId('baton-transcript-open').click();
    await widget.getByTestId('baton-transcript-input').fill('jordan@example.com');
    await widget.getByTestId('baton-transcript-submit').click();
    await expect
      .poll(() => widget.getByTestId('baton-transcript-sent').innerText(), { timeout: 15_000 })
      .toMatch(/on its way to jordan@example\.com/);

    // On a phone the widget shows the same honest banner.
    await shop.setViewportSize({ width: 375, height: 667 });
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-sla-breach-phone.png') });

    // Claimed: the alert is handled and goes away.
    await agent.getByTestId('waiting-item').first().click();
    await agent.getByTestId('claim-button').click();
    await expect.poll(() => alerts.count(), { timeout: 15_000 }).toBe(0);
    await context.close();
  });
});
