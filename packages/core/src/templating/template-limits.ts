/**
 * Limits that keep one template from hanging or blowing up the process (liquidjs DoS options).
 * Webhook templates are short field values; these are far above any honest use.
 */
export const TEMPLATE_LIMITS = {
  /** Characters parsed per template (liquidjs `parseLimit`). */
  parseLimit: 64 * 1024,
  /** Milliseconds per render call (liquidjs `renderLimit`). */
  renderLimit: 100,
  /** Allocation units per render (liquidjs `memoryLimit`: string/array growth, ranges). */
  memoryLimit: 8 * 1024 * 1024,
  /**
   * Characters (UTF-16 code units) one rendered value may have, and one `{% capture %}` may hold:
   * literal output and captures are not charged to `memoryLimit`, so without this a loop can build
   * hundreds of megabytes within one render step. 256 Ki, the size of the API's request body limit.
   */
  outputLimit: 256 * 1024,
  /** Compiled templates kept in memory. */
  cacheSize: 10_000,
} as const;
