/**
 * The widget as shoppers meet it, in every state (closed, open, queued, agent joined, resolved),
 * themed by the page, in light and dark, in English, Spanish and Arabic (right to left), on a
 * desktop and on a phone: axe-core finds nothing in any of them, and the phone gets a
 * full-screen panel with 44 px controls and 16 px input text.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../packages/shared/src';
import type { Socket } from '../../packages/server/node_modules/socket.io-client';
import { startBaton, type RunningBaton } from '../../packages/server/src/bootstrap';
import {
  agentSocket,
  call,
  CHROMIUM,
  chromiumAvailable,
  launchChromium,
  openWidget,
  quietLog,
  WIDGET_FRAME,
  widgetOnlyViolations,
  widgetViolations,
} from './browser';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available)
  console.warn(`\n⚠️  SKIPPED: widget states browser test — no Chromium at ${CHROMIUM}.\n`);

/** A storefront page whose `Baton('boot', …)` runs before widget.js, as a store would put it. */
async function shopWith(
  browser: Browser,
  url: string,
  boot: Record<string, unknown>,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.addInitScript((config) => {
    const w = window as unknown as { Baton: { q?: unknown[] } & ((...a: unknown[]) => void) };
    w.Baton = Object.assign(
      function (...args: unknown[]) {
        (w.Baton.q = w.Baton.q || []).push(args);
      },
      { q: [['boot', config]] },
    );
  }, boot);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(url + '/');
  return page;
}

const frameOf = (page: Page): Frame => page.frame({ url: /\/widget\/frame\.html/ })!;

