import { describe, expect, it } from 'vitest';
import { coalesced } from './outboxRelay';

describe('coalesced outbox deletes', () => {
  it('joins ids handed in while a delete runs into one next delete, and settles each caller with its own', async () => {
    const batches: string[][] = [];
    let finishFirst!: () => void;
    const remove = coalesced(async (ids) => {
      batches.push(ids);
      if (batches.length === 1) await new Promise<void>((done) => (finishFirst = done));
    });
    const first = remove(['1']);
    await Promise.resolve();
    await Promise.resolve();
    expect(batches).toEqual([['1']]);
    let secondDone = false;
    const second = remove(['2', '3']).then(() => (secondDone = true));
    const third = remove(['4']);
    await new Promise((r) => setTimeout(r, 5));
    expect(batches).toEqual([['1']]);
    expect(secondDone).toBe(false);
    finishFirst();
    await Promise.all([first, second, third]);
    expect(batches).toEqual([['1'], ['2', '3', '4']]);
    await remove([]);
    expect(batches).toHaveLength(2);
  });

  it('a failed delete rejects its own callers only; the next batch still runs', async () => {
    const batches: string[][] = [];
    const remove = coalesced(async (ids) => {
      batches.push(ids);
      if (ids.includes('bad')) throw new Error('connection lost');
    });
    await expect(remove(['bad'])).rejects.toThrow('connection lost');
    await remove(['good']);
    expect(batches).toEqual([['bad'], ['good']]);
  });
});
