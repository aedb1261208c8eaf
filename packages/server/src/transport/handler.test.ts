import { describe, expect, it } from 'vitest';
import { BatonError, ErrorCode } from '@baton/shared';
import { edgeError, isOutageError } from './handler';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
class ClientClosedError extends Error {}
class SocketClosedUnexpectedlyError extends Error {}

const outages: [string, unknown][] = [
  ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
  ['connection reset', withCode('ECONNRESET')],
  [
    'every address refused (AggregateError)',
    new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'),
  ],
  [
    'admin shutdown 57P01',
    withCode('57P01', 'terminating connection due to administrator command'),
  ],
  ['cannot connect now 57P03', withCode('57P03', 'the database system is starting up')],
  ['connection failure 08006', withCode('08006')],
  ['connection does not exist 08003', withCode('08003')],
  ['too many connections 53300', withCode('53300')],
  ['pg: terminated unexpectedly', new Error('Connection terminated unexpectedly')],
  ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
  [
    'pg: not queryable',
    new Error('Client has encountered a connection error and is not queryable'),
  ],
  ['PGlite closed', new Error('PGlite is closed')],
  ['node-redis closed client', new ClientClosedError('The client is closed')],
  ['node-redis socket closed', new SocketClosedUnexpectedlyError('Socket closed unexpectedly')],
  ['wrapped in a cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
];

const notOutages: [string, unknown][] = [
  ['unique violation 23505', withCode('23505', 'duplicate key value')],
  ['syntax error 42601', withCode('42601')],
  ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ['a string', 'ECONNREFUSED'],
  ['null', null],
  ['a BatonError', new BatonError(ErrorCode.NOT_FOUND, 'gone')],
];

describe('isOutageError', () => {
  it.each(outages)('%s → outage', (_name, err) => {
    expect(isOutageError(err)).toBe(true);
  });
  it.each(notOutages)('%s → not an outage', (_name, err) => {
    expect(isOutageError(err)).toBe(false);
  });
  it('stops following a cycle of causes', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isOutageError(a)).toBe(false);
  });
});

describe('edgeError', () => {
  const logged: string[] = [];
  const log = {
    error: (_o: object, m: string) => logged.push(`error ${m}`),
    warn: (_o: object, m: string) => logged.push(`warn ${m}`),
  };

  it('turns an outage into a retryable UNAVAILABLE and logs a warning', () => {
    logged.length = 0;
    expect(edgeError(withCode('ECONNREFUSED'), log, {})).toEqual({
      code: 'UNAVAILABLE',
      message: expect.any(String) as string,
      retryable: true,
    });
    expect(logged).toEqual(['warn storage or Redis unavailable']);
  });

  it('marks RATE_LIMITED retryable and keeps its retryAfterMs', () => {
    const err = new BatonError(ErrorCode.RATE_LIMITED, 'slow down', { retryAfterMs: 1200 });
    expect(edgeError(err, log, {})).toEqual({
      code: 'RATE_LIMITED',
      message: 'slow down',
      details: { retryAfterMs: 1200 },
      retryable: true,
    });
  });

  it('leaves other errors non-retryable, and logs only the unexpected', () => {
    logged.length = 0;
    expect(edgeError(new BatonError(ErrorCode.NOT_FOUND, 'gone'), log, {})).toEqual({
      code: 'NOT_FOUND',
      message: 'gone',
    });
    expect(edgeError(new TypeError('bug'), log, {})).toEqual({
      code: 'INTERNAL',
      message: 'Internal server error',
    });
    expect(logged).toEqual(['error unhandled error']);
  });
});
