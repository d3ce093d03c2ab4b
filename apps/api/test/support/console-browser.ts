import type { AnyBody, ApiResponse } from './test-app';

/** A browser's view of the console: the session cookie it holds and the CSRF token its script knows. */
export interface ConsoleBrowser {
  cookie: string;
  csrfToken: string;
  /** A cookie-authenticated request; `csrf` is sent as X-CSRF-Token unless it is null. */
  request<T = AnyBody>(
    method: string,
    path: string,
    init?: { body?: unknown; csrf?: string | null; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
}

export async function readResponse<T = AnyBody>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text();
  const parsed: unknown =
    /json/.test(response.headers.get('content-type') ?? '') && text !== '' ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** `name=value` of the Set-Cookie header that sets `name`. */
export function cookieFrom(response: { headers: Headers }, name = 'hookrelay_session'): string | undefined {
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return set?.split(';')[0];
}

export function browserWith(baseUrl: string, cookie: string, csrfToken: string): ConsoleBrowser {
  return {
    cookie,
    csrfToken,
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { cookie, ...init.headers };
      const csrf = init.csrf === undefined ? csrfToken : init.csrf;
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] = 'application/json';
      }
      return readResponse(await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' }));
    },
  };
}

/** Signs in with an API key, as the console's sign-in form does. */
export async function signIn(baseUrl: string, apiKey: string): Promise<ConsoleBrowser> {
  const response = await fetch(`${baseUrl}/v1/console/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}` },
  });
  const answer = await readResponse<{ csrf_token: string }>(response);
  const cookie = cookieFrom(answer);
  if (answer.status !== 201 || !cookie) throw new Error(`sign-in failed: ${answer.status}`);
  return browserWith(baseUrl, cookie, answer.body.csrf_token);
}
