/**
 * Keeps the background work a socket event starts after its ack (a turn, a presence update) so
 * shutdown can wait for it before closing storage and Redis.
 */
export function createTaskTracker() {
  const pending = new Set<Promise<unknown>>();
  let closed = false;
  return {
    /** True once shutdown has drained: late socket events must not start new work. */
    get closed() {
      return closed;
    },
    close() {
      closed = true;
    },
    track<T>(task: Promise<T>): Promise<T> {
      pending.add(task);
      const forget = () => pending.delete(task);
      task.then(forget, forget);
      return task;
    },
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
export type TaskTracker = ReturnType<typeof createTaskTracker>;
