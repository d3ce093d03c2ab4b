import { type AxiosInstance } from 'axios';
import {
  describeTransportError,
  timeoutError,
  type HttpSender,
  type OutgoingRequest,
  type SendResult,
} from './http-sender';

/**
 * Sends with an axios instance (whatever its adapter); statuses never throw, redirects are not followed.
 * axios' `timeout` is only a socket idle timeout with its default http adapter, so there an abort signal
 * on a timer makes it an overall deadline; an adapter whose `timeout` already is one
 * (`timeoutIsDeadline`, the undici adapter) needs no second timer.
 */
export function createAxiosSender(options: {
  axios: AxiosInstance;
  timeoutIsDeadline: boolean;
  destroy: () => Promise<void>;
}): HttpSender {
  return {
    async send(request: OutgoingRequest, timeoutMs: number): Promise<SendResult> {
      const started = performance.now();
      const controller = options.timeoutIsDeadline ? undefined : new AbortController();
      let timedOut = false;
      const deadline =
        controller &&
        setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
      try {
        const response = await options.axios.request<string>({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
          timeout: timeoutMs,
          ...(controller ? { signal: controller.signal } : {}),
        });
        return {
          kind: 'response',
          status: response.status,
          headers: plainHeaders(response.headers),
          body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
          durationMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        return {
          kind: 'error',
          ...(timedOut ? timeoutError(timeoutMs) : describeTransportError(error, timeoutMs)),
          durationMs: Math.round(performance.now() - started),
        };
      } finally {
        clearTimeout(deadline);
      }
    },
    destroy: options.destroy,
  };
}

function plainHeaders(headers: unknown): Record<string, string | string[]> {
  const source =
    headers && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : (headers as Record<string, unknown>);
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}
