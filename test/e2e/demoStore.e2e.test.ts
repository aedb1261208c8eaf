import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';
import { CHROMIUM, chromiumAvailable, launchChromium, openWidget, quietLog } from './browser';

const available = chromiumAvailable;
if (!available) console.warn(`\n⚠️  SKIPPED: demo storefront test — no Chromium at ${CHROMIUM}.\n`);

/**
 * The demo store tells the truth about itself: each browser is its own (verified) demo
 * customer, so one visitor's history never becomes everyone's repeat contact; "New demo
 * customer" starts another one.
 */
describe.runIf(available)('the demo storefront, in headless Chromium', () => {
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

  /** Opens the store in `page`, asks for a person, and returns the visitor the server knows. */
  async function shopperOf(page: import('playwright-core').Page) {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(baton.url + '/');
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    // Page view: only the loader and its launcher; no iframe, no socket, nothing sent about the
    // shopper (identify and setContext wait, queued, until the chat opens).
    expect(await page.locator('iframe').count()).toBe(0);
    expect(requests.filter((p) => p.startsWith('/widget/') || p.startsWith('/socket.io'))).toEqual(
      [],
    );
    const widget = await openWidget(page);
    await widget.getByTestId('baton-human').click();
    await expect
      .poll(() => widget.getByTestId('baton-queue-banner').innerText(), { timeout: 15_000 })
      .toMatch(/queue/i);
    const { id } = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('northwind-demo-customer')))!,
    ) as { id: string };
    // The storefront's identify carries a userHash that checks out: the id is verified.
    const visitorOf = async () => {
      for (const w of await baton.store.listWaitingEntries('general')) {
        const conversation = (await baton.store.getConversation(w.id))!;
        const visitor = await baton.store.getVisitor(conversation.visitorId);
        if (visitor?.verifiedId === id) return visitor;
      }
      return undefined;
    };
    await expect.poll(visitorOf).toBeDefined();
    expect(id).toMatch(/^cust-\d{4}$/);
    return (await visitorOf())!;
  }

  it('gives each browser its own verified demo customer, and a new one on request', async () => {
    const one = await browser.newContext();
    const two = await browser.newContext();
    const a = await shopperOf(await one.newPage());
    const b = await shopperOf(await two.newPage());
    expect(a.verifiedId).not.toBe(b.verifiedId);
    expect(a.id).not.toBe(b.id);

    // The same browser keeps its customer across page views…
    const page = await one.newPage();
    await page.goto(baton.url + '/');
    expect(await page.evaluate(() => localStorage.getItem('northwind-demo-customer'))).toContain(
      a.verifiedId!,
    );
    // …until "New demo customer" starts another, with a fresh chat.
    const token = () => page.evaluate(() => localStorage.getItem('baton:session:demo-northwind'));
    const before = await token();
    expect(before).not.toBeNull();
    await page.getByRole('button', { name: 'New demo customer' }).click();
    await page.waitForLoadState('load');
    const next = await page.evaluate(() => localStorage.getItem('northwind-demo-customer'));
    expect(next).not.toContain(a.verifiedId!);
    await expect.poll(token).not.toBeNull();
    expect(await token()).not.toBe(before);
    await one.close();
    await two.close();
  });
});
