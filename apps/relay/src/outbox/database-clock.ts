/**
 * How far this process's clock runs ahead of the database's (ms), for turning the database's rate-limit
 * slot times into local send times.
 *
 * A reading (local time on arrival − database time in the answer) is the true offset plus however long the
 * answer took to reach this code: a busy event loop only ever makes it larger. The least of the recent
 * readings is therefore the best estimate, and one late reading cannot push a whole claim's slots late
 * (which would bunch them against another relay's slots on time). Only the last `windowMs` of readings
 * count, so the estimate follows a clock that drifts or is stepped.
 */
export class DatabaseClock {
  private readings: { atMs: number; offsetMs: number }[] = [];

  constructor(
    private readonly windowMs = 10_000,
    private readonly most = 256,
  ) {}

  /** Records a reading of the database's clock (epoch ms) and returns the offset to use now. */
  observe(databaseNowMs: number, localNowMs: number = Date.now()): number {
    this.readings = this.readings.filter((r) => localNowMs - r.atMs < this.windowMs);
    if (this.readings.length >= this.most) this.readings.shift();
    this.readings.push({ atMs: localNowMs, offsetMs: localNowMs - databaseNowMs });
    return this.offsetMs();
  }

  /** Local time minus database time (ms); 0 before the first reading. */
  offsetMs(): number {
    if (this.readings.length === 0) return 0;
    return Math.min(...this.readings.map((r) => r.offsetMs));
  }
}
