/** A deep copy with every object's keys in code-point order (arrays keep theirs): stable JSON text. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    // JSON drops undefined values; dropping them here keeps the copy equal to its JSON text.
    if (item !== undefined) sorted[key] = sortKeys(item);
  }
  return sorted as T;
}
