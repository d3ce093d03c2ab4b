import { spawn, type ChildProcess } from 'node:child_process';
import { waitUntil } from '@hookrelay/test-support';

/** `npm start` as a user runs it in a terminal: its own process group, so "Ctrl-C" can reach the whole group. */
export class NpmStart {
  output = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.child = spawn('npm', ['start'], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    return waitUntil(
      () => {
        const match = pattern.exec(this.output);
        if (match) return match;
        if (exited) throw new Error(`npm start exited before printing ${pattern}:\n${this.tail()}`);
        return undefined;
      },
      { timeoutMs, describe: () => `npm start did not print ${pattern}:\n${this.tail()}` },
    );
  }

  /** Ctrl-C in a terminal: SIGINT to the foreground process group (npm, the shell, the launcher). */
  interrupt(): void {
    this.signalGroup('SIGINT');
  }

  kill(): void {
    this.signalGroup('SIGKILL');
  }

  tail(lines = 40): string {
    return this.output.trimEnd().split('\n').slice(-lines).join('\n');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return; // its group id may be reused
    try {
      if (this.child.pid) process.kill(-this.child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}
