import { type AttemptOutcome, type JsonObject } from '@hookrelay/core';
import { type AttemptLog } from '../outbox/types';
import { type SendResult } from '../http/http-sender';

export const MAX_LOGGED_RESPONSE_BYTES = 4096;

/** The attempt as delivery_attempts stores it: response body cut to 4 KiB. */
export function buildAttemptLog(input: {
  request: JsonObject;
  result: SendResult | { kind: 'not-sent'; message: string };
  outcome: AttemptOutcome;
}): AttemptLog {
  const { result } = input;
  if (result.kind === 'response') {
    return {
      request: input.request,
      responseStatus: result.status,
      responseHeaders: result.headers,
      // PostgreSQL text cannot hold NUL
      responseBody: truncateUtf8(result.body, MAX_LOGGED_RESPONSE_BYTES).replaceAll('\u0000', ''),
      durationMs: result.durationMs,
      error: null,
      outcome: input.outcome,
    };
  }
  return {
    request: input.request,
    responseStatus: null,
    responseHeaders: null,
    responseBody: null,
    durationMs: result.kind === 'error' ? result.durationMs : null,
    error: result.message,
    outcome: input.outcome,
  };
}

export function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return text;
  // drop a trailing partial character rather than store a replacement char
  return Buffer.from(text)
    .subarray(0, maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}
