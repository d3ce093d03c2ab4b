import type { ApiClient, ApiResponse, ReceivedRequest } from '../../../src';

export interface WebhookInput {
  name?: string;
  trigger?: 'create' | 'update' | 'delete';
  element?: 'group' | 'event' | 'rsvp';
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Array<{ key: string; value: string; secret?: boolean }>;
  body?: Array<{ key: string; value: string }>;
  status?: 'active' | 'disabled';
  include_element_data?: boolean;
  /** Per-webhook retry schedule ('0,1s,5s'); the relay's global one when absent. */
  retry_schedule?: string;
}

export interface CreatedWebhook {
  id: string;
  signing_secret?: string;
  [field: string]: unknown;
}

/** Creates a webhook (201 expected) with sensible defaults: POST on group create. */
export function createWebhook(client: ApiClient, input: WebhookInput): Promise<CreatedWebhook> {
  return client.create<CreatedWebhook>('/v1/webhooks', {
    name: input.name ?? 'reliability',
    trigger: input.trigger ?? 'create',
    element: input.element ?? 'group',
    method: input.method ?? 'POST',
    url: input.url,
    headers: input.headers ?? [],
    body: input.body ?? [],
    ...(input.status ? { status: input.status } : {}),
    ...(input.include_element_data === undefined ? {} : { include_element_data: input.include_element_data }),
    ...(input.retry_schedule ? { retry_schedule: input.retry_schedule } : {}),
  });
}

/** The distinct `webhook-id`s a receiver saw, and how many requests repeated one. */
export function countDeliveries(requests: readonly ReceivedRequest[]): {
  total: number;
  distinct: number;
  duplicates: number;
} {
  const ids = new Set(requests.map((r) => r.headers['webhook-id']));
  return { total: requests.length, distinct: ids.size, duplicates: requests.length - ids.size };
}

/** Reads every page of a cursor-paginated list. */
export async function listAll<T>(client: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 0; page < 1000; page++) {
    const res: ApiResponse<{ items: T[]; next_cursor: string | null }> = await client.get(
      `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (!cursor) break;
  }
  return items;
}
