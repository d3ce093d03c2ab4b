/**
 * For a job whose attempt k + 1 is due (k attempts made), how long after that due time its schedule would
 * make its last attempt: entry k is the sum of the steps after step k. A job that waits without being
 * attempted (its destination's circuit is open) dies once that much time has passed, as it would have if
 * every attempt had been made and failed. (A job retried by hand after its schedule was used up has no
 * entry: callers give it the schedule's last step.)
 */
export function retryWindowsMs(schedule: readonly number[]): number[] {
  const windows = new Array<number>(schedule.length).fill(0);
  let after = 0;
  for (let k = schedule.length - 1; k >= 0; k--) {
    windows[k] = after;
    after += schedule[k] ?? 0;
  }
  return windows;
}
