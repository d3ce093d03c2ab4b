import { describe, expect, it } from 'vitest';
import { DatabaseClock } from './database-clock';

describe('DatabaseClock', () => {
  it('reads no offset before the first reading', () => {
    expect(new DatabaseClock().offsetMs()).toBe(0);
  });

  it('is not pushed late by one answer that arrived late', () => {
    const clock = new DatabaseClock();
    clock.observe(1_000, 1_002);
    clock.observe(2_000, 2_001);
    // the event loop was busy for 80 ms before it read this answer
    expect(clock.observe(3_000, 3_081)).toBe(1);
  });

  it('follows a clock that drifts once the older readings are gone', () => {
    const clock = new DatabaseClock(3);
    clock.observe(1_000, 1_005);
    for (let t = 2_000; t <= 4_000; t += 1_000) clock.observe(t, t + 20);
    expect(clock.offsetMs()).toBe(20);
  });

  it('works with a database clock ahead of the local one', () => {
    const clock = new DatabaseClock();
    clock.observe(10_500, 10_000);
    clock.observe(11_500, 11_040);
    expect(clock.offsetMs()).toBe(-500);
  });
});
