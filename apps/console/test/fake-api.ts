import type { components } from '../src/api/schema';
import type { ConsoleSession, ElementType, ListedWebhook, Trigger } from '../src/api/types';
import { API_KEY, SESSION, variablesOf } from './fixtures';

type Problem = components['schemas']['ProblemResponse'];

/** A request as the API received it, for assertions on what the console sent. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Handler = (request: ReceivedRequest, params: Record<string, string>) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function problem(status: number, fields: Partial<Problem> = {}): Response {
  const body: Problem = { type: 'about:blank', title: 'Error', status, ...fields };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

const noContent = () => new Response(null, { status: 204 });

/**
 * The admin API as the console sees it over fetch: sessions (the HttpOnly cookie is this object's
 * state, as it is the server's), webhooks in memory, the variable catalog. Tests add or replace routes.
 */
export class FakeApi {
  readonly requests: ReceivedRequest[] = [];
  session: ConsoleSession | null;
  webhooks: ListedWebhook[];
  private readonly routes: { method: string; pattern: RegExp; keys: string[]; handle: Handler }[] = [];

  constructor({ signedIn = true, webhooks = [] }: { signedIn?: boolean; webhooks?: ListedWebhook[] } = {}) {
    this.session = signedIn ? SESSION : null;
    this.webhooks = webhooks;
    this.installDefaults();
  }

  /** Adds a route; later routes win, so a test can replace a default answer. */
  on(method: string, path: string, handle: Handler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:(\w+)/g, (_match, key: string) => {
        keys.push(key);
        return '([^/]+)';
      })}$`,
    );
    this.routes.unshift({ method, pattern, keys, handle });
    return this;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const text = await request.text();
    const received: ReceivedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    this.requests.push(received);
    if (url.pathname !== '/v1/console/sessions' && this.session === null) {
      return problem(401, { title: 'Unauthorized' });
    }
    for (const route of this.routes) {
      const match = route.method === request.method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((key, i) => [key, match[i + 1] ?? '']));
      return route.handle(received, params);
    }
    return problem(404, { title: 'Not Found', detail: `${request.method} ${url.pathname}` });
  };

  /** Requests that change something (the ones that must carry the CSRF token). */
  writes(): ReceivedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  private installDefaults(): void {
    this.on('POST', '/v1/console/sessions', (request) => {
      if (request.headers.get('authorization') !== `Bearer ${API_KEY}`) {
        return problem(401, { title: 'Unauthorized', detail: 'unknown API key' });
      }
      this.session = SESSION;
      return json(201, SESSION);
    });
    this.on('GET', '/v1/console/session', () => json(200, this.session));
    this.on('DELETE', '/v1/console/session', () => {
      this.session = null;
      return noContent();
    });
    this.on('GET', '/v1/webhooks', () => json(200, { items: this.webhooks, next_cursor: null }));
    this.on('GET', '/v1/webhooks/:id', (_request, { id }) => {
      const webhook = this.webhooks.find((candidate) => candidate.id === id);
      return webhook ? json(200, webhook) : problem(404, { title: 'Not Found' });
    });
    this.on('PATCH', '/v1/webhooks/:id', (request, { id }) => {
      const index = this.webhooks.findIndex((candidate) => candidate.id === id);
      const current = this.webhooks[index];
      if (!current) return problem(404, { title: 'Not Found' });
      const updated = {
        ...current,
        ...(request.body as Partial<ListedWebhook>),
        updated_at: new Date().toISOString(),
      };
      this.webhooks[index] = updated;
      return json(200, updated);
    });
    this.on('GET', '/v1/variables', (request) =>
      json(
        200,
        variablesOf(request.query.get('element') as ElementType, request.query.get('trigger') as Trigger),
      ),
    );
    this.on('GET', '/v1/webhooks/:id/deliveries', () => json(200, { items: [], next_cursor: null }));
    this.on('POST', '/v1/webhooks/:id/preview', () =>
      json(200, {
        method: 'POST',
        url: 'https://crm.example.com/contacts',
        headers: { 'content-type': 'application/json' },
        body: '{"element_data":{}}',
        element_data: {},
      }),
    );
  }
}
