import { type RenderedRequest } from '@hookrelay/core';
import { findSsrfRefusal } from '../delivery/ssrf-guard';

export const SEND_ERRORS = ['timeout', 'network', 'ssrf', 'invalid_request'] as const;
export type SendError = (typeof SEND_ERRORS)[number];

export type SendResult =
  | {
      kind: 'response';
      status: number;
      headers: Record<string, string | string[]>;
      body: string;
      durationMs: number;
    }
  | { kind: 'error'; error: SendError; message: string; durationMs: number };

export interface OutgoingRequest extends RenderedRequest {
  /** `url`, already parsed (the delivery checked it). */
  target: URL;
}

/**
 * How the relay sends one request. Never throws: every failure becomes a SendResult. `timeoutMs` is an
 * overall deadline for the whole exchange (connect, headers and body), not an idle timeout.
 */
export interface HttpSender {
  send(request: OutgoingRequest, timeoutMs: number): Promise<SendResult>;
  /**
   * Drops every connection at once, aborting requests still running: called on shutdown after the relay
   * has released its jobs, so nothing waits for a receiver that is still dripping an answer.
   */
  destroy(): Promise<void>;
}

const TIMEOUT_CODES = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** undici refuses to send these requests at all (e.g. an `expect` header): retrying cannot help. */
const REFUSED_REQUEST_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

/** Maps a transport error (undici's or axios') to what the classifier needs. */
export function describeTransportError(
  error: unknown,
  timeoutMs: number,
): { error: SendError; message: string } {
  const refusal = findSsrfRefusal(error);
  if (refusal) return { error: 'ssrf', message: refusal.message };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  if (code && TIMEOUT_CODES.has(code)) return timeoutError(timeoutMs);
  const message = (error as Error).message || cause?.message || 'network error';
  const detailed = code && !message.includes(code) ? `${code}: ${message}` : message;
  if (code && REFUSED_REQUEST_CODES.has(code)) return { error: 'invalid_request', message: detailed };
  return { error: 'network', message: detailed };
}

export function timeoutError(timeoutMs: number): { error: 'timeout'; message: string } {
  return { error: 'timeout', message: `no response within ${timeoutMs} ms` };
}
