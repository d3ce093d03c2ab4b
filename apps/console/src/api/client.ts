import createClient from 'openapi-fetch';
import type { paths } from './schema';

export interface ApiOptions {
  /** The console's own origin: the API serves it beside `/v1`. */
  baseUrl: string;
  /** Defaults to the browser's fetch; tests pass one that answers like the API. */
  fetch?: (request: Request) => Promise<Response>;
  /** The session's CSRF token, sent on every write; null before sign-in. */
  csrfToken: () => string | null;
  /** A 401 on anything but sign-in: the session expired or was ended elsewhere. */
  onSessionEnded: () => void;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGN_IN_PATH = '/v1/console/sessions';

/**
 * The typed client of the admin API. Requests carry the session cookie (same origin) and never an API
 * key, except sign-in's one Authorization header; writes carry the CSRF token the session gave.
 */
export function createApi(options: ApiOptions) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    credentials: 'same-origin',
  });
  client.use({
    onRequest({ request }) {
      const token = options.csrfToken();
      if (token !== null && WRITES.has(request.method)) request.headers.set('X-CSRF-Token', token);
      return request;
    },
    onResponse({ response, schemaPath }) {
      if (response.status === 401 && schemaPath !== SIGN_IN_PATH) options.onSessionEnded();
    },
  });
  return client;
}

export type Api = ReturnType<typeof createApi>;
