import http from 'node:http';
import https from 'node:https';
import { type Readable } from 'node:stream';
import axios from 'axios';
import { Agent } from 'undici';
import { type HttpClientKind } from '../config';
import { guardedLookup } from '../delivery/ssrf-guard';
import { createAxiosSender } from './axios-sender';
import { type HttpSender } from './http-sender';
import { readCapped } from './read-capped';
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
 * The relay's HTTP client, by HOOKRELAY_HTTP_CLIENT:
 * - 'undici': undici's pool directly (the fastest; the default),
 * - 'axios': axios with an adapter built on the same undici pool (axios as the interface),
 * - 'axios-default': axios' own http adapter on keep-alive agents (for comparison).
 * With the guard on, every connection resolves its host through the SSRF-checking lookup.
 */
export function createSender(options: SenderOptions): HttpSender {
  const lookup = options.guardPrivateTargets ? guardedLookup : undefined;
  if (options.kind === 'undici' || options.kind === 'axios') {
    const dispatcher = new Agent({
      connections: options.connectionsPerOrigin,
      keepAliveTimeout: KEEP_ALIVE_MS,
      connect: { timeout: options.connectTimeoutMs, ...(lookup ? { lookup } : {}) },
    });
    if (options.kind === 'undici')
      return createUndiciSender({ dispatcher, maxResponseBytes: options.maxResponseBytes });
    const instance = axios.create({
      ...AXIOS_COMMON,
      adapter: createUndiciAdapter({ dispatcher, maxResponseBytes: options.maxResponseBytes }),
    });
    return createAxiosSender({
      axios: instance,
      timeoutIsDeadline: true,
      destroy: () => dispatcher.destroy(),
    });
  }
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.connectionsPerOrigin,
    ...(lookup ? { lookup } : {}),
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  // the body as a stream, read like the other clients do: the first bytes kept, the connection dropped
  // past 1 MiB, the status kept (axios' maxContentLength would reject instead, losing the status)
  const instance = axios.create({
    ...AXIOS_COMMON,
    adapter: 'http',
    httpAgent,
    httpsAgent,
    responseType: 'stream',
  });
  instance.interceptors.response.use(async (response) => {
    response.data = await readCapped(response.data as Readable, options.maxResponseBytes);
    return response;
  });
  return createAxiosSender({
    axios: instance,
    timeoutIsDeadline: false,
    destroy: async () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  });
}

const AXIOS_COMMON = {
  // never HTTP(S)_PROXY from the environment: a proxy would connect to the target, past the SSRF guard
  proxy: false as const,
  maxRedirects: 0,
  validateStatus: () => true,
  responseType: 'text' as const,
  transformRequest: [(data: unknown) => data],
  transformResponse: [(data: unknown) => data],
};
