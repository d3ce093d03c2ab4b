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

  it('follows a clock stepped ahead once the older readings are out of its window', () => {
    const clock = new DatabaseClock(10_000);
    clock.observe(1_000, 1_005);
    // the local clock was stepped 500 ms ahead
    expect(clock.observe(5_000, 5_505)).toBe(5);
    expect(clock.observe(11_004, 11_505)).toBe(501);
  });

  it('keeps no more than its most recent readings', () => {
    const clock = new DatabaseClock(60_000, 2);
    clock.observe(1_000, 1_001);
    clock.observe(2_000, 2_030);
    expect(clock.observe(3_000, 3_020)).toBe(20);
  });

  it('works with a database clock ahead of the local one', () => {
    const clock = new DatabaseClock();
    clock.observe(10_500, 10_000);
    clock.observe(11_500, 11_040);
    expect(clock.offsetMs()).toBe(-500);
  });
});