describe.runIf(available)('the widget in every state, themed, localised and on a phone', () => {
  let baton: RunningBaton;
  let browser: Browser;
  const agents: Socket[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    baton = await startBaton({ port: 0, host: '127.0.0.1', log: quietLog });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const a of agents) a.close();
    await browser?.close();
    await baton?.stop();
  });

  it('desktop, light then dark: closed, open, queued, agent joined, resolved — axe clean in each', async () => {
    // A yellow brand: the text on it must turn dark to stay readable (4.5:1).
    const shop = await shopWith(browser, baton.url, {
      brandColor: '#ffd400',
      position: 'left',
      title: 'Northwind help',
      greeting: 'Hi! Ask about orders, returns or anything else.',
      launcherLabel: 'Questions?',
    });
    // Closed: only the page's launcher, in the store's colour and corner, with its label.
    const host = shop.getByTestId('baton-host-launcher');
    expect(await host.innerText()).toBe('Questions?');
    const hostBox = (await host.boundingBox())!;
    expect(hostBox.x).toBeLessThan(100);
    expect(await host.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(255, 212, 0)',
    );
    expect(await shop.locator(WIDGET_FRAME).count()).toBe(0);

    const widget = await openWidget(shop);
    await expect.poll(() => widget.getByTestId('baton-panel').count(), { timeout: 15_000 }).toBe(1);
    const frame = frameOf(shop);
    expect(await widget.locator('.baton-title').innerText()).toBe('Northwind help');
    expect(await widget.locator('.baton-empty').innerText()).toContain('Ask about orders');
    const header = await frame.evaluate(() => {
      const h = getComputedStyle(document.querySelector('.baton-header')!);
      return { bg: h.backgroundColor, fg: h.color };
    });
    expect(header).toEqual({ bg: 'rgb(255, 212, 0)', fg: 'rgb(17, 17, 17)' });
    // Left corner: the iframe hugs the left edge.
    expect((await shop.locator(WIDGET_FRAME).boundingBox())!.x).toBe(0);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-themed-open.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);

    // Queued, with a message written while waiting: one line says who will read it.
    await widget.getByTestId('baton-human').click();
    const banner = widget.getByTestId('baton-queue-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/queue/i);
    for (const text of ['My parcel is damaged', 'It is the blue tent']) {
      await widget.getByTestId('baton-input').fill(text);
      await widget.getByTestId('baton-send').click();
      await expect
        .poll(() => widget.locator('[data-role="customer"]').last().innerText(), {
          timeout: 15_000,
        })
        .toContain(text);
    }
    const note = widget.getByTestId('baton-queued-note');
    await expect.poll(() => note.count(), { timeout: 15_000 }).toBe(1);
    expect(await note.innerText()).toBe('A person will read this when they join.');
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-themed-queued.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);

    // An agent joins: announced once, and the note about who will read it goes.
    const { socket: agent } = await agentSocket(
      baton.url,
      'alex@northwind.example',
      'baton-demo-alex',
    );
    agents.push(agent);
    const { queues } = await call<{ queues: QueueSnapshot[] }>(agent, 'queues:get', {});
    const conversationId = queues.flatMap((q) => q.waiting)[0]!.conversationId;
    await call(agent, 'conversation:claim', { conversationId });
    await call(agent, 'message:send', {
      conversationId,
      clientId: 'agent-states-0001',
      text: 'Hi, Alex here. Sorry about the tent!',
    });
    const agentMessage = widget.locator('[data-role="agent"]');
    await expect.poll(() => agentMessage.count(), { timeout: 15_000 }).toBe(1);
    expect(await agentMessage.locator('.baton-avatar').innerText()).toBe('AR');
    const joined = widget.locator('[data-role="system"]', { hasText: 'joined the conversation' });
    expect(await joined.count()).toBe(1);
    expect(await note.count()).toBe(0);
    expect(await widgetViolations(shop, frame)).toEqual([]);

    // Dark: the shopper's system setting, with the same brand.
    await shop.emulateMedia({ colorScheme: 'dark' });
    const surface = await frame.evaluate(
      () => getComputedStyle(document.querySelector('.baton-panel')!).backgroundColor,
    );
    expect(surface).toBe('rgb(23, 25, 31)');
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-dark-agent.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);

    // Resolved: the rating prompt, in dark and light.
    await call(agent, 'conversation:resolve', {
      conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    await expect.poll(() => widget.getByTestId('baton-csat').count(), { timeout: 15_000 }).toBe(1);
    expect(await widgetViolations(shop, frame)).toEqual([]);
    await shop.emulateMedia({ colorScheme: 'light' });
    expect(await widgetViolations(shop, frame)).toEqual([]);

    // Closed again (the iframe's own launcher now): still clean.
    await widget.getByTestId('baton-launcher').click();
    await expect.poll(() => widget.getByTestId('baton-panel').count()).toBe(0);
    expect(await widgetViolations(shop, frame)).toEqual([]);
    expect((shop as unknown as { errors: string[] }).errors).toEqual([]);
  });

  it('a phone, in Spanish: the panel is the whole screen, controls 44 px, input text 16 px', async () => {
    const shop = await shopWith(
      browser,
      baton.url,
      { locale: 'es' },
      {
        viewport: { width: 375, height: 667 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
    );
    // The storefront fits the phone: nothing wider than the screen, the launcher on it.
    expect(await shop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    const host = (await shop.getByTestId('baton-host-launcher').boundingBox())!;
    expect(host.x + host.width).toBeLessThanOrEqual(375);
    expect(host.y + host.height).toBeLessThanOrEqual(667);

    const widget = await openWidget(shop);
    await expect.poll(() => widget.getByTestId('baton-panel').count(), { timeout: 15_000 }).toBe(1);
    const frame = frameOf(shop);
    await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await widget.getByTestId('baton-human').innerText()).toBe(
      (await import('../../packages/widget/src/app/i18n/es')).default.human,
    );
    const layout = await frame.evaluate(() => {
      const panel = document.querySelector('.baton-panel')!.getBoundingClientRect();
      const controls = Array.from(
        document.querySelectorAll<HTMLElement>('.baton-panel button, .baton-panel textarea'),
      ).filter((el) => el.offsetParent !== null);
      return {
        panel: [panel.x, panel.y, panel.width, panel.height],
        small: controls
          .map((el) => ({ el: el.className, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 44 || r.height < 44)
          .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
        inputFont: parseFloat(getComputedStyle(document.querySelector('.baton-input')!).fontSize),
      };
    });
    expect(layout.panel).toEqual([0, 0, 375, 667]);
    expect(layout.small).toEqual([]);
    expect(layout.inputFont).toBeGreaterThanOrEqual(16);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-phone-es.png') });
    expect(await widgetOnlyViolations(shop, frame)).toEqual([]);

    // Asking for a person keeps the focus on the button, now saying so in Spanish.
    await widget.getByTestId('baton-human').click();
    await expect
      .poll(() => widget.getByTestId('baton-queue-banner').count(), { timeout: 15_000 })
      .toBe(1);
    const es = (await import('../../packages/widget/src/app/i18n/es')).default;
    await expect.poll(() => widget.getByTestId('baton-human').innerText()).toBe(es.waiting);
    expect(await widget.getByTestId('baton-queue-banner').innerText()).not.toMatch(/queue/);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-phone-es-queued.png') });
    expect(await widgetOnlyViolations(shop, frame)).toEqual([]);
  });

  it('Arabic lays the panel out right to left, axe clean', async () => {
    const shop = await shopWith(browser, baton.url, { locale: 'ar' });
    const widget = await openWidget(shop);
    await expect.poll(() => widget.getByTestId('baton-panel').count(), { timeout: 15_000 }).toBe(1);
    const frame = frameOf(shop);
    expect(
      await frame.evaluate(() => [document.documentElement.dir, document.documentElement.lang]),
    ).toEqual(['rtl', 'ar']);
    await widget.getByTestId('baton-input').fill('مرحبا');
    await widget.getByTestId('baton-send').click();
    await expect
      .poll(() => widget.locator('[data-role="assistant"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // The customer's bubble sits at the start of the line's reading direction: the left edge.
    const sides = await frame.evaluate(() => {
      const log = document.querySelector('.baton-transcript')!.getBoundingClientRect();
      const mine = document.querySelector('[data-role="customer"]')!.getBoundingClientRect();
      return { fromLeft: mine.left - log.left, fromRight: log.right - mine.right };
    });
    expect(sides.fromLeft).toBeLessThan(sides.fromRight);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-arabic.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);
  });
});
