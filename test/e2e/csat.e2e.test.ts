import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, QueueSnapshot } from '../../packages/shared/src';
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
  widgetOnlyViolations,
  widgetViolations,
} from './browser';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');
const available = chromiumAvailable;
if (!available) console.warn(`\n⚠️  SKIPPED: browser CSAT test — no Chromium at ${CHROMIUM}.\n`);

/** How many of the rating prompt's controls are smaller than 44×44 px, and the comment's font size. */
async function measure(frame: Frame) {
  return frame.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll('.baton-csat-choice, .baton-csat-send, .baton-csat-change'),
      (el) => el.getBoundingClientRect(),
    );
    const comment = document.querySelector('.baton-csat-comment');
    return {
      controls: controls.length,
      small: controls.filter((r) => r.width < 44 || r.height < 44).length,
      commentFontPx: comment ? parseFloat(getComputedStyle(comment).fontSize) : null,
    };
  });
}

/** Whether the transcript's last message is inside the transcript's visible box. */
function lastMessageInView(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => {
    const log = document.querySelector('[data-testid="baton-transcript"]')!.getBoundingClientRect();
    const last = Array.from(document.querySelectorAll('[data-testid="baton-message"]')).at(-1)!;
    const box = last.getBoundingClientRect();
    return box.top >= log.top && box.bottom <= log.bottom + 1;
  });
}

describe.runIf(available)('the customer rates a conversation a person resolved (CSAT)', () => {
  let baton: RunningBaton;
  let browser: Browser;
  let agent: Socket | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    baton = await startBaton({ port: 0, host: '127.0.0.1', log: quietLog });
    browser = await launchChromium();
  });
  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await baton?.stop();
  });

  it('asks "How did we do?" once the agent resolves, stores 4 with a comment, then a change', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const shop: Page = await context.newPage();
    const pageErrors: string[] = [];
    shop.on('pageerror', (e) => pageErrors.push(e.message));
    await shop.goto(baton.url + '/');
    const widget: FrameLocator = await openWidget(shop);
    await widget.getByTestId('baton-human').click();
    const banner = widget.getByTestId('baton-queue-banner');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toMatch(/queue/i);

    // The agent, over the socket protocol: claims, answers, resolves.
    const login = await agentSocket(baton.url, 'alex@northwind.example', 'baton-demo-alex');
    const token = login.token;
    agent = login.socket;
    const { queues } = await call<{ queues: QueueSnapshot[] }>(agent, 'queues:get', {});
    const waiting = queues.flatMap((q) => q.waiting);
    expect(waiting).toHaveLength(1);
    const conversationId = waiting[0]!.conversationId;
    await call<ConversationDetail>(agent, 'conversation:claim', { conversationId });
    await call(agent, 'message:send', {
      conversationId,
      clientId: 'agent-csat-0001',
      text: 'Hi, Alex here — your refund is on its way.',
    });
    await expect
      .poll(() => widget.locator('[data-role="agent"]').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await widget.getByTestId('baton-csat').count()).toBe(0); // not before the resolve
    await call(agent, 'conversation:resolve', {
      conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });

    // The prompt, below the transcript.
    const prompt = widget.getByTestId('baton-csat');
    await expect.poll(() => prompt.count(), { timeout: 15_000 }).toBe(1);
    expect(await prompt.locator('legend').innerText()).toBe('How did we do?');
    const radios = widget.getByRole('radio');
    expect(await radios.count()).toBe(5);

    // Keyboard only: Space picks 1, the arrows move to 4; the focus ring is visible.
    await widget.getByRole('radio', { name: '1 of 5, very poor' }).focus();
    await shop.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await shop.keyboard.press('ArrowRight');
    const four = widget.getByRole('radio', { name: '4 of 5, good' });
    expect(await four.isChecked()).toBe(true);
    expect(
      await four.evaluate((el) => {
        const ring = getComputedStyle(el.nextElementSibling!);
        return document.activeElement === el && ring.outlineStyle === 'solid';
      }),
    ).toBe(true);
    await widget.getByTestId('baton-csat-comment').fill('Quick and kind, thank you');

    const frame = shop.frame({ url: /\/widget\/frame\.html/ })!;
    // The prompt took room from the transcript; its latest message (the resolution) stays in view.
    expect(await lastMessageInView(frame)).toBe(true);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-csat-rating.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);

    await widget.getByTestId('baton-csat-submit').click();
    const thanks = widget.getByTestId('baton-csat-thanks');
    await expect
      .poll(() => thanks.innerText(), { timeout: 15_000 })
      .toBe('Thanks for your feedback! You rated us 4 of 5.');
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-csat-thanks.png') });
    expect(await widgetViolations(shop, frame)).toEqual([]);

    // Stored: the row itself, and the scorecard's CSAT an agent reads.
    const rows = await baton.db.query<{ rating: number; comment: string; episode: number }>(
      'SELECT rating, comment, episode FROM csat_ratings WHERE conversation_id = $1',
      [conversationId],
    );
    expect(rows).toEqual([{ rating: 4, comment: 'Quick and kind, thank you', episode: 1 }]);
    const scorecard = (await (
      await fetch(baton.url + '/api/agent/scorecard', {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as {
      overall: { csat: { count: number; mean: number; satisfied: { numerator: number } } };
    };
    expect(scorecard.overall.csat).toMatchObject({
      count: 1,
      mean: 4,
      satisfied: { numerator: 1 },
    });
    // The agent sees the rating with the conversation.
    const detail = await call<ConversationDetail>(agent, 'conversation:get', { conversationId });
    expect(detail.csat).toMatchObject({ rating: 4, comment: 'Quick and kind, thank you' });

    // On a phone: change the rating; every control is at least 44×44 and the input 16 px.
    await shop.setViewportSize({ width: 375, height: 667 });
    await widget.getByTestId('baton-csat-change').click();
    expect(await four.isChecked()).toBe(true);
    expect(await four.evaluate((el) => document.activeElement === el)).toBe(true);
    await widget.getByRole('radio', { name: '5 of 5, excellent' }).check();
    expect(await lastMessageInView(frame)).toBe(true);
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-csat-rating-phone.png') });
    expect(await measure(frame)).toEqual({ controls: 6, small: 0, commentFontPx: 16 });
    expect(await widgetOnlyViolations(shop, frame)).toEqual([]);
    await widget.getByTestId('baton-csat-submit').click();
    await expect
      .poll(() => thanks.innerText(), { timeout: 15_000 })
      .toBe('Thanks — we updated your rating to 5 of 5.');
    expect(await measure(frame)).toMatchObject({ controls: 1, small: 0 });
    await shop.screenshot({ path: resolve(ARTIFACTS, 'widget-csat-thanks-phone.png') });
    const after = await baton.db.query<{ rating: number; comment: string }>(
      'SELECT rating, comment FROM csat_ratings WHERE conversation_id = $1',
      [conversationId],
    );
    expect(after).toEqual([{ rating: 5, comment: 'Quick and kind, thank you' }]);

    // Writing again begins a new episode: the old prompt goes at once.
    await widget.getByTestId('baton-input').fill('One more question about my order');
    await widget.getByTestId('baton-send').click();
    expect(await prompt.count()).toBe(0);
    await expect
      .poll(() => widget.locator('[data-role="assistant"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await prompt.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
