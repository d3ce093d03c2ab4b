/**
 * Bounds simultaneous work overall and per key (the target origin). Waiters are served in FIFO order per
 * key; a waiter only takes a global slot when its key has room, so one slow host cannot hold slots that
 * other hosts could use.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly activeByKey = new Map<string, number>();
  private readonly waitingByKey = new Map<string, (() => void)[]>();
  private waitingCount = 0;

  constructor(private readonly limits: { total: number; perKey: number }) {}

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waitingCount;
  }

  /** Callers queued for `key` (held, not started). */
  waitingFor(key: string): number {
    return this.waitingByKey.get(key)?.length ?? 0;
  }

  /** Resolves when a slot for `key` is free; call the returned function exactly once to free it. */
  acquire(key: string): Promise<() => void> {
    if (this.hasRoom(key)) return Promise.resolve(this.take(key));
    return new Promise((resolve) => {
      const queue = this.waitingByKey.get(key) ?? [];
      queue.push(() => resolve(this.take(key)));
      this.waitingByKey.set(key, queue);
      this.waitingCount++;
    });
  }

  private hasRoom(key: string): boolean {
    return this.active < this.limits.total && (this.activeByKey.get(key) ?? 0) < this.limits.perKey;
  }

  private take(key: string): () => void {
    this.active++;
    this.activeByKey.set(key, (this.activeByKey.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = (this.activeByKey.get(key) ?? 1) - 1;
      if (left === 0) this.activeByKey.delete(key);
      else this.activeByKey.set(key, left);
      this.wakeWaiters(key);
    };
  }

  private wakeWaiters(freedKey: string): void {
    // the freed key first (its waiters have the most reason to go), then any key with room
    this.wakeKey(freedKey);
    if (this.active >= this.limits.total || this.waitingCount === 0) return;
    for (const key of this.waitingByKey.keys()) {
      this.wakeKey(key);
      if (this.active >= this.limits.total) return;
    }
  }

  private wakeKey(key: string): void {
    const queue = this.waitingByKey.get(key);
    while (queue && queue.length > 0 && this.hasRoom(key)) {
      const next = queue.shift();
      this.waitingCount--;
      if (queue.length === 0) this.waitingByKey.delete(key);
      next?.();
    }
  }
}
