import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { BatonError, ErrorCode } from '@baton/shared';

/** `points` per `seconds`, counted in fixed windows that start at a key's first event. */
export interface Budget {
  points: number;
  seconds: number;
}

export interface RateLimits {
  /** Customer events per visitor (all its sockets and tabs, on every node). */
  customer: Budget;
  /** Agent events per agent account (all its sockets, on every node). */
  agent: Budget;
  /** Customer events per IP, all visitors together; events before `session:start` count only here. */
  customerIp?: Budget;
  /** New visitors (`session:start` without a valid token) per IP. */
  newVisitors?: Budget;
  /** Open sockets per IP, on each node. */
  connectionsPerIp?: number;
  /**
   * Login attempts (OWASP): `accountIp` per (account, IP) pair, the small budget, so a stranger
   * cannot lock an agent out from another address; `account` per account across all IPs, larger,
   * against guessing spread over many addresses; `ip` per IP across accounts. A success clears
   * the pair's count.
   */
  login?: { accountIp: Budget; account: Budget; ip: Budget };
  /** Redis key prefix; nodes that share one set of limits must share it. */
  keyPrefix?: string;
}

export const DEFAULT_RATE_LIMITS = {
  customer: { points: 30, seconds: 10 },
  agent: { points: 120, seconds: 10 },
  // A shop's visitors can share one address (offices, mobile carriers' NAT).
  customerIp: { points: 300, seconds: 10 },
  newVisitors: { points: 60, seconds: 60 },
  connectionsPerIp: 100,
  login: {
    accountIp: { points: 5, seconds: 15 * 60 },
    account: { points: 50, seconds: 15 * 60 },
    ip: { points: 20, seconds: 15 * 60 },
  },
  keyPrefix: 'baton:rl',
} satisfies Required<RateLimits>;

export interface EventLimiter {
  /** Counts one event for `key`; throws RATE_LIMITED when the budget is spent. */
  consume(key: string): Promise<void>;
}

export interface LoginThrottle {
  /**
   * Spends one attempt of the IP's, the (account, IP) pair's and the account's budgets before the
   * password is checked, so parallel guesses cannot all slip in before the first failure is
   * counted. A refused attempt gives back what it spent: it checked no password.
   */
  attempt(email: string, ip: string): Promise<void>;
  /** The password was right: the pair starts afresh; the IP and the account get the attempt back. */
  succeeded(email: string, ip: string): Promise<void>;
  /** The attempt failed for another reason (storage down): it does not count as a guess. */
  giveBack(email: string, ip: string): Promise<void>;
}

export interface Limiters {
  /** Per visitor once a session exists; before that, per IP only. */
  customerEvent(ip: string, visitorId: string | null): Promise<void>;
  agent: EventLimiter;
  newVisitor(ip: string): Promise<void>;
  login: LoginThrottle;
  connections: ConnectionCounter;
}

/** Turns a refused consume into RATE_LIMITED with the wait; a store error is rethrown. */
function rateLimited(err: unknown, what: string): never {
  if (err instanceof RateLimiterRes) {
    const retryAfterMs = Math.max(1, Math.ceil(err.msBeforeNext));
    throw new BatonError(
      ErrorCode.RATE_LIMITED,
      `${what}; retry in ${Math.ceil(retryAfterMs / 1000)} s`,
      { retryAfterMs },
    );
  }
  throw err;
}

/**
 * Budgets live in Redis when it is configured, so reconnecting or switching nodes spends the same
 * budget. Each Redis limiter is insured by an in-memory one: while Redis is down or slow (500 ms)
 * each node counts on its own, so an outage neither opens the gates nor closes them for everyone.
 * Without Redis the counts are this process's and start afresh when it restarts.
 */
function budgetLimiter(name: string, budget: Budget, prefix: string, redis: unknown) {
  const opts = { points: budget.points, duration: budget.seconds, keyPrefix: `${prefix}:${name}` };
  const memory = new RateLimiterMemory(opts);
  if (!redis) return memory;
  return new RLWrapperTimeouts({
    limiter: new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    }),
    // Shares the inner limiter's insurance, so a timeout and an error count in the same place.
    timeoutMs: 500,
  });
}

export function createEventLimiter(
  budget: Budget,
  options: { keyPrefix?: string; redis?: unknown; name?: string } = {},
): EventLimiter {
  const limiter = budgetLimiter(
    options.name ?? 'events',
    budget,
    options.keyPrefix ?? DEFAULT_RATE_LIMITS.keyPrefix,
    options.redis,
  );
  return {
    async consume(key) {
      await limiter.consume(key).catch((err: unknown) => rateLimited(err, 'Too many events'));
    },
  };
}

