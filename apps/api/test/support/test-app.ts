import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTestSchema } from '@hookrelay/db/testing';
import { Client } from 'pg';
import { AccountsService } from '../../src/accounts/accounts.service';
import type { ApiConfig } from '../../src/config';
import { createApp } from '../../src/create-app';

// Test bodies are read field by field; `any` keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBody = any;

export interface ApiResponse<T = AnyBody> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Caller {
  key: string;
  accountId: string;
  request<T = AnyBody>(
    method: string,
    path: string,
    body?: unknown,
    init?: { headers?: Record<string, string>; raw?: string },
  ): Promise<ApiResponse<T>>;
  get<T = AnyBody>(path: string): Promise<ApiResponse<T>>;
  post<T = AnyBody>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = AnyBody>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = AnyBody>(path: string): Promise<ApiResponse<T>>;
}

export interface TestApp {
  baseUrl: string;
  config: ApiConfig;
  /** A direct connection to the test schema, to look at what the API stored. */
  db: Client;
  createCaller(name?: string): Promise<Caller>;
  caller(key: string, accountId?: string): Caller;
  close(): Promise<void>;
}

export function testConfig(databaseUrl: string, overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    databaseUrl,
    port: 0,
    encryptionKey: randomBytes(32).toString('base64'),
    bootstrapApiKey: undefined,
    allowPrivateTargets: false,
    bodyLimit: '256kb',
    logLevel: 'silent',
    targetPlugins: undefined,
    // no relay runs in these tests: a test delivery answers 202 after this short wait
    testDeliveryWaitMs: 100,
    publicUrl: undefined,
    consoleDir: undefined,
    secureCookies: 'auto',
    trustProxy: false,
    ...overrides,
  };
}

/** One migrated schema and one listening app per test file. */
export async function startTestApp(overrides: Partial<ApiConfig> = {}): Promise<TestApp> {
  const schema = await createTestSchema('api');
  const config = testConfig(schema.url, overrides);
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = new Client({ connectionString: schema.url });
  await db.connect();
  const caller = (key: string, accountId = ''): Caller => makeCaller(baseUrl, key, accountId);
  return {
    baseUrl,
    config,
    db,
    caller,
    async createCaller(name = 'test') {
      const account = await app.get(AccountsService).createAccount(name);
      return caller(account.apiKey, account.id);
    },
    async close() {
      await db.end();
      await app.close();
      await schema.drop();
    },
  };
}

function makeCaller(baseUrl: string, key: string, accountId: string): Caller {
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: string } = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...init.headers };
    let payload: string | undefined = init.raw;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text !== '') parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    key,
    accountId,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  };
}

/** A public address literal: passes the SSRF check without any DNS. */
export const PUBLIC_URL = 'https://93.184.215.14/hooks';
