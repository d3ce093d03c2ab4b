import { createSecretScrubber, maskSecret } from '@hookrelay/core';
import type { RenderedRequest } from '@hookrelay/core';

/** Shown instead of a real signature: a preview must not be a replayable signed request. */
export const PREVIEW_SIGNATURE = 'v1,<signed at delivery>';

export interface PreviewSecrets {
  /** Opened secret target settings. */
  values: string[];
  /** Header names (any case) whose whole rendered value is secret. */
  headerNames: string[];
}

/**
 * A preview is meant to be pasted into tickets and chats, so no secret may survive in it. Secret headers
 * (and headers whose template uses a secret setting, which a filter may have transformed) are masked
 * whole; every other occurrence of a secret setting or secret header value in the url, headers and body
 * is replaced by its mask — also in the forms rendering gives it there (JSON-escaped, percent-encoded,
 * URL-normalised). A secret transformed by a filter in the url or body is not recognised.
 */
export function maskPreview(rendered: RenderedRequest, secrets: PreviewSecrets): RenderedRequest {
  const secretHeaders = new Set(secrets.headerNames.map((name) => name.toLowerCase()));
  const headerValues = Object.entries(rendered.headers)
    .filter(([name]) => secretHeaders.has(name.toLowerCase()))
    .map(([, value]) => value);
  const scrub = createSecretScrubber([...secrets.values, ...headerValues], maskSecret);
  return {
    method: rendered.method,
    url: scrub(rendered.url),
    headers: Object.fromEntries(
      Object.entries(rendered.headers).map(([name, value]) => [
        name,
        secretHeaders.has(name.toLowerCase()) ? maskSecret(value) : scrub(value),
      ]),
    ),
    body: rendered.body === undefined ? undefined : scrub(rendered.body),
  };
}
