import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { isBatonError } from '@baton/shared';
import { createEventLimiter, createLimiters, DEFAULT_RATE_LIMITS } from './rateLimit';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return isBatonError(err) ? err.code : String(err);
  }
};

describe('rate limiters', () => {
  it('without Redis: a budget per key, RATE_LIMITED with retryAfterMs past it', async () => {
    const limiter = createEventLimiter({ points: 2, seconds: 60 });
    expect([await codeOf(limiter.consume('a')), await codeOf(limiter.consume('a'))]).toEqual([
      'ok',
      'ok',
    ]);
    const refused = await limiter.consume('a').catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect((refused as { details: { retryAfterMs: number } }).details.retryAfterMs).toBeGreaterThan(
      59_000,
    );
    expect(await codeOf(limiter.consume('b'))).toBe('ok');
  });

  it('while Redis is unreachable each node counts in memory: neither open nor shut', async () => {
    // Never connected, so never ready: every call goes to the in-memory insurance at once.
    const down = createClient({ url: 'redis://127.0.0.1:1' });
    const limiter = createEventLimiter({ points: 3, seconds: 60 }, { redis: down, keyPrefix: 't' });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await codeOf(limiter.consume('visitor')));
    expect(codes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
  });

  it('login: attempts are spent before checking, per (account, IP); a success clears the pair', async () => {
    const { login } = createLimiters({
      ...DEFAULT_RATE_LIMITS,
      login: {
        accountIp: { points: 2, seconds: 60 },
        account: { points: 10, seconds: 60 },
        ip: { points: 10, seconds: 60 },
      },
    });
    expect(await codeOf(login.attempt('A@x.example', '1.1.1.1'))).toBe('ok');
    await login.succeeded('a@x.example', '1.1.1.1');
    expect(await codeOf(login.attempt('a@x.example', '1.1.1.1'))).toBe('ok');
    expect(await codeOf(login.attempt(' a@X.example', '1.1.1.1'))).toBe('ok');
    // Case and spaces do not make a new account key.
    expect(await codeOf(login.attempt('a@x.example', '1.1.1.1'))).toBe('RATE_LIMITED');
    // Another address is not locked out by the failures from this one.
    expect(await codeOf(login.attempt('a@x.example', '2.2.2.2'))).toBe('ok');
  });

  it('login: the account-wide budget counts every address; a refused attempt spends nothing', async () => {
    const { login } = createLimiters({
      ...DEFAULT_RATE_LIMITS,
      login: {
        accountIp: { points: 5, seconds: 60 },
        account: { points: 3, seconds: 60 },
        ip: { points: 4, seconds: 60 },
      },
    });
    for (const ip of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      expect(await codeOf(login.attempt('c@x.example', ip))).toBe('ok');
    }
    // Spread over addresses, the account's budget still runs out.
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(login.attempt('c@x.example', '4.4.4.4'))).toBe('RATE_LIMITED');
    }
    // Those refusals gave 4.4.4.4 its attempts back: it still has its whole budget.
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(login.attempt(`other${i}@x.example`, '4.4.4.4'))).toBe('ok');
    }
    expect(await codeOf(login.attempt('other@x.example', '4.4.4.4'))).toBe('RATE_LIMITED');
  });

  it('login: an attempt that failed for another reason is given back', async () => {
    const { login } = createLimiters({
      ...DEFAULT_RATE_LIMITS,
      login: {
        accountIp: { points: 1, seconds: 60 },
        account: { points: 1, seconds: 60 },
        ip: { points: 1, seconds: 60 },
      },
    });
    for (let i = 0; i < 3; i++) {
      expect(await codeOf(login.attempt('b@x.example', '3.3.3.3'))).toBe('ok');
      await login.giveBack('b@x.example', '3.3.3.3');
    }
    expect(await codeOf(login.attempt('b@x.example', '3.3.3.3'))).toBe('ok');
    expect(await codeOf(login.attempt('b@x.example', '3.3.3.3'))).toBe('RATE_LIMITED');
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) {
  console.warn('\n⚠️  SKIPPED: shared Redis budgets — set TEST_REDIS_URL to run them.\n');
}

describe.runIf(redisUrl)('with Redis', () => {
  const clients: { close(): Promise<unknown> }[] = [];
  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.close()));
  });

  it('two nodes spend one budget per key', async () => {
    const prefix = `baton:rl:test:${Date.now()}:${Math.random()}`;
    const nodes = [];
    for (let i = 0; i < 2; i++) {
      const client = createClient({ url: redisUrl! });
      clients.push(client);
      await client.connect();
      nodes.push(
        createEventLimiter({ points: 5, seconds: 60 }, { redis: client, keyPrefix: prefix }),
      );
    }
    const codes = [];
    for (let i = 0; i < 8; i++) codes.push(await codeOf(nodes[i % 2]!.consume('visitor-1')));
    expect(codes).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'RATE_LIMITED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });
});
