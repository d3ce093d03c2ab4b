import { readFileSync } from 'node:fs';

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
