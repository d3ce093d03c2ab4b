import { type Dispatcher } from 'undici';
import { describeTransportError, type HttpSender, type OutgoingRequest, type SendResult } from './http-sender';
import { readCapped } from './read-capped';

/**
 * Sends straight through undici's keep-alive pool: no per-request config merging, no AbortController;
 * undici's own timers bound the wait for the response headers and for each body chunk. Redirects are
 * never followed (undici doesn't unless asked).
 */
export function createUndiciSender(options: { dispatcher: Dispatcher; maxResponseBytes: number }): HttpSender {
  return {
    async send(request: OutgoingRequest, timeoutMs: number): Promise<SendResult> {
      const started = performance.now();
      try {
        const response = await options.dispatcher.request({
          origin: request.target.origin,
          path: request.target.pathname + request.target.search,
          method: request.method,
          headers: request.headers,
          body: request.body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const body = await readCapped(response.body, options.maxResponseBytes);
        return {
          kind: 'response',
          status: response.statusCode,
          headers: response.headers as Record<string, string | string[]>,
          body,
          durationMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        return { kind: 'error', ...describeTransportError(error, timeoutMs), durationMs: Math.round(performance.now() - started) };
      }
    },
    close: () => options.dispatcher.close(),
  };
}
