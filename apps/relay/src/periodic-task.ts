/**
 * A task run every `intervalMs`, never two runs at once (a call while one runs shares it). `stop()`
 * waits for the run under way; a long run can check `stopped` to end early. Subclasses implement `run`
 * and log their own failures: a failed run must not stop the next one.
 */
export abstract class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopRequested = false;

  protected constructor(private readonly intervalMs: number) {}

  protected abstract run(): Promise<void>;

  get stopped(): boolean {
    return this.stopRequested;
  }

  start(): void {
    this.stopRequested = false;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One run now; overlapping calls share the run in progress. */
  runOnce(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }
}
