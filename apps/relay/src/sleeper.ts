/**
 * An abortable sleep. `wake()` ends the current sleep, or — if nobody sleeps — makes the next one return
 * at once, so a wake-up that arrives while the loop is busy is not lost.
 */
export class Sleeper {
  private current: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  private pendingWake = false;

  sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.end(), ms);
      this.current = { timer, resolve };
    });
  }

  wake(): void {
    if (this.current) this.end();
    else this.pendingWake = true;
  }

  /** Forgets a wake-up that arrived before the work it asked for started. */
  clearPendingWake(): void {
    this.pendingWake = false;
  }

  private end(): void {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    clearTimeout(current.timer);
    current.resolve();
  }
}
