/**
 * What has been started, stopped in reverse order (relay, then API, then database) exactly once,
 * whether the cause is Ctrl-C, SIGTERM, a crashed service or a failed start.
 */
export class ShutdownStack {
  private readonly entries: { name: string; stop: () => Promise<unknown> }[] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Registers something to stop; if shutdown already began (a signal during start), stops it right away. */
  async add(name: string, stop: () => Promise<unknown>): Promise<void> {
    if (this.stopping) {
      await this.stopQuietly(name, stop);
      return;
    }
    this.entries.push({ name, stop });
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const entry of this.entries.reverse()) await this.stopQuietly(entry.name, entry.stop);
    })();
    return this.stopping;
  }

  private async stopQuietly(name: string, stop: () => Promise<unknown>): Promise<void> {
    this.log(`stopping the ${name}…`);
    try {
      await stop();
    } catch (error) {
      this.log(
        `could not stop the ${name} cleanly: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
