/**
 * Runs a task every `intervalMs`, never two runs at once (a call while one runs shares it). `stop()`
 * waits for the run under way; a long run can check `stopped` to end early.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopRequested = false;

  constructor(private readonly options: { intervalMs: number; run: () => Promise<void> }) {}

  get stopped(): boolean {
    return this.stopRequested;
  }

  start(): void {
    this.stopRequested = false;
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  runOnce(): Promise<void> {
    this.running ??= this.options.run().finally(() => (this.running = undefined));
    return this.running;
  }
}
