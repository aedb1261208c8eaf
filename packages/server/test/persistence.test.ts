import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionStartResult } from '@baton/shared';
import { call, connectCustomer, newClientId, SITE_KEY, startTestServer } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'baton-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded storage on disk', () => {
  it('keeps conversations across a restart and serves the demo pages', async () => {
    let baton = await startTestServer({ dataDir: dir });
    const first = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(first, 'session:start', { siteKey: SITE_KEY });
    await call(first, 'message:send', { clientId: newClientId(), text: 'do you ship to Canada?' });
    first.close();
    const page = await fetch(baton.url + '/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/<script[^>]+widget\.js/g)).toHaveLength(1);
    expect(html).toContain('data-site-key="demo-northwind"');
    await baton.stop();

    baton = await startTestServer({ dataDir: dir });
    const second = connectCustomer(baton.url);
    const resumed = await call<SessionStartResult>(second, 'session:start', {
      siteKey: SITE_KEY,
      sessionToken: s.sessionToken,
    });
    expect(resumed.conversationId).toBe(s.conversationId);
    expect(resumed.messages.map((m) => m.text)).toContain('do you ship to Canada?');
    second.close();
    await baton.stop();
  });
});
