import { jsonEqual } from '@hookrelay/core';
import type { BodyPair, HeaderPair, HttpMethod, JsonValue } from '@hookrelay/core';
import type { Prefill } from '@hookrelay/targets';

/** The fields a target plugin prefills, as a webhook holds them (secret header values opened). */
export interface PrefilledFields {
  method: HttpMethod;
  url: string;
  headers: HeaderPair[];
  body: BodyPair[];
  includeElementData: boolean;
}

const normaliseHeaders = (headers: readonly HeaderPair[]) =>
  headers.map((h) => ({ key: h.key, value: h.value, secret: h.secret === true }));

const same = (a: unknown, b: unknown) => jsonEqual(a as JsonValue, b as JsonValue);

/**
 * When a webhook's target settings (or kind) change, a field that still holds what the plugin prefilled
 * from the old settings takes what it prefills from the new ones (a WordPress `site_url` change moves the
 * URL); a field the admin changed since stays as the admin left it. Without the old prefill (no target
 * before) every field stays.
 */
export function reprefill(input: {
  current: PrefilledFields;
  before: Prefill | undefined;
  after: Prefill;
}): PrefilledFields {
  const { current, before, after } = input;
  if (!before) return current;
  return {
    method: current.method === before.method ? after.method : current.method,
    url: current.url === before.url ? after.url : current.url,
    headers: same(normaliseHeaders(current.headers), normaliseHeaders(before.headers))
      ? after.headers
      : current.headers,
    body: same(current.body, before.body) ? after.body : current.body,
    includeElementData:
      current.includeElementData === before.includeElementData
        ? after.includeElementData
        : current.includeElementData,
  };
}
