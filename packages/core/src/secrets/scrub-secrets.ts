/** Secrets shorter than this are not searched for: replacing them would garble ordinary text. */
export const MIN_SCRUBBED_SECRET_LENGTH = 4;

/**
 * Builds a function that replaces every occurrence of the given secrets in a text (a URL, a header
 * value, a JSON body) by `replacement(secret)`, in each form rendering can give a secret there: as is,
 * escaped inside a JSON string, percent-encoded, form-encoded in a query string, and — for secrets that
 * are URLs — as the URL parser normalises them. A secret transformed by a template filter is not found.
 * Used for attempt logs (relay) and previews (API), which must never show a secret.
 */
export function createSecretScrubber(
  secrets: readonly string[],
  replacement: (secret: string) => string,
): (text: string) => string {
  const variants = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SCRUBBED_SECRET_LENGTH) continue;
    const replaced = replacement(secret);
    const href = normalisedUrl(secret);
    for (const base of href && href !== secret ? [secret, href] : [secret]) {
      for (const form of writtenForms(base)) if (!variants.has(form)) variants.set(form, replaced);
    }
  }
  // longest first, so no part of a longer secret's form survives a shorter one's replacement
  const ordered = [...variants.entries()].sort(([a], [b]) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => ordered.reduce((out, [form, replaced]) => out.replaceAll(form, replaced), text);
}

function writtenForms(value: string): string[] {
  return [
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
  ].filter((form) => form !== '');
}

function normalisedUrl(value: string): string | undefined {
  return URL.canParse(value) ? new URL(value).href : undefined;
}
