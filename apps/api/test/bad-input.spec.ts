import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_URL } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const NUL = 'a\u0000b';
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const cursorOf = (createdAt: string, id = '00000000-0000-4000-8000-000000000000') =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const hook = { name: 'w', element: 'rsvp', trigger: 'create', method: 'POST', url: PUBLIC_URL };

/** Whatever a client sends, the answer is a 4xx problem, never a 5xx. */
describe('bad input', () => {
  const { app, alice } = useTestApp({ callers: ['alice'] });
  let ids: Record<'group' | 'event' | 'rsvp' | 'webhook' | 'delivery', string>;

  beforeAll(async () => {
    const group = (await alice.post('/v1/groups', { name: 'G' })).body;
    const event = (await alice.post('/v1/events', { title: 'E', group_id: group.id })).body;
    const rsvp = (await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'a@example.com', name: 'A' }))
      .body;
    const webhook = (await alice.post('/v1/webhooks', hook)).body;
    const delivery = (await alice.post(`/v1/webhooks/${webhook.id}/test`)).body;
    ids = {
      group: group.id,
      event: event.id,
      rsvp: rsvp.id,
      webhook: webhook.id,
      delivery: delivery.delivery_id,
    };
  });

  it('refuses NUL characters anywhere in a body with 400 naming the field (PostgreSQL cannot store them)', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/groups', { name: NUL }, 'name'],
      ['POST', '/v1/groups', { name: 'ok', description: NUL }, 'description'],
      [
        'POST',
        '/v1/events',
        { title: 'x', dates: [{ start: '2026-01-01T00:00:00Z', time_zone: 'UTC', name: NUL }] },
        'dates[0].name',
      ],
      ['POST', '/v1/events', { title: 'x', url: `https://example.com/${NUL}` }, 'url'],
      [
        'POST',
        `/v1/events/${'EVENT'}/rsvps`,
        { email: 'a@example.com', name: 'A', fields: { a: NUL } },
        'fields.a',
      ],
      [
        'POST',
        `/v1/events/${'EVENT'}/rsvps`,
        { email: 'a@example.com', name: 'A', fields: { [NUL]: 1 } },
        'fields',
      ],
      ['PATCH', '/v1/rsvps/RSVP', { name: NUL }, 'name'],
      ['POST', '/v1/webhooks', { ...hook, name: NUL }, 'name'],
      ['POST', '/v1/webhooks', { ...hook, body: [{ key: 'a', value: NUL }] }, 'body[0].value'],
      [
        'POST',
        '/v1/webhooks',
        { ...hook, headers: [{ key: 'X-A', value: NUL, secret: true }] },
        'headers[0].value',
      ],
      [
        'POST',
        '/v1/webhooks',
        { ...hook, target: { kind: 'segment', settings: { write_key: NUL } } },
        'target.settings.write_key',
      ],
      ['POST', '/v1/webhooks/WEBHOOK/replay', { since: NUL }, 'since'],
      ['POST', '/v1/groups', { name: 'lone \ud800 surrogate' }, 'name'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await alice.request(
        method,
        path.replace('EVENT', ids.event).replace('RSVP', ids.rsvp).replace('WEBHOOK', ids.webhook),
        body,
      );
      expect(response.status, `${method} ${path} ${field}`).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(response.body), `${method} ${path}`).toEqual([field]);
    }
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM groups WHERE account_id = $1`, [
      alice.accountId,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses numbers JSON cannot hold (1e400 → Infinity) in RSVP fields with 400 naming the field', async () => {
    const raw = (fields: string) => `{"email":"inf@example.com","name":"Inf","fields":${fields}}`;
    for (const [method, path, body] of [
      ['POST', `/v1/events/${ids.event}/rsvps`, raw('{"age":1e400}')],
      ['POST', `/v1/events/${ids.event}/rsvps`, raw('{"diet":"veg","debt":-1e400}')],
      ['PATCH', `/v1/rsvps/${ids.rsvp}`, '{"fields":{"age":1e400}}'],
    ] as const) {
      const response = await alice.request(method, path, undefined, { raw: body });
      expect(response.status, body).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors).toEqual([
        { field: 'fields', message: expect.stringMatching(/(age|debt) is not a finite number/) },
      ]);
    }
    const stored = await app.db.query(`SELECT fields FROM rsvps WHERE account_id = $1`, [alice.accountId]);
    expect(stored.rows.map((r) => r.fields)).toEqual([{}]);
    expect(
      (
        await alice.post(`/v1/events/${ids.event}/rsvps`, {
          email: 'b@example.com',
          name: 'B',
          fields: { age: 1e300 },
        })
      ).status,
    ).toBe(201);
  });

  it('refuses hostile nesting with 400 instead of running out of stack', async () => {
    for (const raw of [
      `{"name": "x", "description": ${nested(5000)}}`,
      '['.repeat(5000) + ']'.repeat(5000),
      `{"name": "w", "element": "rsvp", "trigger": "create", "target": {"kind": "slack", "settings": ${nested(100)}}}`,
    ]) {
      const response = await alice.request(
        'POST',
        raw.includes('slack') ? '/v1/webhooks' : '/v1/groups',
        undefined,
        { raw },
      );
      expect(response.status).toBe(400);
      expect(response.body.errors[0].message).toMatch(/nested more than 32 levels/);
    }
  });

  it('answers forged or malformed cursors with 400 naming `cursor`', async () => {
    for (const cursor of [
      'abc',
      '%00',
      cursorOf('1'),
      cursorOf('+275760-09-13T00:00:00Z'),
      cursorOf('2020-13-45 99:99:99+00'),
      cursorOf('Tue Mar 01 2022'),
      cursorOf('2026-02-30 10:00:00+00'),
      cursorOf('2026-01-01 10:00:00+00', 'not-a-uuid'),
    ]) {
      const response = await alice.get(`/v1/groups?cursor=${cursor}`);
      expect(response.status, cursor).toBe(400);
      expect(fieldsOf(response.body), cursor).toEqual(['cursor']);
    }
    const first = await alice.get('/v1/groups?limit=1');
    expect((await alice.get('/v1/groups?cursor=' + cursorOf('2026-01-01 10:00:00.123456+00'))).status).toBe(
      200,
    );
    expect(first.status).toBe(200);
  });

  it('never answers 5xx to a catalogue of bad input', async () => {
    const cases: [string, string, unknown?, string?][] = [
      ['GET', '/v1/groups?limit=99999999999999999999'],
      ['GET', '/v1/groups?limit=1e309'],
      ['GET', '/v1/groups?limit=-1'],
      ['GET', '/v1/groups?limit=1&limit=2'],
      ['GET', '/v1/groups?cursor=a&cursor=b'],
      ['GET', '/v1/groups/not-a-uuid'],
      ['GET', '/v1/groups/00000000-0000-0000-0000-000000000000'],
      ['GET', '/v1/groups/%00'],
      ['POST', '/v1/groups', []],
      ['POST', '/v1/groups', [{ name: 'x' }]],
      ['POST', '/v1/groups', undefined, '"x"'],
      ['POST', '/v1/groups', undefined, 'null'],
      ['POST', '/v1/groups', undefined, '{"__proto__": {"name": "x"}}'],
      ['POST', '/v1/groups', { name: 'x', constructor: { prototype: { a: 1 } } }],
      ['POST', '/v1/events', { title: 'x', dates: [{ start: '0000-01-01T00:00:00Z', time_zone: 'UTC' }] }],
      ['POST', '/v1/events', { title: 'x', dates: [null] }],
      ['POST', '/v1/events', { title: 'x', dates: [[]] }],
      ['POST', '/v1/events', { title: 'x', group_id: '00000000-0000-0000-0000-000000000000' }],
      ['POST', '/v1/events/not-a-uuid/rsvps', { email: 'a@example.com', name: 'A' }],
      ['POST', '/v1/events/EVENT/rsvps', undefined, '{"email":"a@example.com","name":"A","seats":1e400}'],
      [
        'POST',
        '/v1/events/EVENT/rsvps',
        undefined,
        '{"email":"a@example.com","name":"A","fields":{"__proto__":{"x":1}}}',
      ],
      ['PATCH', '/v1/rsvps/RSVP', { seats: 2 ** 40 }],
      ['PATCH', '/v1/rsvps/RSVP', []],
      ['POST', '/v1/webhooks', { ...hook, target: { kind: 'slack', settings: [] } }],
      ['POST', '/v1/webhooks', { ...hook, target: { kind: 'slack', settings: null } }],
      ['POST', '/v1/webhooks', { ...hook, target: { kind: 'segment', settings: { write_key: { a: 1 } } } }],
      ['POST', '/v1/webhooks', { ...hook, retry_schedule: '9999999999999999999d' }],
      [
        'POST',
        '/v1/webhooks',
        { ...hook, url: 'https://93.184.215.14/{% for i in (1..100000000) %}x{% endfor %}' },
      ],
      ['POST', '/v1/webhooks', { ...hook, url: 'https://[::ffff:zz]/' }],
      ['POST', '/v1/webhooks', { ...hook, url: `https://${'a'.repeat(300)}.com/` }],
      ['POST', '/v1/webhooks/WEBHOOK/preview', { element_id: 'GROUP' }],
      ['POST', '/v1/webhooks/WEBHOOK/preview', { element_id: 'EVENT' }],
      ['POST', '/v1/webhooks/WEBHOOK/preview', { element_id: 'x' }],
      ['POST', '/v1/webhooks/WEBHOOK/preview', { sample: 'yes' }],
      ['POST', '/v1/webhooks/WEBHOOK/replay', { since: '0000-01-01T00:00:00Z' }],
      [
        'POST',
        '/v1/webhooks/WEBHOOK/replay',
        { since: '2020-01-01T00:00:00Z', until: '9999-12-31T23:59:59Z' },
      ],
      ['POST', '/v1/webhooks/WEBHOOK/replay', { since: '2020-01-01T00:00:00Z', status: [] }],
      ['GET', '/v1/webhooks/WEBHOOK/deliveries?status=pending&status=dead'],
      ['GET', '/v1/variables?element=__proto__&trigger=create'],
      ['GET', '/v1/variables?element=constructor&trigger=toString'],
      ['POST', '/v1/deliveries/DELIVERY/retry', { x: 1 }],
      ['DELETE', '/v1/api-keys/00000000-0000-4000-8000-000000000000'],
    ];
    const fiveHundreds: string[] = [];
    for (const [method, template, body, raw] of cases) {
      const fill = (text: string) =>
        text
          .replace('EVENT', ids.event)
          .replace('RSVP', ids.rsvp)
          .replace('WEBHOOK', ids.webhook)
          .replace('DELIVERY', ids.delivery)
          .replace('GROUP', ids.group);
      const payload = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
      const response = await alice.request(method, fill(template), payload, raw === undefined ? {} : { raw });
      if (response.status >= 500)
        fiveHundreds.push(
          `${response.status} ${method} ${template} ${(raw ?? JSON.stringify(body) ?? '').slice(0, 100)}`,
        );
      else expect(response.status, `${method} ${template}`).toBeGreaterThanOrEqual(200);
    }
    expect(fiveHundreds).toEqual([]);
  });
});
