import { type FinishedAttempt } from './types';

/**
 * Gathers finished attempts and writes them in batches (one statement per batch), which is what lets
 * attempt logging keep up with thousands of deliveries per second. A batch is written when it is full or
 * `maxDelayMs` after its first entry, whichever comes first.
 */
export class CompletionBuffer {
  private pending: {
    finished: FinishedAttempt;
    done: (applied: boolean) => void;
    fail: (e: unknown) => void;
  }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly options: {
      write: (batch: FinishedAttempt[]) => Promise<Set<string>>;
      maxBatch: number;
      maxDelayMs: number;
      /** At most this many writes at once; beyond it entries wait in the buffer. */
      maxConcurrentWrites: number;
    },
  ) {}

  /** Resolves once written: true when the transition applied (the lease was still ours). */
  add(finished: FinishedAttempt): Promise<boolean> {
    return new Promise((done, fail) => {
      this.pending.push({ finished, done, fail });
      if (this.pending.length >= this.options.maxBatch) this.flushSoon(0);
      else this.flushSoon(this.options.maxDelayMs);
    });
  }

  /** Writes everything buffered and waits for writes in progress. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.flushing.size > 0) {
      if (this.pending.length > 0 && this.flushing.size < this.options.maxConcurrentWrites) this.flushNow();
      else await Promise.race(this.flushing);
    }
  }

  private flushSoon(delayMs: number): void {
    if (delayMs === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.flushNow();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flushNow();
    }, delayMs);
  }

  private flushNow(): void {
    if (this.pending.length === 0 || this.flushing.size >= this.options.maxConcurrentWrites) return;
    const batch = this.pending.splice(0, this.options.maxBatch);
    const write = this.options
      .write(batch.map((b) => b.finished))
      .then(
        (applied) => batch.forEach((b) => b.done(applied.has(b.finished.job.id))),
        (error: unknown) => batch.forEach((b) => b.fail(error)),
      )
      .finally(() => {
        this.flushing.delete(write);
        // what piled up while all writers were busy goes out now
        if (this.pending.length >= this.options.maxBatch) this.flushNow();
        else if (this.pending.length > 0) this.flushSoon(this.options.maxDelayMs);
      });
    this.flushing.add(write);
  }
}
