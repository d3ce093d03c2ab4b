import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil, type Stack, startStack } from '../../src';
import { createWebhook } from './support/fixtures';

/** CR/LF and invalid characters in header names and values: refused at save, never sent at delivery. */
const BAD_HEADERS: Array<{ key: string; value: string }> = [
  { key: 'X-Ok\r\nX-Injected', value: '1' },
  { key: 'X-Ok\nX-Injected', value: '1' },
  { key: 'X-Ok', value: 'a\r\nX-Injected: 1' },
  { key: 'X-Ok', value: 'a\nX-Injected: 1' },
  { key: 'X-Ok', value: 'a\rX-Injected: 1' },
  { key: 'X-Ok', value: 'nul\u0000byte' },
  { key: 'Bad Name', value: '1' },
  { key: 'X:Colon', value: '1' },
  { key: '', value: '1' },
  { key: 'X-Ümlaut', value: '1' },
  { key: 'X-(paren)', value: '1' },
  { key: 'X-Tab\t', value: '1' },
  { key: 'X-Ok', value: 'a\u2028b' },
];

describe('header injection', () => {
  let stack: Stack;
  let receiver: Receiver;

  beforeAll(async () => {
    stack = await startStack({ relays: 1 });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
  });

  it.each(BAD_HEADERS)('refuses header %j at save with a 400 naming headers[0]', async (header) => {
    const res = await stack.client.post<{ errors?: Array<{ field: string }> }>('/v1/webhooks', {
      name: 'inject',
      trigger: 'create',
      element: 'group',
      method: 'POST',
      url: receiver.url('/x'),
      headers: [header],
      body: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors?.some((e) => e.field.startsWith('headers'))).toBe(true);
  });

  it('refuses the same headers on PATCH', async () => {
    const webhook = await createWebhook(stack.client, { url: receiver.url('/patch') });
    for (const header of BAD_HEADERS) {
      const res = await stack.client.patch(`/v1/webhooks/${webhook.id}`, { headers: [header] });
      expect(res.status, JSON.stringify(header)).toBe(400);
    }
    await stack.client.delete(`/v1/webhooks/${webhook.id}`);
  });

  it('a header value rendered from element data with CR/LF never splits the request', async () => {
    await createWebhook(stack.client, {
      name: 'rendered',
      url: receiver.url('/rendered/{{ id }}'),
      headers: [{ key: 'X-Group', value: '{{ name }}' }],
    });
    const names = [
      'plain',
      'evil\r\nX-Injected: 1',
      'evil\nX-Injected: 2',
      'evil\rX-Injected: 3',
      'evil\r\n\r\nGET /smuggled HTTP/1.1',
    ];
    const groups = [];
    for (const name of names) groups.push(await stack.client.create<{ id: string }>('/v1/groups', { name }));

    // every job ends somewhere (delivered with a safe value, or failed/dead), none with an injected header
    await waitUntil(
      async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries d WHERE NOT EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.delivery_id = d.id)`,
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 30_000, describe: () => 'some jobs were never attempted' },
    );
    for (const request of receiver.requests) {
      expect(Object.keys(request.headers)).not.toContain('x-injected');
      expect(request.url).not.toContain('smuggled');
      expect(request.headers['x-group'] ?? '').not.toMatch(/[\r\n]/);
    }
    expect(receiver.requests.some((r) => r.headers['x-group'] === 'plain')).toBe(true);
    const outcome = await stack.db.query<{ status: string; last_error: string | null }>(
      `SELECT d.status, d.last_error FROM deliveries d ORDER BY d.created_at`,
    );
    console.log(
      `[reliability] header injection at delivery: ${outcome.map((o) => `${o.status}${o.last_error ? ` (${o.last_error.slice(0, 60)})` : ''}`).join('; ')}; ` +
        `requests received=${receiver.requests.length}, injected headers=0`,
    );
  });
});