/** Open sockets per IP on this node; counting them in Redis would leak on every crash. */
export interface ConnectionCounter {
  /** Whether one more socket from `ip` stays within the cap. */
  hasRoom(ip: string): boolean;
  add(ip: string): void;
  remove(ip: string): void;
}

export function createConnectionCounter(cap: number): ConnectionCounter {
  const open = new Map<string, number>();
  return {
    hasRoom: (ip) => (open.get(ip) ?? 0) < cap,
    add: (ip) => void open.set(ip, (open.get(ip) ?? 0) + 1),
    remove(ip) {
      const n = (open.get(ip) ?? 0) - 1;
      if (n > 0) open.set(ip, n);
      else open.delete(ip);
    },
  };
}

export function createLimiters(limits: RateLimits, redis?: unknown): Limiters {
  const d = DEFAULT_RATE_LIMITS;
  const all = {
    customer: limits.customer,
    agent: limits.agent,
    customerIp: limits.customerIp ?? d.customerIp,
    newVisitors: limits.newVisitors ?? d.newVisitors,
    connectionsPerIp: limits.connectionsPerIp ?? d.connectionsPerIp,
    login: limits.login ?? d.login,
  };
  const prefix = limits.keyPrefix ?? d.keyPrefix;
  const make = (name: string, budget: Budget): RateLimiterAbstract | RLWrapperTimeouts =>
    budgetLimiter(name, budget, prefix, redis);
  const visitor = make('visitor', all.customer);
  const ipEvents = make('ip', all.customerIp);
  const visitors = make('new-visitor', all.newVisitors);
  const loginIp = make('login-ip', all.login.ip);
  const loginPair = make('login-account-ip', all.login.accountIp);
  const loginAccount = make('login-account-all', all.login.account);
  /** In the order spent: the IP first, so a flood from one address stops before the others. */
  const loginBudgets = (email: string, ip: string) => {
    const account = email.trim().toLowerCase();
    return [
      { limiter: loginIp, key: ip },
      { limiter: loginPair, key: `${account}|${ip}` },
      { limiter: loginAccount, key: account },
    ] as const;
  };

  return {
    async customerEvent(ip, visitorId) {
      try {
        await ipEvents.consume(ip);
        if (visitorId) await visitor.consume(visitorId);
      } catch (err) {
        rateLimited(err, 'Too many events');
      }
    },
    agent: createEventLimiter(all.agent, { keyPrefix: prefix, redis, name: 'agent' }),
    async newVisitor(ip) {
      await visitors
        .consume(ip)
        .catch((err: unknown) => rateLimited(err, 'Too many new chats from this address'));
    },
    login: {
      async attempt(email, ip) {
        const spent: ReturnType<typeof loginBudgets>[number][] = [];
        try {
          for (const budget of loginBudgets(email, ip)) {
            await budget.limiter.consume(budget.key);
            spent.push(budget);
          }
        } catch (err) {
          // A refused attempt is no guess: a locked pair must not also drain its IP's budget,
          // which colleagues behind the same address share.
          await Promise.allSettled(spent.map((b) => b.limiter.reward(b.key, 1)));
          rateLimited(err, 'Too many failed sign-ins');
        }
      },
      async succeeded(email, ip) {
        // The account-wide count is only given this attempt back: clearing it would reset the
        // count of a guesser spread over many addresses whenever the agent signs in.
        const [byIp, pair, account] = loginBudgets(email, ip);
        await Promise.all([
          byIp.limiter.reward(byIp.key, 1),
          pair.limiter.delete(pair.key),
          account.limiter.reward(account.key, 1),
        ]);
      },
      async giveBack(email, ip) {
        await Promise.all(loginBudgets(email, ip).map((b) => b.limiter.reward(b.key, 1)));
      },
    },
    connections: createConnectionCounter(all.connectionsPerIp),
  };
}

/**
 * The Redis key prefix of a deployment: its database and schema. Nodes sharing a database share
 * budgets; deployments (or test runs) that share only a Redis do not.
 */
export async function deploymentKeyPrefix(db: {
  query<T>(sql: string): Promise<T[]>;
}): Promise<string> {
  const [row] = await db.query<{ scope: string }>(
    "SELECT current_database() || '.' || current_schema() AS scope",
  );
  return `${DEFAULT_RATE_LIMITS.keyPrefix}:${row?.scope ?? 'default'}`;
}
