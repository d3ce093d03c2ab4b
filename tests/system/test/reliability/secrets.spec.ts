import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type Receiver,
  type RecordedResponse,
  startReceiver,
  waitUntil,
  createAccount,
  type Stack,
  startStack,
} from '../../src';
import { createWebhook, listAll } from './support/fixtures';

/**
 * After a run that touches every secret (API keys, signing secrets before and after rotation, secret
 * header values, secret target settings), at debug log level and with failing attempts logged: no log
 * line of the API or relay and no API response carries any of them, except the one answer that shows a
 * signing secret once (create, rotate). The database stores none of them in clear.
 */
const secret = (label: string) => `${label}_${randomBytes(12).toString('hex')}`;

describe('secrets never leak', () => {
  let stack: Stack;
  let receiver: Receiver;
  const responses: RecordedResponse[] = [];
  /** response → secrets it may show (create/rotate show the signing secret once) */
  const allowed = new Map<RecordedResponse, string[]>();

  beforeAll(async () => {
    stack = await startStack({
      relays: 1,
      extra: { LOG_LEVEL: 'trace' },
      clientOptions: { onResponse: (r) => responses.push(r) },
    });
    const seen = new Set<string>();
    // the first attempt of every job fails, so failed attempts (with their requests) are logged too
    receiver = await startReceiver({
      reply: (request) => {
        const id = request.headers['webhook-id'] ?? '';
        if (seen.has(id)) return { status: 200, body: 'ok' };
        seen.add(id);
        return { status: 500, body: 'first attempt refused' };
      },
    });
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
  });

  it('appear in no log line, no API response and no database column', async () => {
    const headerSecret = secret('hdrsecret');
    const rejectedSecret = secret('rejected');
    const writeKey = secret('segkey');
    const client = stack.client;
    const keyB = await createAccount(stack.db, 'B');
    const b = new ApiClient(stack.api.baseUrl, keyB, {
      timeoutMs: 30_000,
      onResponse: (r) => responses.push(r),
    });

    const hook = await createWebhook(client, {
      name: 'secretive',
      url: receiver.url('/s'),
      headers: [
        { key: 'Authorization', value: `Bearer ${headerSecret}`, secret: true },
        { key: 'X-Plain', value: 'visible {{ name }}' },
      ],
      body: [{ key: 'name', value: '{{ name }}' }],
    });
    const signing1 = hook.signing_secret ?? '';
    expect(signing1).toMatch(/^whsec_/);
    allowed.set(responses[responses.length - 1] as RecordedResponse, [signing1]);

    const segment = await client.post<{ id: string; signing_secret: string }>('/v1/webhooks', {
      name: 'segment',
      trigger: 'create',
      element: 'rsvp',
      url: receiver.url('/segment'),
      target: { kind: 'segment', settings: { write_key: writeKey } },
    });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    allowed.set(responses[responses.length - 1] as RecordedResponse, [segment.body.signing_secret]);

    const rotated = await client.post<{ signing_secret: string }>(
      `/v1/webhooks/${hook.id}/rotate-secret`,
      {},
    );
    expect(rotated.status).toBe(200);
    const signing2 = rotated.body.signing_secret;
    allowed.set(responses[responses.length - 1] as RecordedResponse, [signing2]);

    // a refused write that carried a secret value must not echo it
    const refused = await client.post('/v1/webhooks', {
      name: 'refused',
      trigger: 'create',
      element: 'group',
      url: receiver.url('/r'),
      headers: [{ key: 'Bad Name', value: rejectedSecret, secret: true }],
    });
    expect(refused.status).toBe(400);

    // changes that fire both webhooks, through failures and retries
    await client.create('/v1/groups', { name: 'g1' });
    const event = await client.create<{ id: string }>('/v1/events', { title: 'e', status: 'published' });
    await client.create(`/v1/events/${event.id}/rsvps`, { email: 'x@example.com', name: 'X' });
    const testRun = await client.post(`/v1/webhooks/${hook.id}/test`, {});
    expect(testRun.status).toBeLessThan(300);
    await waitUntil(
      async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE status <> 'delivered'`,
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 30_000, describe: () => 'jobs not delivered' },
    );

    // read everything back, as an admin UI would
    await client.post(`/v1/webhooks/${hook.id}/preview`, { sample: true });
    await client.post(`/v1/webhooks/${segment.body.id}/preview`, { sample: true });
    await client.patch(`/v1/webhooks/${hook.id}`, { name: 'secretive 2' });
    await client.get(`/v1/webhooks/${hook.id}`);
    await client.get(`/v1/webhooks/${segment.body.id}`);
    await listAll(client, '/v1/webhooks');
    await client.get('/v1/targets');
    for (const id of [hook.id, segment.body.id]) {
      const deliveries = await listAll<{ id: string }>(client, `/v1/webhooks/${id}/deliveries`);
      for (const d of deliveries) await client.get(`/v1/deliveries/${d.id}`);
    }
    await b.get(`/v1/webhooks/${hook.id}`);
    await new ApiClient(stack.api.baseUrl, `${stack.env.apiKey}x`, {
      onResponse: (r) => responses.push(r),
    }).get('/v1/webhooks');
    await new ApiClient(stack.api.baseUrl, signing1, { onResponse: (r) => responses.push(r) }).get(
      '/v1/webhooks',
    );

    const secrets: Record<string, string> = {
      'bootstrap API key': stack.env.apiKey,
      'API key of B': keyB,
      'signing secret': signing1,
      'signing secret (base64 part)': signing1.replace(/^whsec_/, ''),
      'rotated signing secret': signing2,
      'segment signing secret': segment.body.signing_secret,
      'secret header value': headerSecret,
      'secret value of a refused write': rejectedSecret,
      'secret target setting': writeKey,
      'secret target setting as sent (basic auth)': Buffer.from(`${writeKey}:`).toString('base64'),
    };

    const logs = stack.allOutput();
    // the scan reads real request logs (a control: an empty capture would find nothing too)
    expect(logs).toContain(`/v1/webhooks/${hook.id}`);
    const inLogs = Object.entries(secrets)
      .filter(([, value]) => logs.includes(value))
      .map(([name]) => name);
    expect(inLogs, 'secrets found in process output').toEqual([]);

    const inResponses: string[] = [];
    for (const response of responses) {
      const mayShow = allowed.get(response) ?? [];
      for (const [name, value] of Object.entries(secrets)) {
        if (
          mayShow.includes(value) ||
          (name === 'signing secret (base64 part)' && mayShow.includes(signing1))
        )
          continue;
        if (response.text.includes(value))
          inResponses.push(`${name} in ${response.method} ${response.path} (${response.status})`);
      }
    }
    expect(inResponses, 'secrets found in API responses').toEqual([]);

    const tables = ['webhooks', 'api_keys', 'delivery_attempts', 'deliveries', 'element_snapshots'];
    const inDatabase: string[] = [];
    for (const table of tables) {
      const [row] = await stack.db.query<{ dump: string | null }>(
        `SELECT string_agg(t::text, '\n') AS dump FROM ${table} t`,
      );
      for (const [name, value] of Object.entries(secrets))
        if (row?.dump?.includes(value)) inDatabase.push(`${name} in ${table}`);
    }
    expect(inDatabase, 'secrets stored in clear').toEqual([]);

    // the receiver, and only the receiver, got the secret header
    expect(receiver.requests.some((r) => r.headers.authorization === `Bearer ${headerSecret}`)).toBe(true);
    console.log(
      `[reliability] secrets: ${Object.keys(secrets).length} secrets, ${logs.split('\n').length} log lines ` +
        `(relay: ${stack.relays.map((r) => r.output().split('\n').length).join('+')}), ` +
        `${responses.length} API responses, ${tables.length} tables scanned: 0 leaks`,
    );
  });
});
