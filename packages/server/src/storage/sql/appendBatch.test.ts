import { describe, expect, it } from 'vitest';
import { ConversationNotFoundError, type NewMessage } from '../types';
import { createAppendBatcher } from './appendBatch';

const now = new Date('2026-12-01T00:00:00Z');
const input = (conversationId: string, text: string): NewMessage => ({
  conversationId,
  role: 'customer',
  text,
  now,
});
const stored = (i: NewMessage, seq = 1) => ({
  message: {
    id: `${i.conversationId}/${i.text}`,
    conversationId: i.conversationId,
    seq,
    role: i.role,
    text: i.text,
    authorName: null,
    clientId: null,
    createdAt: now.toISOString(),
  },
  duplicate: false,
});

/** A batcher over fake writes that record what each statement held and finish when told. */
function harness(
  options: { maxInFlight?: number; maxBatch?: number; failMany?: boolean; defer?: boolean } = {},
) {
  const statements: string[][] = [];
  const gates: (() => void)[] = [];
  const hold = <T>(value: () => T) =>
    new Promise<T>((resolve, reject) =>
      gates.push(() => {
        try {
          resolve(value());
        } catch (error) {
          reject(error as Error);
        }
      }),
    );
  const batcher = createAppendBatcher({
    single: (i) => {
      statements.push([i.text]);
      return hold(() => {
        if (i.conversationId === 'missing') throw new ConversationNotFoundError('missing');
        return stored(i);
      });
    },
    many: (inputs) => {
      statements.push(inputs.map((i) => i.text));
      return hold(() => {
        if (options.failMany) throw new Error('could not serialize');
        return inputs.map((i) =>
          i.conversationId === 'missing' ? new ConversationNotFoundError('missing') : stored(i),
        );
      });
    },
    maxInFlight: options.maxInFlight ?? 1,
    maxBatch: options.maxBatch ?? 64,
    defer: options.defer ?? false,
  });
  const release = async () => {
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { batcher, statements, release };
}

describe('createAppendBatcher (group commit of plain message writes)', () => {
  it('writes a message at once when nothing is in flight, and batches what arrives meanwhile', async () => {
    const { batcher, statements, release } = harness();
    const first = batcher.append(input('c1', 'a'));
    // Sent at once, alone: a quiet server waits for nothing.
    expect(statements).toEqual([['a']]);
    const rest = ['c2', 'c3', 'c4'].map((c) => batcher.append(input(c, c)));
    expect(statements).toHaveLength(1);
    await release();
    await Promise.all([first, ...rest]);
    expect(statements).toEqual([['a'], ['c2', 'c3', 'c4']]);
    expect(batcher.stats()).toEqual({ statements: 2, messages: 4 });
  });

  it('never puts two messages of one conversation in a batch, and keeps their order', async () => {
    const { batcher, statements, release } = harness();
    const all = [
      batcher.append(input('c1', 'c1-0')),
      batcher.append(input('c1', 'c1-1')),
      batcher.append(input('c2', 'c2-0')),
      batcher.append(input('c1', 'c1-2')),
      batcher.append(input('c2', 'c2-1')),
    ];
    await release();
    await Promise.all(all);
    expect(statements).toEqual([['c1-0'], ['c1-1', 'c2-0'], ['c1-2', 'c2-1']]);
  });

  it('does not start a conversation in a second batch while one of its writes is in flight', async () => {
    const { batcher, statements, release } = harness({ maxInFlight: 2 });
    const all = [batcher.append(input('c1', 'c1-0'))];
    all.push(batcher.append(input('c1', 'c1-1')), batcher.append(input('c2', 'c2-0')));
    // The second connection took c2 only: c1's next write waits for its first.
    expect(statements).toEqual([['c1-0'], ['c2-0']]);
    await release();
    await Promise.all(all);
    expect(statements).toEqual([['c1-0'], ['c2-0'], ['c1-1']]);
  });

  it('with defer, batches the messages read in one turn of the event loop (SQL on this thread)', async () => {
    const { batcher, statements, release } = harness({ defer: true });
    const all = ['c0', 'c1', 'c2'].map((c) => batcher.append(input(c, c)));
    // Nothing yet: the batch starts after the messages of this turn are read.
    expect(statements).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(statements).toEqual([['c0', 'c1', 'c2']]);
    await release();
    await Promise.all(all);
  });

  it('caps a batch', async () => {
    const { batcher, statements, release } = harness({ maxBatch: 2 });
    const all = ['c0', 'c1', 'c2', 'c3', 'c4'].map((c) => batcher.append(input(c, c)));
    await release();
    await Promise.all(all);
    expect(statements).toEqual([['c0'], ['c1', 'c2'], ['c3', 'c4']]);
  });

  it('gives each message its own outcome, and writes a failed batch again one by one', async () => {
    const { batcher, release } = harness();
    const first = batcher.append(input('c0', 'x'));
    const ok = batcher.append(input('c1', 'y'));
    const lost = batcher.append(input('missing', 'z')).catch((error: unknown) => error);
    await release();
    await first;
    await expect(ok).resolves.toMatchObject({ message: { text: 'y' } });
    expect(await lost).toBeInstanceOf(ConversationNotFoundError);

    const failing = harness({ failMany: true });
    const a = failing.batcher.append(input('c0', 'a'));
    const b = failing.batcher.append(input('c1', 'b'));
    const c = failing.batcher.append(input('missing', 'c')).catch((error: unknown) => error);
    await failing.release();
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
    expect(await c).toBeInstanceOf(ConversationNotFoundError);
    expect(failing.statements).toEqual([['a'], ['b', 'c'], ['b'], ['c']]);
  });
});
