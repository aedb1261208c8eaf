/**
 * What the widget costs the storefront, measured in headless Chromium against the same page
 * without the tag: added main-thread time on page view, long tasks (also under 4× CPU
 * throttling), the `load` event, bytes fetched, and the time from the first click on the
 * launcher to a usable composer. Runs interleaved pairs and prints medians.
 *
 *   pnpm bench:widget            (7 pairs)
 *   pnpm bench:widget --runs 3
 */
import type { Browser, Page } from 'playwright-core';
import { startBaton, type RunningBaton } from '../packages/server/src/bootstrap';
import { launchChromium } from '../test/e2e/browser';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface PageView {
  /** Main-thread script + task time by the time the page is idle (CDP Performance metrics). */
  scriptMs: number;
  taskMs: number;
  /** Long tasks (> 50 ms) seen from navigation until idle. */
  longTasks: number;
  longestTaskMs: number;
  /** navigationStart → loadEventEnd. */
  loadMs: number;
  /** Requests and bytes besides the page's own document. */
  requests: number;
  bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** One page view of the storefront, with the tag or with it stripped from the HTML. */
async function pageView(
  browser: Browser,
  url: string,
  tag: boolean,
  cpu: number,
): Promise<PageView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  let requests = 0;
  let bytes = 0;
  // The document itself is left out: without the tag it is re-served uncompressed by the route.
  page.on('requestfinished', async (r) => {
    if (r.resourceType() === 'document' && r.frame() === page.mainFrame()) return;
    requests++;
    const sizes = await r.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  if (!tag) {
    await page.route(url + '/', async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<script[^>]*widget\.js[^>]*><\/script>/, '');
      await route.fulfill({ response: res, body: html });
    });
  }
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url + '/', { waitUntil: 'load' });
  // Idle: nothing more to run for a while after load.
  await page.waitForTimeout(1_000);
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      loadMs: nav.loadEventEnd,
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    };
  });
  await context.close();
  return {
    scriptMs: (metrics.ScriptDuration ?? 0) * 1000,
    taskMs: (metrics.TaskDuration ?? 0) * 1000,
    longTasks: timing.longTasks.length,
    longestTaskMs: Math.max(0, ...timing.longTasks),
    loadMs: timing.loadMs,
    requests,
    bytes,
  };
}

interface Open {
  /** The launcher's click event → the composer in place and focused (`baton:composer` mark). */
  composerMs: number;
  /** The same click → the chat session is up (`baton:online` mark). */
  onlineMs: number;
  /** The same click, as the test driver sees it, → the composer took typing. */
  driverMs: number;
}

/**
 * Click on the launcher → the composer inside the chat can be typed in. Timed in the browser,
 * from the click event's own timestamp to the app's performance marks (the driver's click takes
 * 200–300 ms of its own on a slow machine, before the page even sees it); the driver's figure is
 * kept too.
 */
async function firstOpen(browser: Browser, url: string): Promise<Open> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  await page.goto(url + '/', { waitUntil: 'load' });
  await page.evaluate(() => {
    const w = window as unknown as { clickAt?: number };
    document.addEventListener(
      'click',
      (e) => (w.clickAt ??= performance.timeOrigin + e.timeStamp),
      true,
    );
  });
  await page.waitForTimeout(300);
  const start = Date.now();
  await page.getByTestId('baton-host-launcher').click();
  const input = page.frameLocator('iframe[src*="/widget/frame.html"]').getByTestId('baton-input');
  await input.waitFor({ state: 'visible' });
  await input.fill('hello');
  const driverMs = Date.now() - start;
  const frame = page.frame({ url: /\/widget\/frame\.html/ })!;
  await frame.waitForFunction(() => performance.getEntriesByName('baton:online').length > 0);
  const clickAt = await page.evaluate(() => (window as unknown as { clickAt: number }).clickAt);
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const marks = await frame.evaluate(() =>
    ['baton:composer', 'baton:online'].map(
      (name) => performance.timeOrigin + performance.getEntriesByName(name)[0]!.startTime,
    ),
  );
  await context.close();
  return { composerMs: marks[0]! - clickAt, onlineMs: marks[1]! - clickAt, driverMs };
}

async function main() {
  const baton: RunningBaton = await startBaton({ port: 0, host: '127.0.0.1', log });
  const browser = await launchChromium();
  try {
    const url = baton.url;
    // Warm the server's caches and compilation once each way.
    await pageView(browser, url, true, 1);
    await pageView(browser, url, false, 1);
    const rows: string[] = [];
    for (const cpu of [1, 4]) {
      const withTag: PageView[] = [];
      const without: PageView[] = [];
      for (let i = 0; i < RUNS; i++) {
        without.push(await pageView(browser, url, false, cpu));
        withTag.push(await pageView(browser, url, true, cpu));
      }
      const added = (pick: (v: PageView) => number) =>
        median(withTag.map(pick)) - median(without.map(pick));
      rows.push(
        `| CPU ${cpu}× | ${fmt(added((v) => v.scriptMs))} ms | ${fmt(added((v) => v.taskMs))} ms | ` +
          `${Math.max(...withTag.map((v) => v.longTasks))} (longest ${fmt(Math.max(...withTag.map((v) => v.longestTaskMs)))} ms) | ` +
          `${Math.max(...without.map((v) => v.longTasks))} | ` +
          `${fmt(median(without.map((v) => v.loadMs)))} → ${fmt(median(withTag.map((v) => v.loadMs)))} ms | ` +
          `${median(without.map((v) => v.requests))} → ${median(withTag.map((v) => v.requests))} | ` +
          `${fmt(median(without.map((v) => v.bytes)) / 1024)} → ${fmt(median(withTag.map((v) => v.bytes)) / 1024)} KB |`,
      );
    }
    const opens: Open[] = [];
    for (let i = 0; i < RUNS; i++) opens.push(await firstOpen(browser, url));
    const spread = (pick: (o: Open) => number) => {
      const v = opens.map(pick);
      return `median ${fmt(median(v))} ms (min ${fmt(Math.min(...v))}, max ${fmt(Math.max(...v))})`;
    };
    console.log(
      `Widget cost on the demo storefront, ${RUNS} interleaved pairs, medians (Chromium ${browser.version()})`,
    );
    console.log(
      '| throttling | added script time | added task time | long tasks with tag | long tasks without | load event (without → with) | requests | bytes |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
    console.log(`first open, click → composer ready: ${spread((o) => o.composerMs)}`);
    console.log(`first open, click → chat session up: ${spread((o) => o.onlineMs)}`);
    console.log(
      `first open as the test driver sees it (its own click included): ${spread((o) => o.driverMs)}`,
    );
    console.log(
      'goals: added main-thread ≤ 5 ms, no long task, load not delayed, first open ≤ 300 ms',
    );
  } finally {
    await browser.close();
    await baton.stop();
  }
}

void main();
