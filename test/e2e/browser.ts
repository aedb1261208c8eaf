import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Ack } from '../../packages/shared/src';
import type { Socket } from '../../packages/server/node_modules/socket.io-client';

// socket.io-client is a dependency of packages/server, not of the root.
const { io } = createRequire(new URL('../../packages/server/package.json', import.meta.url))(
  'socket.io-client',
) as typeof import('../../packages/server/node_modules/socket.io-client');

/** An agent over the socket protocol, logged in as `email` (the demo's agents), and its token. */
export async function agentSocket(
  url: string,
  email: string,
  password: string,
): Promise<{ socket: Socket; token: string }> {
  const login = await fetch(url + '/api/agent/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { token } = (await login.json()) as { token: string };
  return { token, socket: io(url + '/agent', { auth: { token }, transports: ['websocket'] }) };
}

/** Emits with an ack; the data, or a thrown error with the code. */
export async function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const res = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
  if (!res.ok) throw new Error(`${event}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** A server log that stays quiet in tests but for errors. */
export const quietLog = {
  info: () => undefined,
  warn: () => undefined,
  error: (o: object, m: string) => console.error(m, o),
};

/** The system Chromium the browser tests drive (CHROMIUM_PATH overrides it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/** Headless Chromium with the flags this machine needs (no sandbox, no GPU, no network chatter). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core violation on the page (any impact), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the console's CSP forbids inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const result = await axe.run();
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/**
 * Opens the chat as a shopper does: the page's launcher (only it exists until then), then the
 * widget's iframe, which loads on that click.
 */
export async function openWidget(page: Page) {
  await page.getByTestId('baton-host-launcher').click();
  return page.frameLocator('iframe[src*="/widget/frame.html"]');
}

/** The widget's iframe on a storefront page. */
export const WIDGET_FRAME = 'iframe[src*="/widget/frame.html"]';

/**
 * axe as a shopper meets the widget: the storefront page with the widget's iframe in it (axe
 * must be in the frame too to look inside). Auditing the frame's document alone would judge it
 * as a page of its own (e.g. "no main landmark"), which an embedded widget must not have.
 */
export async function widgetViolations(shop: Page, frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  return axeViolations(shop);
}

/**
 * The same, inside the widget's iframe only. On a phone the open widget covers the whole
 * storefront, and axe then reports the covered storefront text's contrast, not the widget's.
 */
export async function widgetOnlyViolations(shop: Page, frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  await shop.evaluate(AXE);
  return shop.evaluate(async (selector) => {
    type Rule = { id: string; nodes: { target: string[] }[] };
    type AxeResult = { violations: Rule[]; passes: Rule[] };
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run({ include: [[selector]] });
    // Checked inside the frame: passing nodes' targets start with the iframe.
    if (!result.passes.some((r) => r.nodes.some((n) => n.target.length > 1)))
      throw new Error('axe did not look inside the widget frame');
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, WIDGET_FRAME);
}
