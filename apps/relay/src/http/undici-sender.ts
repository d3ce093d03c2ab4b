import { type Dispatcher } from 'undici';
import {
  describeTransportError,
  timeoutError,
  type HttpSender,
  type OutgoingRequest,
  type SendResult,
} from './http-sender';
import { exchange } from './undici-exchange';

/** Sends straight through undici's keep-alive pool (see `exchange`): no per-request config merge at all. */
export function createUndiciSender(options: {
  dispatcher: Dispatcher;
  maxResponseBytes: number;
}): HttpSender {
  return {
    async send(request: OutgoingRequest, timeoutMs: number): Promise<SendResult> {
      const started = performance.now();
      const result = await exchange(
        options.dispatcher,
        {
          origin: request.target.origin,
          path: request.target.pathname + request.target.search,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
        },
        { timeoutMs, maxResponseBytes: options.maxResponseBytes },
      );
      const durationMs = Math.round(performance.now() - started);
      if (result.kind === 'response') return { ...result, durationMs };
      const failure =
        result.reason === 'timeout'
          ? timeoutError(timeoutMs)
          : describeTransportError(result.error, timeoutMs);
      return { kind: 'error', ...failure, durationMs };
    },
    destroy: () => options.dispatcher.destroy(),
  };
}
