import type { JsonValue } from '@hookrelay/core';

/**
 * A base URL from settings, written literally into the URL template: origin + path without a trailing
 * slash, query and fragment dropped. The URL parser percent-encodes `{` and `}` in paths, so the
 * result can't smuggle Liquid into the template.
 */
export function baseUrl(value: JsonValue | undefined): string {
  const url = new URL(String(value));
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** An identifier from settings (a table name, a collection) as one literal path segment. */
export function pathSegment(value: JsonValue | undefined): string {
  return encodeURIComponent(String(value));
}
