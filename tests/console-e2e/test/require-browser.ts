import { browserRequired, missingBrowserReason } from '../src/browser';

/** Runs once before the suite: without Chromium it skips with the reason, or fails where one is required. */
export default function requireBrowser(): void {
  const reason = missingBrowserReason();
  if (reason === null) return;
  if (browserRequired()) {
    throw new Error(`console end-to-end tests need Chromium (HOOKRELAY_REQUIRE_BROWSER=1): ${reason}`);
  }
  console.warn(
    `\n  console end-to-end tests skipped: ${reason} (HOOKRELAY_REQUIRE_BROWSER=1 fails instead)\n`,
  );
}
