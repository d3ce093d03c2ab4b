import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { Agent } from 'undici';
import { type HttpClientKind } from '../config';
import { guardedLookup } from '../delivery/ssrf-guard';
import { createUndiciAdapter } from './undici-adapter';

export interface HttpClient {
  axios: AxiosInstance;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  kind: HttpClientKind;
  /** Keep-alive connections per origin. */
  connectionsPerOrigin: number;
  guardPrivateTargets: boolean;
  maxResponseBytes: number;
}

const KEEP_ALIVE_MS = 30_000;

/**
 * The relay's HTTP client: axios, with an undici-pool adapter by default ('undici') or axios' own http
 * adapter on keep-alive agents ('axios-default', kept for comparison). Either way redirects are not
 * followed, statuses never throw, bodies are passed as rendered, and with the guard on every connection
 * goes through the SSRF-checking lookup.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const lookup = options.guardPrivateTargets ? guardedLookup : undefined;
  const common = {
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text' as const,
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    headers: { 'user-agent': 'hookrelay' },
  };
  if (options.kind === 'undici') {
    const dispatcher = new Agent({
      connections: options.connectionsPerOrigin,
      keepAliveTimeout: KEEP_ALIVE_MS,
      connect: lookup ? { lookup } : {},
    });
    const instance = axios.create({
      ...common,
      adapter: createUndiciAdapter({ dispatcher, maxResponseBytes: options.maxResponseBytes }),
    });
    return { axios: instance, close: () => dispatcher.close() };
  }
  const agentOptions = { keepAlive: true, maxSockets: options.connectionsPerOrigin, ...(lookup ? { lookup } : {}) };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const instance = axios.create({
    ...common,
    adapter: 'http',
    httpAgent,
    httpsAgent,
    maxContentLength: -1,
  });
  return {
    axios: instance,
    close: async () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
