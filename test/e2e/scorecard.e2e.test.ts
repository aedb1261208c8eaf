import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  ConversationDetail,
  SessionStartResult,
} from '../../packages/shared/src';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';
import {
  ALEX,
  SITE_KEY,
  call,
  connectAgent,
  connectCustomer,
  newClientId,
  waitFor,
} from '../../packages/server/test/harness';
import { axeViolations, CHROMIUM, chromiumAvailable, launchChromium, quietLog } from './browser';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available)
  console.warn(`\n⚠️  SKIPPED: browser scorecard test — no Chromium at ${CHROMIUM}.\n`);
const ADMIN = 'scorecard-e2e-admin-token';

describe.runIf(available)('the scorecard page in the console, in headless Chromium', () => {
  let baton: RunningBaton;
  let browser: Browser;
  const started = new Date(Date.now() - 60_000);
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    baton = await startBaton({ port: 0, host: '127.0.0.1', log: quietLog, adminToken: ADMIN });
    browser = await launchChromium();

    // A short day: one question the assistant answers alone, one customer handed to Alex, who
    // resolves it (packet usefulness 4); the customer rates it 5.
    const asker = connectCustomer(baton.url);
    await call<SessionStartResult>(asker, 'session:start', { siteKey: SITE_KEY });
    const answered = waitFor<ChatMessage>(asker, 'message', (m) => m.role === 'assistant');
    await call(asker, 'message:send', {
      clientId: newClientId(),
      text: 'what are your store hours?',
    });
    await answered;

    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'human:request', { clientId: newClientId() });
    const { socket: alex } = await connectAgent(baton.url, ALEX);
    await call<ConversationDetail>(alex, 'conversation:claim', {
      conversationId: s.conversationId,
    });
    await call(alex, 'conversation:resolve', {
      conversationId: s.conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    await call(customer, 'csat:submit', { rating: 5 });
    for (const socket of [asker, customer, alex]) socket.disconnect();

    // The administrator draws every conversation the assistant handled alone for audit.
    const drawn = await fetch(`${baton.url}/api/admin/audits/draw`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        from: started.toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
        share: 1,
      }),
    });
    expect(drawn.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  it('shows the figures, breaks them down, and takes an audit verdict that moves the miss rate', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(baton.url + '/console/');
    await page.getByTestId('login-email').fill(ALEX.email);
    await page.getByTestId('login-password').fill(ALEX.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('view-scorecard').click();

    const card = page.getByTestId('scorecard');
    const kpi = (key: string) => card.locator(`[data-kpi="${key}"]`);
    await expect.poll(() => kpi('csat').innerText(), { timeout: 15_000 }).toMatch(/5\.00 \/ 5/);
    expect(await kpi('packetUsefulness').innerText()).toMatch(/4\.00 \/ 5/);
    // Two conversations: one resolved by the assistant alone.
    expect(await kpi('autonomousResolution').innerText()).toMatch(/50\.0%[\s\S]*1 of 2/);
    expect(await kpi('missReview').innerText()).toMatch(/–[\s\S]*0 of 0 audited · 1 waiting/);
    expect(await card.locator('.bar-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(ARTIFACTS, 'console-scorecard.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The audit: read it, and say the assistant should have handed it over.
    const audits = page.getByTestId('audits');
    await audits.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => page.getByTestId('audit-detail').innerText()).toMatch(/store hours/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Should have gone to a person' }).click();
    await expect
      .poll(() => kpi('missReview').innerText(), { timeout: 15_000 })
      .toMatch(/100\.0%[\s\S]*1 of 1 audited · 0 waiting/);
    expect(await audits.innerText()).toMatch(/Nothing waiting for review/);

    // By ticket type, and at the narrowest supported width.
    await card.getByLabel('Break down by').selectOption('intent');
    await expect.poll(() => card.locator('.bar-label').allInnerTexts()).toContain('store_hours');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({
      path: resolve(ARTIFACTS, 'console-scorecard-1024.png'),
      fullPage: true,
    });
    await context.close();
  });
});
