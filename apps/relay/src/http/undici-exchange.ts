import { util, type Dispatcher } from 'undici';

/** Bodies beyond this are not drained: the connection is dropped instead of reading megabytes. */
export const MAX_DRAIN_BYTES = 1024 * 1024;

export interface ExchangeRequest {
  origin: string;
  /** Path and query string. */
  path: string;
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body?: string | Uint8Array | null;
}

export interface ExchangeOptions {
  /** One deadline for the whole exchange: waiting for a connection, the headers and the whole body. */
  timeoutMs: number;
  /** The body is kept up to this many bytes (as text); the rest is discarded, so a huge answer costs no memory. */
  maxResponseBytes: number;
  /** Aborts the exchange from outside (an axios caller's `signal`). */
  signal?: AbortSignal;
}

export type ExchangeResult =
  | { kind: 'response'; status: number; headers: Record<string, string | string[]>; body: string }
  | { kind: 'failed'; reason: 'timeout' | 'aborted' | 'transport'; error: unknown };

/**
 * One request through an undici pool with a dispatch handler, the interface its pool calls natively: no
 * body stream, no AbortController, one timer. undici's own headersTimeout/bodyTimeout restart whenever a
 * byte arrives, so a receiver dripping its answer would otherwise hold the slot (and outlive the lease)
 * for ever; the timer here is the overall deadline. Redirects are never followed. Never rejects.
 */
export function exchange(
  dispatcher: Dispatcher,
  request: ExchangeRequest,
  options: ExchangeOptions,
): Promise<ExchangeResult> {
  return new Promise<ExchangeResult>((resolve) => {
    let status = 0;
    let headers: Record<string, string | string[]> = {};
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let seen = 0;
    let abort: ((error?: Error) => void) | undefined;
    let settled = false;
    const { signal } = options;
    const settle = (result: ExchangeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const stop = (reason: 'timeout' | 'aborted', error: Error) => {
      settle({ kind: 'failed', reason, error });
      abort?.(error);
    };
    const deadline = setTimeout(() => stop('timeout', new DeadlineError()), options.timeoutMs);
    const onAbort = () => stop('aborted', new AbortedError());
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandler = {
      onConnect(abortRequest) {
        abort = abortRequest;
        // the deadline passed (or the caller gave up) while the request waited for a connection: it must
        // not go out late
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
        settle({ kind: 'response', status, headers, body: decode(kept) });
      },
      onError(error) {
        // past 1 MiB the answer is cut, but it was an answer: its status and first bytes count
        if (error instanceof ResponseTooLongError && status !== 0) {
          settle({ kind: 'response', status, headers, body: decode(kept) });
          return;
        }
        settle({ kind: 'failed', reason: 'transport', error });
      },
    };
    if (settled) return;
    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          // the deadline above is what counts; these only stop undici's 300 s defaults from mattering
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        },
        handler,
      );
    } catch (error) {
      settle({ kind: 'failed', reason: 'transport', error });
    }
  });
}

class ResponseTooLongError extends Error {}
class DeadlineError extends Error {}
class AbortedError extends Error {
  override name = 'AbortError';
}

function decode(chunks: Buffer[]): string {
  if (chunks.length === 0) return '';
  return chunks.length === 1
    ? (chunks[0] as Buffer).toString('utf8')
    : Buffer.concat(chunks).toString('utf8');
}
