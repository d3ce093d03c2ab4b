import { hasControlCharacter } from './control-characters';
import { TrustedUrlPart } from './liquid-engine';

/** Parses a rendered URL; a problem unless it is an absolute http(s) URL with nothing that could split a request. */
export function parseRenderedUrl(url: string): { url: URL } | { problem: string } {
  if (hasControlCharacter(url, { spaceToo: true }))
    return { problem: 'URL must not contain spaces, line breaks or control characters' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `'${url.slice(0, 200)}' is not an absolute URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { problem: 'URL must start with http:// or https://' };
  if (parsed.hostname === '') return { problem: 'URL must name a host' };
  return { url: parsed };
}

/** Settings in a URL are trusted admin configuration: inserted as they are, not percent-encoded. */
export function trustSettingsForUrl(settings: Record<string, unknown>): Record<string, unknown> {
  const trusted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    trusted[key] = typeof value === 'string' ? new TrustedUrlPart(value) : value;
  }
  return trusted;
}
