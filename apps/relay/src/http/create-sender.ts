import axios from 'axios';
import { Agent } from 'undici';
import { type HttpClientKind } from '../config';
import { guardedLookup } from '../delivery/ssrf-guard';
import { createAxiosSender } from './axios-sender';
import { type HttpSender } from './http-sender';
import { createUndiciAdapter } from './undici-adapter';
import { createUndiciSender } from './undici-sender';

export interface SenderOptions {
  kind: HttpClientKind;
  /** Keep-alive connections per origin. */
  connectionsPerOrigin: number;
  guardPrivateTargets: boolean;
  maxResponseBytes: number;
  connectTimeoutMs: number;
}

const KEEP_ALIVE_MS = 30_000;

/**
 * The relay's HTTP client, by HOOKRELAY_HTTP_CLIENT, both on one keep-alive undici pool:
 * - 'undici': the pool directly (the fastest; the default),
 * - 'axios': axios as the interface, with an adapter that sends through the pool.
 * With the guard on, every connection resolves its host through the SSRF-checking lookup.
 */
export function createSender(options: SenderOptions): HttpSender {
  const lookup = options.guardPrivateTargets ? guardedLookup : undefined;
  const dispatcher = new Agent({
    connections: options.connectionsPerOrigin,
    keepAliveTimeout: KEEP_ALIVE_MS,
    connect: { timeout: options.connectTimeoutMs, ...(lookup ? { lookup } : {}) },
  });
  if (options.kind === 'undici')
    return createUndiciSender({ dispatcher, maxResponseBytes: options.maxResponseBytes });
  const instance = axios.create({
    ...AXIOS_OPTIONS,
    adapter: createUndiciAdapter({ dispatcher, maxResponseBytes: options.maxResponseBytes }),
  });
  return createAxiosSender({
    axios: instance,
    timeoutIsDeadline: true,
    destroy: () => dispatcher.destroy(),
  });
}

/** What the relay asks of any axios instance it sends with. */
export const AXIOS_OPTIONS = {
  // never HTTP(S)_PROXY from the environment: a proxy would connect to the target, past the SSRF guard
  proxy: false as const,
  maxRedirects: 0,
  validateStatus: () => true,
  responseType: 'text' as const,
  transformRequest: [(data: unknown) => data],
  transformResponse: [(data: unknown) => data],
};
