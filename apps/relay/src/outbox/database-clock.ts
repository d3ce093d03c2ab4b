/**
 * How far this process's clock runs ahead of the database's (ms), for turning the database's rate-limit
 * slot times into local send times.
 *
 * A reading (local time on arrival − database time in the answer) is the true offset plus however long the
 * answer took to reach this code: a busy event loop only ever makes it larger. The least of the recent
 * readings is therefore the best estimate, and one late reading cannot push a whole claim's slots late
 * (which would bunch them against another relay's slots on time). Only recent readings count, so the
 * estimate follows the clocks as they drift.
 */
export class DatabaseClock {
  private readonly readings: number[] = [];

  constructor(private readonly keep = 32) {}

  /** Records a reading of the database's clock (epoch ms) and returns the offset to use now. */
  observe(databaseNowMs: number, localNowMs: number = Date.now()): number {
    this.readings.push(localNowMs - databaseNowMs);
    if (this.readings.length > this.keep) this.readings.shift();
    return this.offsetMs();
  }

  /** Local time minus database time (ms); 0 before the first reading. */
  offsetMs(): number {
    return this.readings.length === 0 ? 0 : Math.min(...this.readings);
  }
}
