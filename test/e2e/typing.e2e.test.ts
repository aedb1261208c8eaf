import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';
import {
  axeViolations,
  CHROMIUM,
  chromiumAvailable,
  launchChromium,
  openWidget,
  quietLog,
} from './browser';

const available = chromiumAvailable;
if (!available) console.warn(`\n⚠️  SKIPPED: browser typing test — no Chromium at ${CHROMIUM}.\n`);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.runIf(available)('typing indicators between the widget and the console', () => {
  let baton: RunningBaton;
  let browser: Browser;
  beforeAll(async () => {
    baton = await startBaton({ port: 0, host: '127.0.0.1', log: quietLog });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  it('each side sees the other type, and the widget stays accessible while it shows', async () => {
    const context = await browser.newContext();
    const shop = await context.newPage();
    const pageErrors: string[] = [];
    shop.on('pageerror', (e) => pageErrors.push(e.message));
    await shop.goto(baton.url + '/');
    const widget = await openWidget(shop);
    await widget.getByTestId('baton-human').click();
    const banner = widget.getByTestId('baton-queue-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/queue/i);

    const console_ = await context.newPage();
    await console_.goto(baton.url + '/console/');
    await console_.getByTestId('login-email').fill('alex@northwind.example');
    await console_.getByTestId('login-password').fill('baton-demo-alex');
    await console_.getByTestId('login-submit').click();
    const waiting = console_.getByTestId('waiting-item');
    await expect.poll(() => waiting.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await waiting.first().getByTestId('claim-button').click();
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/Alex Rivera/);

    // Customer → agent.
    const customerTyping = console_.getByTestId('customer-typing');
    expect(await customerTyping.innerText()).toBe('');
    await widget.getByTestId('baton-input').pressSequentially('Is it in stock', { delay: 30 });
    await expect
      .poll(() => customerTyping.innerText(), { timeout: 10_000 })
      .toBe('Customer is typing…');
    expect(await customerTyping.getAttribute('role')).toBe('status');
    // The draft itself never reaches the console.
    expect(await console_.getByTestId('transcript').innerText()).not.toContain('Is it in stock');
    await widget.getByTestId('baton-send').click();
    await expect.poll(() => customerTyping.innerText(), { timeout: 10_000 }).toBe('');

    // Agent → customer.
    const agentTyping = widget.getByTestId('baton-typing');
    expect(await agentTyping.innerText()).toBe('');
    await console_.getByTestId('reply-input').pressSequentially('Yes, two left', { delay: 30 });
    await expect
      .poll(() => agentTyping.innerText(), { timeout: 10_000 })
      .toBe('Alex Rivera is typing…');
    expect(await agentTyping.getAttribute('role')).toBe('status');

    const frame = shop.frames().find((f) => f.url().includes('/widget/frame.html'))!;
    await frame.evaluate(AXE);
    expect(await axeViolations(shop)).toEqual([]);

    await console_.getByTestId('reply-send').click();
    const reply = widget.locator('[data-testid="baton-message"][data-role="agent"]');
    await expect.poll(() => reply.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await agentTyping.innerText()).toBe('');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
