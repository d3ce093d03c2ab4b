import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { processCpuMs } from './proc-cpu';

/** One address the bench receiver listens on, and how it answers there. */
export interface Listener {
  host: string;
  /** 'hang': never answer (a dead destination). Default: 200. */
  reply?: 'ok' | 'hang';
  delayMs?: number;
}

export interface ReceiverReport {
  /** Per request, in arrival order: its x-batch header, when it arrived, which listener got it. */
  batches: number[];
  times: number[];
  hosts: number[];
  distinct: number;
}

/** The bench receiver (receiver.ts) in a process of its own, so it doesn't compete with the relay's event loop. */
export class ReceiverProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly ports: number[],
  ) {}

  static async start(listeners: Listener[] = [{ host: '127.0.0.1' }]): Promise<ReceiverProcess> {
    const child = fork(path.join(__dirname, 'receiver.ts'), [JSON.stringify(listeners)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ports = await new Promise<number[]>((resolve) =>
      child.on('message', (m: { type: string; ports: number[] }) => m.type === 'ready' && resolve(m.ports)),
    );
    return new ReceiverProcess(child, ports);
  }

  /** The first listener's port. */
  get port(): number {
    return this.ports[0] as number;
  }

  private ask<T>(command: string): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== command) return;
        this.child.off('message', onMessage);
        resolve(m as T);
      };
      this.child.on('message', onMessage);
      this.child.send(command);
    });
  }

  reset = () => this.ask<unknown>('reset');
  count = () => this.ask<{ count: number; distinct: number }>('count');
  report = () => this.ask<ReceiverReport>('report');
  stop = () => this.child.kill();
  cpuMs = () => processCpuMs(this.child.pid);
}
