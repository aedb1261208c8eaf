import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
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

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available)
  console.warn(`\n⚠️  SKIPPED: browser attachments test — no Chromium at ${CHROMIUM}.\n`);

/** A 2×2 red PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe on the storefront with the widget's frame in it (axe inside the frame too). */
async function widgetViolations(shop: Page, frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  return axeViolations(shop);
}

/** Whether an <img> finished loading real pixels (an object URL that resolved to the image). */
const decoded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;

describe.runIf(available)('attachments in the browser: widget → console', () => {
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

  it('the customer attaches an image in the widget; it shows there and in the agent’s console', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const shop = await context.newPage();
    const pageErrors: string[] = [];
    shop.on('pageerror', (e) => pageErrors.push(e.message));
    await shop.goto(baton.url + '/');
    const widget = await openWidget(shop);
    await widget.getByTestId('baton-human').click();
    await expect
      .poll(() => widget.getByTestId('baton-queue-banner').innerText(), { timeout: 15_000 })
      .toMatch(/queue/i);

    // The hidden file input behind the Attach button, as a person picking a file fills it.
    await expect.poll(() => widget.getByTestId('baton-attach').isVisible()).toBe(true);
    await widget.getByTestId('baton-file').setInputFiles({
      name: 'broken-mug.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    const image = widget.locator('img[data-testid="baton-attachment"]');
    await expect.poll(() => image.count(), { timeout: 15_000 }).toBe(1);
    expect(await image.getAttribute('alt')).toBe('broken-mug.png');
    await expect.poll(() => image.evaluate(decoded), { timeout: 15_000 }).toBe(true);
    // Confirmed by the server: no longer pending.
    const customerMessage = widget.locator('[data-testid="baton-message"][data-role="customer"]');
    await expect
      .poll(() => customerMessage.last().getAttribute('data-status'), { timeout: 15_000 })
      .toBeNull();

    const frame = shop.frame({ url: /\/widget\/frame\.html/ })!;
    expect(await widgetViolations(shop, frame)).toEqual([]);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-attachment.png') });

    // A file that is not an image or PDF is refused with its code, shown inline.
    await widget.getByTestId('baton-file').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('plain text, not a picture'),
    });
    const failed = widget.locator('[data-testid="baton-message"][data-status="failed"]');
    await expect.poll(() => failed.count(), { timeout: 15_000 }).toBe(1);
    expect(await failed.innerText()).toContain('UNSUPPORTED_MEDIA_TYPE');

    // The agent, in the console: claims and sees the image.
    const agentPage = await context.newPage();
    agentPage.on('pageerror', (e) => pageErrors.push(e.message));
    await agentPage.goto(baton.url + '/console/');
    await agentPage.getByTestId('login-email').fill('alex@northwind.example');
    await agentPage.getByTestId('login-password').fill('baton-demo-alex');
    await agentPage.getByTestId('login-submit').click();
    const waiting = agentPage.getByTestId('waiting-item');
    await expect.poll(() => waiting.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await waiting.first().getByTestId('claim-button').click();
    const thumb = agentPage.locator('img[data-testid="transcript-attachment"]');
    await expect.poll(() => thumb.count(), { timeout: 15_000 }).toBe(1);
    expect(await thumb.getAttribute('alt')).toBe('broken-mug.png');
    await expect.poll(() => thumb.evaluate(decoded), { timeout: 15_000 }).toBe(true);

    // The agent attaches a PDF to a reply; the customer gets a link to it.
    await agentPage.getByTestId('reply-file').setInputFiles({
      name: 'return-label.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const link = widget.locator('a[data-testid="baton-attachment"]');
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    expect(await link.innerText()).toContain('return-label.pdf');
    await expect.poll(() => link.getAttribute('href'), { timeout: 15_000 }).toMatch(/^blob:/);
    await agentPage.screenshot({ path: resolve(ARTIFACTS, 'console-attachment.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
