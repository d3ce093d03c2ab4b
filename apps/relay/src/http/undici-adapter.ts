import axios, {
  AxiosError,
  AxiosHeaders,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { type Dispatcher } from 'undici';
import { readCapped } from './read-capped';

export interface UndiciAdapterOptions {
  /** An undici Agent or Pool: it owns the keep-alive connections. */
  dispatcher: Dispatcher;
  /**
   * The response body is kept up to this many bytes (as a string) and the rest is discarded, so a huge
   * answer costs no memory; axios' own maxContentLength would reject instead, losing the status.
   */
  maxResponseBytes: number;
}

/**
 * An axios adapter that sends through undici's connection pool: axios stays the interface (config,
 * interceptors, errors), undici does the I/O. Redirects are never followed; `timeout` covers the whole
 * exchange.
 */
export function createUndiciAdapter(options: UndiciAdapterOptions): AxiosAdapter {
  return async function undiciAdapter(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
    const url = new URL(axios.getUri(config));
    const controller = new AbortController();
    const onExternalAbort = () => controller.abort();
    const external = config.signal as AbortSignal | undefined;
    external?.addEventListener?.('abort', onExternalAbort, { once: true });
    let timedOut = false;
    const timer =
      config.timeout && config.timeout > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, config.timeout)
        : undefined;
    try {
      const response = await options.dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
        headers: flattenHeaders(config.headers),
        body: toBody(config.data),
        signal: controller.signal,
      });
      const data = await readCapped(response.body, options.maxResponseBytes);
      const result: AxiosResponse = {
        data,
        status: response.statusCode,
        statusText: '',
        headers: AxiosHeaders.from(response.headers as Record<string, string>),
        config,
        request: undefined,
      };
      const validate = config.validateStatus;
      if (validate && !validate(result.status)) {
        const code = result.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
        throw new AxiosError(
          `Request failed with status code ${result.status}`,
          code,
          config,
          undefined,
          result,
        );
      }
      return result;
    } catch (error) {
      if (error instanceof AxiosError) throw error;
      if (timedOut) {
        throw new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config);
      }
      if (external?.aborted) throw new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
      const code = (error as { code?: string }).code ?? AxiosError.ERR_NETWORK;
      throw AxiosError.from(error, code, config);
    } finally {
      if (timer) clearTimeout(timer);
      external?.removeEventListener?.('abort', onExternalAbort);
    }
  };
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
