export interface WaitOptions {
  /** 15 s by default. */
  timeoutMs?: number;
  /**
   * A fixed pause between checks. By default the pauses are 25, 50 and 100 ms, then 200 ms: a condition
   * that holds soon is seen soon, and a long wait does not load the API or database it polls.
   */
  intervalMs?: number;
  /** What the timeout error says: what was awaited, or the state it was left in. */
  describe?: string | (() => string | Promise<string>);
}

/**
 * Calls `check` until it returns something other than `undefined` or `false`, and resolves with that
 * (`true` for a plain condition, or the row, match or value it found). Rejects after `timeoutMs`, or at
 * once with whatever `check` throws.
 */
export async function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  for (let pause = options.intervalMs ?? 25; ; pause = options.intervalMs ?? Math.min(pause * 2, 200)) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const detail = typeof options.describe === 'function' ? await options.describe() : options.describe;
      throw new Error(`waited ${timeoutMs} ms: ${detail ?? 'condition not met'}`);
    }
    await sleep(pause);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
