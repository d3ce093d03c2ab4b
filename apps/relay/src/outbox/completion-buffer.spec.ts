import { describe, expect, it } from 'vitest';
import { CompletionBuffer } from './completion-buffer';
import { type FinishedAttempt } from './types';

const attempt = (id: string) => ({ job: { id } }) as FinishedAttempt;

describe('CompletionBuffer', () => {
  it('writes full batches at once and the remainder after the delay, reporting which applied', async () => {
    const writes: string[][] = [];
    const buffer = new CompletionBuffer({
      write: async (batch) => {
        writes.push(batch.map((f) => f.job.id));
        return new Set(batch.map((f) => f.job.id).filter((id) => id !== 'lost'));
      },
      maxBatch: 2,
      maxDelayMs: 5,
      maxConcurrentWrites: 1,
    });
    const results = await Promise.all(['a', 'b', 'lost'].map((id) => buffer.add(attempt(id))));
    expect(results).toEqual([true, true, false]);
    expect(writes).toEqual([['a', 'b'], ['lost']]);
  });

  it('fails the entries of a failed write and drains the rest', async () => {
    let calls = 0;
    const buffer = new CompletionBuffer({
      write: async (batch) => {
        calls++;
        if (calls === 1) throw new Error('database down');
        return new Set(batch.map((f) => f.job.id));
      },
      maxBatch: 1,
      maxDelayMs: 5,
      maxConcurrentWrites: 1,
    });
    const first = buffer.add(attempt('a'));
    const second = buffer.add(attempt('b'));
    await expect(first).rejects.toThrow('database down');
    await buffer.drain();
    await expect(second).resolves.toBe(true);
  });
});
