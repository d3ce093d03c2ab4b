import { RetryScheduleError } from '../errors';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Delays in ms; entry i is the wait before attempt i + 1 (DESIGN §4): immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = Object.freeze([
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]);

const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };
/** One step may wait a week at most: beyond that a retry is no longer useful. */
export const MAX_RETRY_STEP_MS = 7 * DAY;
export const MAX_RETRY_ATTEMPTS = 50;

/** Parses '0,5s,5m,30m,2h' (units ms, s, m, h, d; a bare number is ms) into delays in ms. */
export function parseRetrySchedule(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length > MAX_RETRY_ATTEMPTS) {
    throw new RetryScheduleError(
      `retry schedule has ${parts.length} steps; at most ${MAX_RETRY_ATTEMPTS} are allowed`,
    );
  }
  return parts.map((part, i) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(part);
    const unit = UNITS[match?.[2] ?? 'ms'];
    if (!match?.[1] || unit === undefined) {
      throw new RetryScheduleError(
        `retry schedule step ${i + 1} is ${JSON.stringify(part)}: expected a number with an optional unit ms, s, m, h or d, like '0,5s,5m,2h'`,
      );
    }
    const ms = Math.round(Number(match[1]) * unit);
    if (ms > MAX_RETRY_STEP_MS) {
      throw new RetryScheduleError(`retry schedule step ${i + 1} (${part}) is longer than 7 days`);
    }
    return ms;
  });
}
