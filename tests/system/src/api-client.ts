/** A thin client for the admin API, as a user's script would call it. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One answer as the client saw it (raw text), for tests that scan every response. */
export interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  text: string;
}

export interface ApiClientOptions {
  /** Called with every response, before parsing. */
  onResponse?: (response: RecordedResponse) => void;
  /** Aborts a request that takes longer (a hung API fails the test instead of stalling it). */
  timeoutMs?: number;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly options: ApiClientOptions = {},
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: this.options.timeoutMs === undefined ? undefined : AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await res.text();
    this.options.onResponse?.({ method, path, status: res.status, text });
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** POST that must answer 201; returns the created resource. */
  async create<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
    const res = await this.post<T>(path, body);
    if (res.status !== 201) throw new Error(`POST ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
