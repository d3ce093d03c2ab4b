import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil, residentMiB, type Stack, startStack } from '../../src';
import { createWebhook, type WebhookInput } from './support/fixtures';

/**
 * Templates and element data built to hurt. Each must be refused at save with a 400 naming the field,
 * or fail one bounded attempt at delivery (or deliver something harmless); the processes stay healthy.
 */
const doubling =
  '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}';
const deepIf = `${'{% if true %}'.repeat(2_000)}x${'{% endif %}'.repeat(2_000)}`;
const CASES: Array<{ name: string; input: Omit<WebhookInput, 'url'>; path?: string }> = [
  {
    name: 'endless loop',
    input: { body: [{ key: 'v', value: '{% for i in (1..100000000) %}x{% endfor %}' }] },
  },
  {
    name: 'nested loops',
    input: {
      body: [
        {
          key: 'v',
          value: '{% for i in (1..100000) %}{% for j in (1..100000) %}{{ i }}{% endfor %}{% endfor %}',
        },
      ],
    },
  },
  {
    name: 'huge output',
    input: { body: [{ key: 'v', value: '{% for i in (1..3000000) %}{{ name }}{% endfor %}' }] },
  },
  { name: 'doubling string', input: { body: [{ key: 'v', value: doubling }] } },
  { name: 'deep nesting', input: { body: [{ key: 'v', value: deepIf }] } },
  { name: 'template over parse limit', input: { body: [{ key: 'v', value: '{{ name }}'.repeat(20_000) }] } },
  { name: 'constructor', input: { body: [{ key: 'v', value: '{{ constructor }}' }] } },
  { name: 'name.constructor', input: { body: [{ key: 'v', value: '{{ name.constructor.name }}' }] } },
  { name: '__proto__ variable', input: { body: [{ key: 'v', value: '{{ __proto__ }}' }] } },
  {
    name: 'constructor.constructor',
    input: { body: [{ key: 'v', value: "{{ name.constructor.constructor('return process')() }}" }] },
  },
  { name: 'include a file', input: { body: [{ key: 'v', value: "{% include '/etc/passwd' %}" }] } },
  { name: 'render a file', input: { body: [{ key: 'v', value: "{% render '/etc/hostname' %}" }] } },
  { name: 'layout', input: { body: [{ key: 'v', value: "{% layout '/etc/passwd' %}x" }] } },
  { name: '__proto__ body key', input: { body: [{ key: '__proto__.polluted', value: 'yes' }] } },
  {
    name: 'constructor.prototype body key',
    input: { body: [{ key: 'constructor.prototype.polluted', value: 'yes' }] },
  },
  { name: 'nested __proto__ body key', input: { body: [{ key: 'a.__proto__.polluted', value: 'yes' }] } },
  {
    name: 'huge header',
    input: { headers: [{ key: 'x-big', value: '{% for i in (1..3000000) %}x{% endfor %}' }] },
  },
  { name: 'loop in url', input: {}, path: '/{% for i in (1..100000000) %}x{% endfor %}' },
];

interface Outcome {
  name: string;
  saved: number;
  delivery?: string;
}

