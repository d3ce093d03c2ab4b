import axios, {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { type Dispatcher } from 'undici';
import { exchange } from './undici-exchange';

export interface UndiciAdapterOptions {
  /** An undici Agent or Pool: it owns the keep-alive connections. */
  dispatcher: Dispatcher;
  /**
   * The response body is kept up to this many bytes (as a string) and the rest is discarded, so a huge
   * answer costs no memory; axios' own maxContentLength would reject instead, losing the status.
   */
  maxResponseBytes: number;
}

/** Without a `timeout` in the config: undici's own default, so a request never waits for ever. */
const NO_TIMEOUT_MS = 300_000;

/**
 * An axios adapter that sends through undici's connection pool: axios stays the interface (config,
 * interceptors, errors), undici does the I/O, through the same dispatch handler as the relay's own sender
 * (no body stream, no AbortController of its own). Redirects are never followed; `timeout` is one deadline
 * for the whole exchange; `signal` cancels.
 */
export function createUndiciAdapter(options: UndiciAdapterOptions): AxiosAdapter {
  return async function undiciAdapter(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    const url = new URL(axios.getUri(config));
    const result = await exchange(
      options.dispatcher,
      {
        origin: url.origin,
        path: url.pathname + url.search,
        method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
        headers: flattenHeaders(config.headers),
        body: toBody(config.data),
      },
      {
        timeoutMs: config.timeout && config.timeout > 0 ? config.timeout : NO_TIMEOUT_MS,
        maxResponseBytes: options.maxResponseBytes,
        ...abortSignal(config),
      },
    );
    if (result.kind === 'failed') {
      if (result.reason === 'timeout') throw timeoutError(config);
      if (result.reason === 'aborted') throw new CanceledError(undefined, config);
      const code = (result.error as { code?: string }).code ?? AxiosError.ERR_NETWORK;
      throw AxiosError.from(result.error, code, config);
    }
    const response: AxiosResponse = {
      data: result.body,
      status: result.status,
      statusText: '',
      headers: AxiosHeaders.from(result.headers as Record<string, string>),
      config,
      request: undefined,
    };
    const validate = config.validateStatus;
    if (validate && !validate(response.status)) {
      const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
      throw new AxiosError(
        `Request failed with status code ${response.status}`,
        code,
        config,
        undefined,
        response,
      );
    }
    return response;
  };
}

/** axios' own wording and codes for a timeout, `timeoutErrorMessage` and `clarifyTimeoutError` included. */
function timeoutError(config: InternalAxiosRequestConfig): AxiosError {
  const message =
    config.timeoutErrorMessage ??
    (config.timeout ? `timeout of ${config.timeout}ms exceeded` : 'timeout exceeded');
  const code = config.transitional?.clarifyTimeoutError ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED;
  return new AxiosError(message, code, config);
}

/** axios types `signal` loosely (listeners optional): only one that can tell us it aborted is used. */
function abortSignal(config: InternalAxiosRequestConfig): { signal?: AbortSignal } {
  const signal = config.signal as AbortSignal | undefined;
  return typeof signal?.addEventListener === 'function' && typeof signal.removeEventListener === 'function'
    ? { signal }
    : {};
}

function flattenHeaders(headers: InternalAxiosRequestConfig['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers.toJSON(true) as Record<string, unknown>)) {
    if (value === undefined || value === null || value === false) continue;
    out[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function toBody(data: unknown): string | Uint8Array | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  return JSON.stringify(data);
}
