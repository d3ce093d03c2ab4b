/**
 * Polls `url` until it answers 2xx. Gives up when `abandon` settles first (the service exited) or
 * after `timeoutMs`.
 */
export async function waitForHealth(options: {
  url: string;
  timeoutMs: number;
  abandon: Promise<unknown>;
}): Promise<void> {
  let abandoned = false;
  void options.abandon.then(() => (abandoned = true));
  const deadline = Date.now() + options.timeoutMs;
  while (!abandoned) {
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${options.url} did not answer within ${options.timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the process exited before ${options.url} answered`);
}