describe('templates and element data built to hurt', () => {
  let stack: Stack;
  let receiver: Receiver;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    stack = await startStack({ relays: 1 });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
  });

  it('is refused at save with a 400 naming the field, or fails a bounded attempt at delivery', async () => {
    const saved = new Map<string, string>(); // webhook id → case name
    for (const c of CASES) {
      const res = await stack.client.post<{ id: string; errors?: Array<{ field: string }> }>('/v1/webhooks', {
        name: c.name,
        trigger: 'create',
        element: 'group',
        method: 'POST',
        url: receiver.url(`/hostile${c.path ?? ''}`),
        headers: c.input.headers ?? [],
        body: c.input.body ?? [],
      });
      expect([201, 400], `${c.name}: ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
      if (res.status === 400) expect(res.body.errors?.length, c.name).toBeGreaterThan(0);
      else saved.set(res.body.id, c.name);
      outcomes.push({ name: c.name, saved: res.status });
    }

    // one change fires every template that was accepted
    await stack.client.create('/v1/groups', { name: '{{ constructor }} {% include "/etc/passwd" %}' });
    await waitUntil(
      async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending' AND attempts = 0 AND webhook_id = ANY($1::uuid[])`,
          [[...saved.keys()]],
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 60_000, describe: () => 'accepted hostile templates were never attempted' },
    );
    // let the first attempts finish, then read what happened to each
    await waitUntil(
      async () => {
        const rows = await stack.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries d WHERE webhook_id = ANY($1::uuid[])
              AND NOT EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.delivery_id = d.id)`,
          [[...saved.keys()]],
        );
        return rows[0]?.n === 0;
      },
      { timeoutMs: 60_000, describe: () => 'some attempts were not recorded' },
    );
    const jobs = await stack.db.query<{ webhook_id: string; status: string; last_error: string | null }>(
      'SELECT webhook_id, status, last_error FROM deliveries WHERE webhook_id = ANY($1::uuid[])',
      [[...saved.keys()]],
    );
    for (const job of jobs) {
      const outcome = outcomes.find((o) => o.name === saved.get(job.webhook_id));
      if (outcome)
        outcome.delivery =
          job.status === 'delivered'
            ? 'delivered (harmless)'
            : `${job.status}: ${job.last_error ?? ''}`.slice(0, 80);
    }

    // whatever arrived carries no file contents, no prototype pollution, and stays under the 256 KiB cap
    for (const request of receiver.requests) {
      expect(request.body).not.toContain('root:x:0');
      expect(request.body.length).toBeLessThanOrEqual(256 * 1024);
      const parsed = JSON.parse(request.body) as Record<string, unknown>;
      expect(Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(parsed), 'polluted')).toBe(false);
      expect(request.url.length).toBeLessThan(70_000);
      for (const value of Object.values(request.headers)) expect(value.length).toBeLessThan(70_000);
    }
    console.log(
      `[reliability] hostile templates:\n${outcomes.map((o) => `  ${o.name}: save ${o.saved}${o.delivery ? `, delivery ${o.delivery}` : ''}`).join('\n')}`,
    );
  });

  it('element data is data: templates inside it are not evaluated, __proto__ keys pollute nothing', async () => {
    const webhook = await createWebhook(stack.client, {
      name: 'rsvp data',
      element: 'rsvp',
      url: receiver.url('/rsvp-data'),
      body: [{ key: 'who', value: '{{ name }}' }],
    });
    const event = await stack.client.create<{ id: string }>('/v1/events', {
      title: 'e',
      status: 'published',
    });
    const before = receiver.requests.length;
    const hostile = await stack.client.request(
      'POST',
      `/v1/events/${event.id}/rsvps`,
      '{"email":"p@example.com","name":"{{ constructor }}{% for i in (1..100000000) %}x{% endfor %}","fields":{"__proto__":{"polluted":true},"constructor":"c","plain":"ok"}}',
    );
    expect([201, 400]).toContain(hostile.status);
    await stack.client.create(`/v1/events/${event.id}/rsvps`, { email: 'q@example.com', name: 'Quiet' });
    const expected = hostile.status === 201 ? 2 : 1;
    await receiver.waitFor(before + expected, 30_000);
    const bodies = receiver.requests
      .slice(before)
      .filter((r) => r.url === '/rsvp-data')
      .map(
        (r) =>
          JSON.parse(r.body) as {
            who: string;
            element_data: { name: string; fields: Record<string, unknown> };
          },
      );
    const quiet = bodies.find((b) => b.who === 'Quiet');
    expect(quiet?.element_data.fields).toEqual({});
    if (hostile.status === 201) {
      const loud = bodies.find((b) => b.who !== 'Quiet');
      // the name went out literally, not rendered
      expect(loud?.who).toBe('{{ constructor }}{% for i in (1..100000000) %}x{% endfor %}');
    }
    expect(webhook.id).toBeTruthy();
  });

  it('the API and the relay are unaffected', async () => {
    for (const proc of [stack.api, ...stack.relays]) {
      expect(proc.child.exitCode).toBeNull();
      expect((await fetch(`${proc.baseUrl}/health`)).status).toBe(200);
      expect(residentMiB(proc)).toBeLessThan(600);
    }
    // and still deliver ordinary work
    await createWebhook(stack.client, { name: 'ordinary', url: receiver.url('/ordinary') });
    await stack.client.create('/v1/groups', { name: 'ordinary' });
    await waitUntil(() => receiver.requests.some((r) => r.url === '/ordinary'), {
      timeoutMs: 30_000,
      describe: () => 'ordinary delivery did not arrive',
    });
    console.log(
      `[reliability] after hostile templates: api ${residentMiB(stack.api)} MiB, relay ${residentMiB(stack.relays[0]!)} MiB`,
    );
  });
});
