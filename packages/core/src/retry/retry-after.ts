/**
 * Retry-After is clamped to one day: longer than the longest step of the default schedule (10 h),
 * so an honest "come back tomorrow" is honoured, while a hostile value can't park a job for ever.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

function clamp(ms: number): number {
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** Parses a Retry-After header (delay-seconds or HTTP-date) into a wait in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return clamp(Number(text) * 1000);
  // HTTP-date (IMF-fixdate and the obsolete forms Date.parse understands); must name a weekday or GMT.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return clamp(at - now.getTime());
}
