import { util, type Dispatcher } from 'undici';
import {
  describeTransportError,
  timeoutError,
  type HttpSender,
  type OutgoingRequest,
  type SendResult,
} from './http-sender';

/** Bodies beyond this are not read to the end: the connection is dropped instead of reading megabytes. */
const MAX_DRAIN_BYTES = 1024 * 1024;

/**
 * Sends straight through undici's keep-alive pool with a dispatch handler: no per-request config merge,
 * no body stream, no AbortController. One timer per request is the overall deadline: undici's own
 * headersTimeout/bodyTimeout restart whenever a byte arrives, so a receiver dripping its answer would
 * otherwise hold the slot (and outlive the lease) for ever. Redirects are never followed.
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
        let settled = false;
        const settle = (result: SendResult) => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          resolve(result);
        };
        const deadline = setTimeout(() => {
          settle({ kind: 'error', ...timeoutError(timeoutMs), durationMs: elapsed() });
          abort?.(new DeadlineError());
        }, timeoutMs);
        // undici's classic handler interface: what its pool calls natively (no wrapper, no body stream)
        const handler: Dispatcher.DispatchHandler = {
          onConnect(abortRequest) {
            abort = abortRequest;
            // the deadline passed while the request waited for a connection: it must not go out late
            if (settled) abortRequest(new DeadlineError());
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
            settle({ kind: 'response', status, headers, body: decode(kept), durationMs: elapsed() });
          },
          onError(error) {
            if (error instanceof ResponseTooLongError && status !== 0) {
              settle({ kind: 'response', status, headers, body: decode(kept), durationMs: elapsed() });
              return;
            }
            settle({ kind: 'error', ...describeTransportError(error, timeoutMs), durationMs: elapsed() });
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
              // the deadline above is what counts; these only stop undici's 300 s defaults from mattering
              headersTimeout: timeoutMs,
              bodyTimeout: timeoutMs,
            },
            handler,
          );
        } catch (error) {
          settle({ kind: 'error', ...describeTransportError(error, timeoutMs), durationMs: elapsed() });
        }
      });
    },
    destroy: () => options.dispatcher.destroy(),
  };
}

class ResponseTooLongError extends Error {}
class DeadlineError extends Error {}

function decode(chunks: Buffer[]): string {
  if (chunks.length === 0) return '';
  return chunks.length === 1
    ? (chunks[0] as Buffer).toString('utf8')
    : Buffer.concat(chunks).toString('utf8');
}
