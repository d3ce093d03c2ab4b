import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { exitCodeOf } from './exit-code';

export interface ServiceProcess {
  name: string;
  pid: number;
  /** Resolves with the exit code (128 + signal when killed) whenever the process ends. */
  exited: Promise<number>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process is gone. */
  stop(graceMs: number): Promise<number>;
  /** SIGKILL, for when the user insists (second Ctrl-C). */
  kill(): void;
}

/**
 * Runs one of our Node services with its output prefixed by its name. It gets its own process group,
 * so Ctrl-C in the terminal reaches only the launcher, which stops the services in order.
 */
export function startServiceProcess(options: {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  prefixWidth: number;
  /** Rewrites each stdout line (where the services log) before it is prefixed; may return several lines. */
  formatLine?: (line: string) => string;
}): ServiceProcess {
  const child = spawn(process.execPath, [options.script], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const prefix = `${options.name.padEnd(options.prefixWidth)} | `;
  pipeLines(child.stdout, process.stdout, prefix, options.formatLine);
  pipeLines(child.stderr, process.stderr, prefix);
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
    child.once('error', () => resolve(127));
  });
  let exitedAlready = false;
  void exited.then(() => (exitedAlready = true));
  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    hasExited: () => exitedAlready,
    stop: (graceMs) => stopChild(child, exited, graceMs),
    kill: () => child.kill('SIGKILL'),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number>, graceMs: number): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

function pipeLines(
  from: NodeJS.ReadableStream | null,
  to: NodeJS.WritableStream,
  prefix: string,
  formatLine: (line: string) => string = (line) => line,
): void {
  if (!from) return;
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) =>
    to.write(prefixLines(prefix, formatLine(line))),
  );
}

/** Every line gets the prefix, so a formatted error's stack still shows which service it came from. */
export function prefixLines(prefix: string, text: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}\n`)
    .join('');
}
