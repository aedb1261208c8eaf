import { describe, expect, it } from 'vitest';
import { createKeyedLock } from './keyedLock';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}
function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('createKeyedLock', () => {
  it('does not start a task for a key until the previous one for that key has finished', async () => {
    const withLock = createKeyedLock();
    const log: string[] = [];
    const first = deferred();
    const a = withLock('conv-1', async () => {
      log.push('a:start');
      await first.promise;
      log.push('a:end');
      return 'a';
    });
    const b = withLock('conv-1', async () => {
      log.push('b:start');
      return 'b';
    });
    await settle();
    expect(log).toEqual(['a:start']);

    first.resolve();
    await expect(a).resolves.toBe('a');
    await expect(b).resolves.toBe('b');
    expect(log).toEqual(['a:start', 'a:end', 'b:start']);
  });

  it('runs tasks for one key one at a time, in the order they were submitted', async () => {
    const withLock = createKeyedLock();
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    const delays = [30, 5, 20, 0, 10];
    const results = await Promise.all(
      delays.map((ms, i) =>
        withLock('conv-1', async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((r) => setTimeout(r, ms));
          order.push(i);
          running--;
          return i * 10;
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(maxRunning).toBe(1);
    expect(results).toEqual([0, 10, 20, 30, 40]);
  });

  it('runs different keys concurrently', async () => {
    const withLock = createKeyedLock();
    const blockA = deferred();
    let aDone = false;
    const a = withLock('conv-a', async () => {
      await blockA.promise;
      aDone = true;
    });
    const b = withLock('conv-b', async () => 'b');

    await expect(b).resolves.toBe('b');
    expect(aDone).toBe(false);

    blockA.resolve();
    await a;
    expect(aDone).toBe(true);
  });

  it('does not let a rejected task block the next one for the same key', async () => {
    const withLock = createKeyedLock();
    const gate = deferred();
    const failing = withLock('conv-1', async () => {
      await gate.promise;
      throw new Error('turn failed');
    });
    const next = withLock('conv-1', async () => 'next ran');
    // Attach the handler before the rejection happens.
    const failed = expect(failing).rejects.toThrow('turn failed');

    gate.resolve();
    await failed;
    await expect(next).resolves.toBe('next ran');
  });

  it('does not let a task that throws synchronously block the next one', async () => {
    const withLock = createKeyedLock();
    const failing = withLock('conv-1', () => {
      throw new Error('sync failure');
    });
    await expect(failing).rejects.toThrow('sync failure');
    await expect(withLock('conv-1', async () => 'ok')).resolves.toBe('ok');
  });

  it('keeps serialising a key after it went idle', async () => {
    const withLock = createKeyedLock();
    await withLock('conv-1', async () => undefined);
    await settle();

    const log: string[] = [];
    const gate = deferred();
    const a = withLock('conv-1', async () => {
      log.push('a:start');
      await gate.promise;
      log.push('a:end');
    });
    const b = withLock('conv-1', async () => {
      log.push('b:start');
    });
    await settle();
    expect(log).toEqual(['a:start']);
    gate.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start']);
  });
});
