const BUCKET_MS = 1000;
/** The second under way is projected from at least this much of it, so a few quick answers don't count 100-fold. */
const MIN_PROJECTION_MS = 100;

/**
 * Requests finished per origin per second, recently: the larger of the last whole second and the second
 * under way (projected to a whole second), so a burst is seen within a fraction of a second and a
 * slowdown within two. Origins that finished nothing for two seconds are forgotten.
 */
export class OriginThroughput {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private bucketStart: number;

  constructor(private readonly now: () => number = Date.now) {
    this.bucketStart = now();
  }

  recordFinished(origin: string): void {
    this.roll(this.now());
    this.current.set(origin, (this.current.get(origin) ?? 0) + 1);
  }

  /** Requests to `origin` finished per second, recently. */
  perSecond(origin: string): number {
    const now = this.now();
    this.roll(now);
    const sinceBucketStart = Math.max(MIN_PROJECTION_MS, now - this.bucketStart);
    const projected = Math.floor(((this.current.get(origin) ?? 0) * BUCKET_MS) / sinceBucketStart);
    return Math.max(this.previous.get(origin) ?? 0, projected);
  }

  private roll(now: number): void {
    const elapsed = now - this.bucketStart;
    if (elapsed < BUCKET_MS) return;
    // after a quiet gap of a whole bucket or more, the last bucket says nothing about the last second
    this.previous = elapsed < 2 * BUCKET_MS ? this.current : new Map();
    this.current = new Map();
    this.bucketStart += Math.floor(elapsed / BUCKET_MS) * BUCKET_MS;
  }
}
