import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBaton } from '../src/bootstrap';
import { startTestServer } from './harness';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  body: string;
}

/** A GET that keeps the bytes as sent (no automatic decompression). */
function fetchRaw(url: string, encoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(url, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: all.length,
          body: all.toString('utf8'),
        });
      });
    }).on('error', reject);
  });
}

/**
 * What the storefront downloads: compressed when the browser accepts it, hashed assets cached
 * for good, pages and the loader revalidated soon, so a new build reaches shoppers.
 */
describe('HTTP compression and caching', () => {
  let baton: RunningBaton;
  beforeAll(async () => {
    baton = await startTestServer();
  });
  afterAll(async () => {
    await baton?.stop();
  });

  it("writes the site's widget settings (site.yaml) into the loader, so its launcher is drawn in them", async () => {
    const loader = await fetchRaw(`${baton.url}/widget.js`);
    expect(loader.status).toBe(200);
    expect(loader.body).not.toContain('__BATON_SITE_CONFIG__');
    const literal = /"(\{\\"brandColor[^"\\]*(?:\\.[^"\\]*)*)"/.exec(loader.body)?.[1];
    expect(literal).toBeDefined();
    const settings = JSON.parse(JSON.parse(`"${literal}"`)) as Record<string, string>;
    expect(settings).toMatchObject({ brandColor: '#1f3d2b', title: 'Northwind Goods' });
  });

  it('sends brotli or gzip as accepted, with Vary, and plain bytes otherwise', async () => {
    const page = await fetchRaw(`${baton.url}/widget/frame.html`);
    const script = /src="(\/widget\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const plain = await fetchRaw(`${baton.url}${script}`);
    const br = await fetchRaw(`${baton.url}${script}`, 'br, gzip');
    const gzip = await fetchRaw(`${baton.url}${script}`, 'gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(String(br.headers.vary)).toMatch(/Accept-Encoding/i);
    // The app is mostly text: compressed it is a fraction of its size.
    expect(br.bytes).toBeLessThan(plain.bytes / 2);
    expect(gzip.bytes).toBeLessThan(plain.bytes / 2);
    expect(br.bytes).toBeLessThan(gzip.bytes);
    console.log(
      `widget app: ${plain.bytes} B plain, ${gzip.bytes} B gzip, ${br.bytes} B brotli (as served)`,
    );
  });

  it('caches hashed assets for a year, revalidates pages, and the loader for 5 minutes', async () => {
    const page = await fetchRaw(`${baton.url}/widget/frame.html`);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/widget\/assets\/[^"]+\.js)"/.exec(page.body)![1];
    const asset = await fetchRaw(`${baton.url}${script}`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const consolePage = await fetchRaw(`${baton.url}/console/`);
    expect(consolePage.headers['cache-control']).toBe('no-cache');
    const consoleAsset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(consolePage.body)?.[1];
    expect(consoleAsset).toBeDefined();
    expect((await fetchRaw(`${baton.url}${consoleAsset}`)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    const loader = await fetchRaw(`${baton.url}/widget.js`, 'gzip');
    expect(loader.headers['cache-control']).toBe('public, max-age=300');
    expect(loader.headers['content-encoding']).toBe('gzip');
  });
});
