import { describe, expect, it } from 'vitest';
import { Sleeper } from './sleeper';

describe('Sleeper', () => {
  it('wake ends a sleep, and a wake with nobody asleep skips the next sleep', async () => {
    const sleeper = new Sleeper();
    const sleeping = sleeper.sleep(60_000);
    sleeper.wake();
    await sleeping;
    sleeper.wake();
    await sleeper.sleep(60_000);
    sleeper.wake();
    sleeper.clearPendingWake();
    let ended = false;
    const again = sleeper.sleep(60_000).then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    sleeper.wake();
    await again;
  });
});
