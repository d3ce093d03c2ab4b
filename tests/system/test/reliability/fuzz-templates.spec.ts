import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil, type Stack, startStack } from '../../src';

/**
 * Property: any template text in a webhook's URL, headers and body is either refused at save with a 400
 * naming the field, or saved; and whatever was saved renders at delivery into a well-formed request (a
 * JSON body that parses) or fails that one job cleanly. The relay survives all of it.
 */
const SEED = 1127;
const RUNS = 200;

const shards = fc.constantFrom(
  '{{',
  '}}',
  '{%',
  '%}',
  ' id ',
  ' name ',
  ' title ',
  ' email ',
  ' seats ',
  ' fields ',
  ' dates ',
  ' delivery.id ',
  ' webhook.name ',
  ' trigger ',
  ' element ',
  '|',
  ' upcase ',
  ' append: ',
  ' json ',
  ' size ',
  ' escape ',
  ' default: ',
  '"q"',
  "'",
  '"',
  '\\',
  ' for i in (1..3) ',
  ' endfor ',
  ' if ',
  ' endif ',
  ' raw ',
  ' endraw ',
  ' assign x = ',
  '.',
  '[0]',
  '\n',
  '\u2028',
  '😀',
);
const template = fc
  .array(fc.oneof({ weight: 4, arbitrary: shards }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), {
    maxLength: 10,
  })
  .map((parts) => parts.join(''));
const bodyKey = fc.constantFrom('a', 'b.c', 'list.0.x', 'list.1', 'n');

const webhook = fc.record({
  element: fc.constantFrom('group', 'event', 'rsvp'),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  path: fc.oneof(fc.constant(''), template),
  headers: fc.array(fc.record({ key: fc.constantFrom('X-T', 'X-U'), value: template }), { maxLength: 2 }),
  body: fc.array(fc.record({ key: bodyKey, value: template }), { maxLength: 4 }),
  include_element_data: fc.boolean(),
});

describe('fuzzing templates from save to delivery', () => {
  let stack: Stack;
  let receiver: Receiver;
  const saved: string[] = [];
  let refused = 0;

  beforeAll(async () => {
    stack = await startStack({ relays: 1, extra: { LOG_LEVEL: 'warn' } });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
  });

  it('saves or refuses with a 400 naming url, headers or body; never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(webhook, async (w) => {
        const res = await stack.client.post<{ id: string; errors?: Array<{ field: string }> }>(
          '/v1/webhooks',
          {
            name: 'template fuzz',
            trigger: 'create',
            element: w.element,
            method: w.method,
            url: receiver.url(`/t/${w.path}`),
            headers: w.headers,
            body: w.body,
            include_element_data: w.include_element_data,
          },
        );
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(500);
        expect([201, 400]).toContain(res.status);
        if (res.status === 201) saved.push(res.body.id);
        else {
          refused++;
          expect(res.body.errors?.length).toBeGreaterThan(0);
          for (const e of res.body.errors ?? []) expect(e.field).toMatch(/^(url|headers|body)/);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(saved.length).toBeGreaterThan(0);
  });

  it('renders every saved template into a well-formed request, or fails that job alone', async () => {
    const group = await stack.client.create<{ id: string }>('/v1/groups', { name: 'Ada "quoted" \\ back' });
    const event = await stack.client.create<{ id: string }>('/v1/events', {
      title: 'Line\nbreak',
      status: 'published',
      group_id: group.id,
      dates: [{ start: '2026-03-14T18:00:00Z', time_zone: 'Europe/Berlin' }],
    });
    await stack.client.create(`/v1/events/${event.id}/rsvps`, {
      email: 'ada@example.com',
      name: '😀 </script>',
      seats: 2,
      fields: { diet: 'vegan', age: 36, member: true },
    });
    await waitUntil(
      async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = ANY($1::uuid[]) AND status = 'pending'`,
          [saved],
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 60_000, describe: () => 'template-fuzz jobs still pending' },
    );
    const outcomes = await stack.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM deliveries WHERE webhook_id = ANY($1::uuid[]) GROUP BY status`,
      [saved],
    );
    // a job may die only because its own template could not render, never because the request was malformed
    const otherFailures = await stack.db.query<{ last_error: string }>(
      `SELECT last_error FROM deliveries WHERE webhook_id = ANY($1::uuid[]) AND status = 'dead'
          AND last_error NOT LIKE '%could not be built%'`,
      [saved],
    );
    expect(otherFailures).toEqual([]);
    for (const request of receiver.requests) {
      if (request.method === 'GET') continue;
      expect(() => JSON.parse(request.body) as unknown, request.body.slice(0, 200)).not.toThrow();
      expect(request.headers['content-type']).toContain('application/json');
    }
    expect(stack.relays[0]?.child.exitCode).toBeNull();
    expect((await fetch(`${stack.relays[0]?.baseUrl}/health`)).status).toBe(200);
    console.log(
      `[reliability] template fuzz: ${RUNS} webhooks tried, saved=${saved.length} refused=${refused}; ` +
        `jobs by status ${JSON.stringify(Object.fromEntries(outcomes.map((o) => [o.status, o.n])))}; ` +
        `requests received=${receiver.requests.length}, all JSON bodies parse`,
    );
  });
});
