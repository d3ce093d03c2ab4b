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
  if (hasDotSegment(url))
    return {
      problem:
        "URL path must not have a '.' or '..' segment (a value that is only dots would change the path)",
    };
  return { url: parsed };
}

/**
 * A path segment that a URL parser resolves away: '.', '..', or their percent-encoded spellings ('%2e' is
 * a dot to the WHATWG parser too). A variable rendering to '..' would otherwise send the request to
 * another path of the target; encoding cannot carry such a segment, so the URL is refused.
 */
function hasDotSegment(url: string): boolean {
  const afterAuthority = url.slice(url.indexOf('//') + 2);
  // for http(s) a backslash ends the host and separates segments like a slash
  const pathStart = afterAuthority.search(/[/\\?#]/);
  if (pathStart < 0 || afterAuthority[pathStart] === '?' || afterAuthority[pathStart] === '#') return false;
  const path = afterAuthority.slice(pathStart).split(/[?#]/, 1)[0] ?? '';
  return path.split(/[/\\]/).some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

/** Settings in a URL are trusted admin configuration: inserted as they are, not percent-encoded. */
export function trustSettingsForUrl(settings: Record<string, unknown>): Record<string, unknown> {
  const trusted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    trusted[key] = typeof value === 'string' ? new TrustedUrlPart(value) : value;
  }
  return trusted;
}
