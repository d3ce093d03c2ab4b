import { util, type Dispatcher } from 'undici';
import {
  describeTransportError,
  type HttpSender,
  type OutgoingRequest,
  type SendResult,
} from './http-sender';

/** Bodies beyond this are not read to the end: the connection is dropped instead of reading megabytes. */
const MAX_DRAIN_BYTES = 1024 * 1024;

/**
 * Sends straight through undici's keep-alive pool with a dispatch handler: no per-request config merge,
 * no body stream, no AbortController (undici's own timers bound the wait for the response headers and
 * for each body chunk, with ~1 s resolution). Redirects are never followed (undici doesn't unless asked).
 */
export function createUndiciSender(options: {
  dispatcher: Dispatcher;
  maxResponseBytes: number;
}): HttpSender {
  return {
    send(request: OutgoingRequest, timeoutMs: number): Promise<SendResult> {
      const started = performance.now();
      return new Promise<SendResult>((resolve) => {
        let status = 0;
        let headers: Record<string, string | string[]> = {};
        const kept: Buffer[] = [];
        let keptBytes = 0;
        let seen = 0;
        const elapsed = () => Math.round(performance.now() - started);
        let abort: ((error?: Error) => void) | undefined;
        // undici's classic handler interface: what its pool calls natively (no wrapper, no body stream)
        const handler: Dispatcher.DispatchHandler = {
          onConnect(abortRequest) {
            abort = abortRequest;
          },
          onHeaders(statusCode, rawHeaders) {
            status = statusCode;
            headers = util.parseHeaders(rawHeaders) as Record<string, string | string[]>;
            return true;
          },
          onData(chunk) {
            seen += chunk.length;
            if (keptBytes < options.maxResponseBytes) {
              const room = options.maxResponseBytes - keptBytes;
              const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
              kept.push(part);
              keptBytes += part.length;
            }
            if (seen > MAX_DRAIN_BYTES) abort?.(new ResponseTooLongError());
            return true;
          },
          onComplete() {
            resolve({ kind: 'response', status, headers, body: decode(kept), durationMs: elapsed() });
          },
          onError(error) {
            if (error instanceof ResponseTooLongError && status !== 0) {
              resolve({ kind: 'response', status, headers, body: decode(kept), durationMs: elapsed() });
              return;
            }
            resolve({ kind: 'error', ...describeTransportError(error, timeoutMs), durationMs: elapsed() });
          },
        };
        try {
          options.dispatcher.dispatch(
            {
              origin: request.target.origin,
              path: request.target.pathname + request.target.search,
              method: request.method,
              headers: request.headers,
              body: request.body ?? null,
              headersTimeout: timeoutMs,
              bodyTimeout: timeoutMs,
            },
            handler,
          );
        } catch (error) {
          resolve({ kind: 'error', ...describeTransportError(error, timeoutMs), durationMs: elapsed() });
        }
      });
    },
    close: () => options.dispatcher.close(),
  };
}

class ResponseTooLongError extends Error {}

function decode(chunks: Buffer[]): string {
  if (chunks.length === 0) return '';
  return chunks.length === 1
    ? (chunks[0] as Buffer).toString('utf8')
    : Buffer.concat(chunks).toString('utf8');
}
