import { describe, expect, it } from 'vitest';
import { createTaskTracker } from './taskTracker';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

/** Starts a drain and exposes whether it has finished. */
function startDrain(tracker: ReturnType<typeof createTaskTracker>) {
  const state = { done: false, promise: Promise.resolve() };
  state.promise = tracker.drain().then(() => {
    state.done = true;
  });
  return state;
}

describe('createTaskTracker', () => {
  it('drains at once when nothing is pending', async () => {
    const tracker = createTaskTracker();
    await expect(tracker.drain()).resolves.toBeUndefined();
  });

  it('returns the tracked promise itself', async () => {
    const tracker = createTaskTracker();
    const task = Promise.resolve(42);
    expect(tracker.track(task)).toBe(task);
    await expect(tracker.track(Promise.resolve('v'))).resolves.toBe('v');
  });

  it('waits for a pending task before the drain finishes', async () => {
    const tracker = createTaskTracker();
    const task = deferred();
    tracker.track(task.promise);

    const drain = startDrain(tracker);
    await settle();
    expect(drain.done).toBe(false);

    task.resolve();
    await drain.promise;
    expect(drain.done).toBe(true);
  });

  it('waits for a task added while draining', async () => {
    const tracker = createTaskTracker();
    const first = deferred();
    const late = deferred();
    tracker.track(first.promise);

    const drain = startDrain(tracker);
    tracker.track(late.promise);
    first.resolve();
    await settle();
    expect(drain.done).toBe(false);

    late.resolve();
    await drain.promise;
    expect(drain.done).toBe(true);
  });

  it('waits for a task that a finishing task starts', async () => {
    const tracker = createTaskTracker();
    const first = deferred();
    const followUp = deferred();
    let followUpStarted = false;
    tracker.track(
      first.promise.then(() => {
        followUpStarted = true;
        tracker.track(followUp.promise);
      }),
    );

    const drain = startDrain(tracker);
    first.resolve();
    await settle();
    expect(followUpStarted).toBe(true);
    expect(drain.done).toBe(false);

    followUp.resolve();
    await drain.promise;
    expect(drain.done).toBe(true);
  });

  it('does not reject when a tracked task fails, and forgets it', async () => {
    const tracker = createTaskTracker();
    const failing = deferred();
    const tracked = tracker.track(failing.promise);
    const seen = expect(tracked).rejects.toThrow('boom');

    const drain = startDrain(tracker);
    failing.reject(new Error('boom'));
    await seen;
    await expect(drain.promise).resolves.toBeUndefined();
    expect(drain.done).toBe(true);
    // Nothing left: a second drain is immediate.
    await expect(tracker.drain()).resolves.toBeUndefined();
  });

  describe('closed', () => {
    it('is false until close() is called, then true', () => {
      const tracker = createTaskTracker();
      expect(tracker.closed).toBe(false);
      tracker.close();
      expect(tracker.closed).toBe(true);
      tracker.close();
      expect(tracker.closed).toBe(true);
    });

    it('is independent per tracker', () => {
      const a = createTaskTracker();
      const b = createTaskTracker();
      a.close();
      expect(b.closed).toBe(false);
    });

    it('does not stop a drain from waiting for work already tracked', async () => {
      const tracker = createTaskTracker();
      const task = deferred();
      tracker.track(task.promise);
      tracker.close();

      const drain = startDrain(tracker);
      await settle();
      expect(drain.done).toBe(false);
      task.resolve();
      await drain.promise;
      expect(drain.done).toBe(true);
    });
  });
});
