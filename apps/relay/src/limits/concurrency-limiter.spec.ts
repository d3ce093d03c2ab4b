import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from './concurrency-limiter';

describe('ConcurrencyLimiter', () => {
  it('never runs more than the per-key and total limits', async () => {
    const limiter = new ConcurrencyLimiter({ total: 3, perKey: 2 });
    const releases: (() => void)[] = [];
    const started: string[] = [];
    const keys = ['a', 'a', 'a', 'b', 'b', 'c'];
    const all = keys.map((key) =>
      limiter.acquire(key).then((release) => {
        started.push(key);
        releases.push(release);
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(['a', 'a', 'b']);
    expect(limiter.running).toBe(3);
    expect(limiter.waiting).toBe(3);

    releases.shift()?.(); // frees an 'a': the waiting 'a' goes first
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(['a', 'a', 'b', 'a']);

    for (let round = 0; round < 10 && started.length < keys.length; round++) {
      releases.splice(0).forEach((release) => release());
      await Promise.resolve();
      await Promise.resolve();
    }
    await Promise.all(all);
    expect([...started].sort()).toEqual([...keys].sort());
  });

  it('lets another key use a slot a saturated key cannot', async () => {
    const limiter = new ConcurrencyLimiter({ total: 2, perKey: 1 });
    const first = await limiter.acquire('slow');
    let slowSecondStarted = false;
    void limiter.acquire('slow').then(() => (slowSecondStarted = true));
    const other = await limiter.acquire('fast');
    expect(slowSecondStarted).toBe(false);
    other();
    first();
    await Promise.resolve();
    expect(slowSecondStarted).toBe(true);
  });

  it('ignores a second release of the same slot', async () => {
    const limiter = new ConcurrencyLimiter({ total: 1, perKey: 1 });
    const release = await limiter.acquire('a');
    release();
    release();
    expect(limiter.running).toBe(0);
  });

  it('counts the callers waiting per key (the relay caps these per origin)', async () => {
    const limiter = new ConcurrencyLimiter({ total: 4, perKey: 1 });
    const release = await limiter.acquire('a');
    const waiting = [limiter.acquire('a'), limiter.acquire('a')];
    expect(limiter.waitingFor('a')).toBe(2);
    expect(limiter.waitingFor('b')).toBe(0);
    release();
    (await waiting[0])?.();
    expect(limiter.waitingFor('a')).toBe(0);
    (await waiting[1])?.();
    expect(limiter.running).toBe(0);
  });
});
