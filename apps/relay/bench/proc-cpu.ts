import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU (user + system) a process has used so far, in ms, from /proc (clock ticks of 10 ms); NaN when the
 * process is gone or unknown. On a busy machine it is steadier than wall time.
 */
export function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * The PostgreSQL WAL writer on this machine, if the server runs here: with `synchronous_commit = off` a
 * consumer's backends leave their WAL flushes to it, so its CPU belongs to the consumer's share as much
 * as the backends' own. undefined when no such process is found (a server elsewhere).
 */
export function walWriterPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (/^postgres: .*walwriter/.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}
