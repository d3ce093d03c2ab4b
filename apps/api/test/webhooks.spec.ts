import { createSecretBox } from '@hookrelay/core';
import { waitUntil } from '@hookrelay/test-support';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { PUBLIC_URL } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const base = { name: 'RSVPs to CRM', element: 'rsvp', trigger: 'create', method: 'POST', url: PUBLIC_URL };
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('webhooks', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });

  it('creates a webhook with every field and shows the signing secret only once', async () => {
    const created = await alice.post('/v1/webhooks', {
      ...base,
      url: 'https://93.184.215.14/contacts/{{id}}',
      headers: [{ key: 'X-Source', value: 'hookrelay {{element}}' }],
      body: [
        { key: 'properties.email', value: '{{email}}' },
        { key: 'seats', value: '{{seats}}' },
      ],
      include_element_data: false,
      retry_schedule: '0,5s,5m',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...base,
      url: 'https://93.184.215.14/contacts/{{id}}',
      status: 'active',
      disabled_reason: null,
      include_element_data: false,
      retry_schedule: '0,5s,5m',
      target: null,
      headers: [{ key: 'X-Source', value: 'hookrelay {{element}}' }],
    });
    expect(created.body.signing_secret).toMatch(/^whsec_/);

    const read = await alice.get(`/v1/webhooks/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.signing_secret).toBeUndefined();
    const { rows } = await app.db.query('SELECT signing_secret FROM webhooks WHERE id = $1', [
      created.body.id,
    ]);
    expect(rows[0].signing_secret).not.toContain(created.body.signing_secret.slice(6));

    const list = await alice.get('/v1/webhooks');
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
  });

  it('encrypts secret header values at rest, masks them, and keeps them when the mask comes back', async () => {
    const plain = 'Bearer s3cr3t-token-abcdef';
    const created = await alice.post('/v1/webhooks', {
      ...base,
      headers: [
        { key: 'Authorization', value: plain, secret: true },
        { key: 'X-Plain', value: 'visible' },
      ],
    });
    expect(created.status).toBe(201);
    const [auth, visible] = created.body.headers;
    expect(auth).toEqual({ key: 'Authorization', value: '••••cdef', secret: true });
    expect(visible).toEqual({ key: 'X-Plain', value: 'visible' });
    const stored = async () =>
      (await app.db.query('SELECT headers FROM webhooks WHERE id = $1', [created.body.id])).rows[0].headers;
    const sealed = (await stored())[0].value;
    expect(sealed).not.toContain('s3cr3t');

    // The form sends the masked value back: the secret stays.
    const kept = await alice.patch(`/v1/webhooks/${created.body.id}`, {
      headers: created.body.headers,
      name: 'renamed',
    });
    expect(kept.status).toBe(200);
    const box = createSecretBox(app.config.encryptionKey);
    expect(box.decrypt((await stored())[0].value)).toBe(plain);
    const preview = await alice.post(`/v1/webhooks/${created.body.id}/preview`, { sample: true });
    expect(preview.body.headers.authorization).toBe('••••cdef');

    const changed = await alice.patch(`/v1/webhooks/${created.body.id}`, {
      headers: [{ key: 'Authorization', value: 'Bearer another-token-9999', secret: true }],
    });
    expect(changed.body.headers).toEqual([{ key: 'Authorization', value: '••••9999', secret: true }]);
    expect(box.decrypt((await stored())[0].value)).toBe('Bearer another-token-9999');
  });

  it('answers every invalid webhook with 400 naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['bad method', { method: 'FETCH' }, 'method'],
      ['bad URL', { url: 'not a url' }, 'url'],
      ['non-http URL', { url: 'ftp://93.184.215.14/x' }, 'url'],
      ['element_data as a body key', { body: [{ key: 'element_data', value: 'x' }] }, 'body[0].key'],
      ['template syntax error', { body: [{ key: 'a', value: '{{ email ' }] }, 'body[0].value'],
      ['unknown variable', { body: [{ key: 'a', value: '{{ nope }}' }] }, 'body[0].value'],
      ['unknown variable in the URL', { url: 'https://93.184.215.14/{{ nope }}' }, 'url'],
      ['header name with CR/LF', { headers: [{ key: 'X-A\r\nX-B', value: 'v' }] }, 'headers[0].key'],
      ['header value with CR/LF', { headers: [{ key: 'X-A', value: 'v\r\nX-B: w' }] }, 'headers[0].value'],
      ['bad element', { element: 'venue' }, 'element'],
      ['bad trigger', { trigger: 'upsert' }, 'trigger'],
      [
        'delete trigger sees only the id',
        { trigger: 'delete', body: [{ key: 'e', value: '{{email}}' }] },
        'body[0].value',
      ],
      ['bad retry schedule', { retry_schedule: 'soon' }, 'retry_schedule'],
      ['settings without a target', { body: [{ key: 'a', value: '{{settings.token}}' }] }, 'body[0].value'],
      ['unknown field', { colour: 'red' }, 'colour'],
    ];
    for (const [label, override, field] of cases) {
      const response = await alice.post('/v1/webhooks', { ...base, ...override });
      expect(response.status, label).toBe(400);
      expect(response.headers.get('content-type'), label).toContain('application/problem+json');
      expect(fieldsOf(response.body), label).toContain(field);
    }
    const missingUrl = await alice.post('/v1/webhooks', {
      name: 'n',
      element: 'rsvp',
      trigger: 'create',
      method: 'POST',
    });
    expect(fieldsOf(missingUrl.body)).toEqual(['url']);

    const hook = (await alice.post('/v1/webhooks', base)).body;
    const badPatch = await alice.patch(`/v1/webhooks/${hook.id}`, {
      body: [{ key: 'element_data', value: '1' }],
    });
    expect(badPatch.status).toBe(400);
    expect(fieldsOf(badPatch.body)).toEqual(['body[0].key']);
    // Changing the trigger re-checks the templates against the new catalog.
    const withEmail = (
      await alice.post('/v1/webhooks', { ...base, body: [{ key: 'e', value: '{{email}}' }] })
    ).body;
    const toDelete = await alice.patch(`/v1/webhooks/${withEmail.id}`, { trigger: 'delete' });
    expect(fieldsOf(toDelete.body)).toEqual(['body[0].value']);
  });

  it('sets, keeps and clears rate_limit, and refuses a bad one naming the field', async () => {
    const storedLimit = async (id: string) =>
      (await app.db.query('SELECT rate_limit FROM webhooks WHERE id = $1', [id])).rows[0].rate_limit;
    expect((await alice.post('/v1/webhooks', base)).body.rate_limit).toBeNull();
    const created = await alice.post('/v1/webhooks', { ...base, rate_limit: 25 });
    expect(created.status).toBe(201);
    expect(created.body.rate_limit).toBe(25);
    expect(await storedLimit(created.body.id)).toBe(25);
    const id: string = created.body.id;

    expect((await alice.patch(`/v1/webhooks/${id}`, { rate_limit: 10_000 })).body.rate_limit).toBe(10_000);
    expect((await alice.patch(`/v1/webhooks/${id}`, { name: 'renamed' })).body.rate_limit).toBe(10_000);
    const before = (await alice.get(`/v1/webhooks/${id}`)).body;
    for (const bad of [0, -1, 1.5, 10_001, '5', true, {}]) {
      const label = JSON.stringify(bad);
      for (const response of [
        await alice.post('/v1/webhooks', { ...base, rate_limit: bad }),
        await alice.patch(`/v1/webhooks/${id}`, { rate_limit: bad, name: 'not saved' }),
      ]) {
        expect(response.status, label).toBe(400);
        expect(response.headers.get('content-type'), label).toContain('application/problem+json');
        expect(response.body.errors, label).toEqual([
          {
            field: 'rate_limit',
            message: 'must be a whole number of requests per second from 1 to 10000, or null for no limit',
          },
        ]);
      }
    }
    expect((await alice.get(`/v1/webhooks/${id}`)).body).toEqual(before);

    const cleared = await alice.patch(`/v1/webhooks/${id}`, { rate_limit: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.rate_limit).toBeNull();
    expect(await storedLimit(id)).toBeNull();
    expect((await alice.post('/v1/webhooks', { ...base, rate_limit: null })).body.rate_limit).toBeNull();
  });

  it('refuses oversized and malformed bodies as problem+json', async () => {
    const huge = await alice.request('POST', '/v1/webhooks', {
      ...base,
      body: [{ key: 'a', value: 'x'.repeat(300 * 1024) }],
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
    expect(huge.body).toMatchObject({ status: 413, title: 'Content Too Large' });

    const broken = await alice.request('POST', '/v1/webhooks', undefined, { raw: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    expect(broken.body.detail).toMatch(/JSON/);
  });

  it('refuses private, loopback and metadata targets at save time; accepts names that do not resolve', async () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://2130706433/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost:3000/x',
    ]) {
      const response = await alice.post('/v1/webhooks', { ...base, url });
      expect(response.status, url).toBe(400);
      expect(fieldsOf(response.body), url).toEqual(['url']);
    }
    expect(
      (await alice.post('/v1/webhooks', { ...base, url: 'https://not-yet-registered.invalid/hook' })).status,
    ).toBe(201);
    const hook = (await alice.post('/v1/webhooks', base)).body;
    expect((await alice.patch(`/v1/webhooks/${hook.id}`, { url: 'http://192.168.0.1/' })).status).toBe(400);
  });

  it('rotates the signing secret: new one shown once, every retired one kept for 24 hours, none shown', async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    expect(hook.retired_secrets).toEqual([]);
    const secrets = [hook.signing_secret as string];
    const expiries: string[] = [];
    for (let i = 0; i < 3; i++) {
      const rotated = await alice.post(`/v1/webhooks/${hook.id}/rotate-secret`);
      expect(rotated.status).toBe(200);
      expect(rotated.body.signing_secret).toMatch(/^whsec_/);
      expect(secrets).not.toContain(rotated.body.signing_secret);
      secrets.push(rotated.body.signing_secret);
      expiries.push(rotated.body.previous_secret_expires_at);
      expect(rotated.body.retired_secrets).toHaveLength(i + 1);
    }
    for (const expiresAt of expiries) {
      const expiresIn = Date.parse(expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(23 * 3600_000);
      expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000);
    }
    const shown = await alice.get(`/v1/webhooks/${hook.id}`);
    expect(shown.body.signing_secret).toBeUndefined();
    expect(shown.body.retired_secrets.map((r: { expires_at: string }) => r.expires_at).sort()).toEqual(
      [...expiries].sort(),
    );
    // the response lists expiry times only: no secret, current or retired, appears anywhere in it
    for (const secret of secrets) expect(JSON.stringify(shown.body)).not.toContain(secret.slice(6));
    const stored = (
      await app.db.query('SELECT retired_signing_secrets FROM webhooks WHERE id = $1', [hook.id])
    ).rows[0].retired_signing_secrets as { secret: string }[];
    expect(stored).toHaveLength(3);
    // stored encrypted at rest, like the current one
    for (const secret of secrets) expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
  });

  it('checks a PATCH before locking the webhook, and answers 409 when it changed meanwhile', async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    const locker = new Client({ connectionString: app.config.databaseUrl });
    await locker.connect();
    const blockedByLocker = async () =>
      (
        await locker.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))',
        )
      ).rows[0].n > 0;
    // Polls until someone waits for the locker's row lock, or until `stop` says it no longer matters.
    const untilBlocked = (stop: () => boolean) =>
      waitUntil(async () => (stop() ? 'stopped' : (await blockedByLocker()) && 'waited for the lock'), {
        timeoutMs: 30_000,
        describe: 'a request to wait for the row lock',
      });
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM webhooks WHERE id = $1 FOR UPDATE', [hook.id]);

      // The check (SSRF, with its DNS lookups) runs while another transaction holds the row: no lock waits on it.
      let answered = false;
      const refused = alice
        .patch(`/v1/webhooks/${hook.id}`, { url: 'https://10.0.0.1/hook' })
        .finally(() => (answered = true));
      const first = await Promise.race([refused.then((r) => r.status), untilBlocked(() => answered)]);
      expect(first).toBe(400);

      // A valid PATCH is checked, then waits for the row; the row changes meanwhile → 409, nothing overwritten.
      const renamed = alice.patch(`/v1/webhooks/${hook.id}`, { name: 'from the API' });
      expect(await untilBlocked(() => false)).toBe('waited for the lock');
      await locker.query(`UPDATE webhooks SET name = 'meanwhile', updated_at = now() WHERE id = $1`, [
        hook.id,
      ]);
      await locker.query('COMMIT');
      const answer = await renamed;
      expect(answer.status).toBe(409);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        status: 409,
        detail: expect.stringContaining('changed by another request'),
      });
      expect((await alice.get(`/v1/webhooks/${hook.id}`)).body.name).toBe('meanwhile');

      expect((await alice.patch(`/v1/webhooks/${hook.id}`, { name: 'again' })).body.name).toBe('again');
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  });

  it('re-enabling clears disabled_reason and wakes the relays', async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    await app.db.query(
      `UPDATE webhooks SET status = 'disabled', disabled_reason = 'receiver answered 410' WHERE id = $1`,
      [hook.id],
    );
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).body).toMatchObject({
      status: 'disabled',
      disabled_reason: 'receiver answered 410',
    });
    const listener = new Client({ connectionString: app.config.databaseUrl });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) =>
        listener.on('notification', (n) => resolve(n.channel)),
      );
      await listener.query('LISTEN hookrelay_deliveries');
      const enabled = await alice.patch(`/v1/webhooks/${hook.id}`, { status: 'active' });
      expect(enabled.body).toMatchObject({ status: 'active', disabled_reason: null });
      expect(await notified).toBe('hookrelay_deliveries');
    } finally {
      await listener.end();
    }
  });

  it('previews the exact request for an element or a sample, sending nothing', async () => {
    const hook = (
      await alice.post('/v1/webhooks', {
        ...base,
        url: 'https://93.184.215.14/rsvps/{{id}}',
        headers: [{ key: 'X-Email', value: '{{ email | upcase }}' }],
        body: [{ key: 'guest.seats', value: '{{seats}}' }],
      })
    ).body;
    const event = (await alice.post('/v1/events', { title: 'E' })).body;
    const rsvp = (
      await alice.post(`/v1/events/${event.id}/rsvps`, { email: 'ada@example.com', name: 'Ada', seats: 2 })
    ).body;

    const jobsBefore = (await app.db.query('SELECT 1 FROM deliveries WHERE webhook_id = $1', [hook.id]))
      .rowCount;
    const preview = await alice.post(`/v1/webhooks/${hook.id}/preview`, { element_id: rsvp.id });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ method: 'POST', url: `https://93.184.215.14/rsvps/${rsvp.id}` });
    expect(preview.body.headers).toMatchObject({
      'x-email': 'ADA@EXAMPLE.COM',
      'content-type': 'application/json',
    });
    expect(preview.body.headers['webhook-signature']).toBe('v1,<signed at delivery>');
    // element_data is the snapshot: the RSVP with its event and that event's group
    const snapshot = {
      ...rsvp,
      event: { id: event.id, group_id: null, title: 'E', status: 'draft', dates: [], url: null },
      group: null,
    };
    expect(JSON.parse(preview.body.body)).toEqual({ element_data: snapshot, guest: { seats: 2 } });

    const sample = await alice.post(`/v1/webhooks/${hook.id}/preview`, { sample: true });
    expect(sample.status).toBe(200);
    expect(JSON.parse(sample.body.body).element_data.email).toEqual(expect.any(String));
    const deliveries = await app.db.query('SELECT 1 FROM deliveries WHERE webhook_id = $1', [hook.id]);
    expect(deliveries.rowCount).toBe(jobsBefore);

    const get = (
      await alice.post('/v1/webhooks', { ...base, method: 'GET', body: [{ key: 'who', value: '{{name}}' }] })
    ).body;
    const getPreview = await alice.post(`/v1/webhooks/${get.id}/preview`, { element_id: rsvp.id });
    expect(getPreview.body.body).toBeNull();
    const query = new URL(getPreview.body.url).searchParams;
    expect(query.get('who')).toBe('Ada');
    expect(JSON.parse(query.get('element_data')!)).toEqual(snapshot);

    expect((await alice.post(`/v1/webhooks/${hook.id}/preview`, {})).status).toBe(400);
    expect(
      (await alice.post(`/v1/webhooks/${hook.id}/preview`, { sample: true, element_id: rsvp.id })).status,
    ).toBe(400);
    expect((await alice.post(`/v1/webhooks/${hook.id}/preview`, { element_id: event.id })).status).toBe(404);
  });

  it('previews a target webhook without its secret settings or a real signature', async () => {
    const webhookUrl = 'https://93.184.215.14/services/T0001/B0002/slackSecretToken9876';
    const created = await alice.post('/v1/webhooks', {
      name: 'to Slack',
      element: 'rsvp',
      trigger: 'create',
      target: { kind: 'slack', settings: { webhook_url: webhookUrl } },
      headers: [
        { key: 'X-Token', value: 'plain-header-secret-5555', secret: true },
        { key: 'X-Hook', value: '{{ settings.webhook_url | upcase }}' },
      ],
      body: [
        { key: 'text', value: 'New RSVP {{name}}' },
        { key: 'echo', value: 'posted to {{settings.webhook_url}}' },
        { key: 'token', value: 'again plain-header-secret-5555' },
      ],
    });
    expect(created.status).toBe(201);

    const preview = await alice.post(`/v1/webhooks/${created.body.id}/preview`, { sample: true });
    expect(preview.status).toBe(200);
    const text = JSON.stringify(preview.body);
    expect(text).not.toContain('slackSecretToken');
    expect(text).not.toContain('SLACKSECRETTOKEN');
    expect(text).not.toContain('plain-header-secret');
    expect(preview.body.url).toBe('••••9876');
    expect(preview.body.headers).toMatchObject({
      'x-token': '••••5555',
      'webhook-signature': 'v1,<signed at delivery>',
    });
    expect(preview.body.headers['x-hook']).toMatch(/^••••/);
    expect(JSON.parse(preview.body.body)).toMatchObject({
      text: expect.stringContaining('New RSVP'),
      echo: 'posted to ••••9876',
      token: 'again ••••5555',
    });
  });

  it('previews a delete webhook for an element that is already gone', async () => {
    const hook = (
      await alice.post('/v1/webhooks', {
        ...base,
        element: 'group',
        trigger: 'delete',
        body: [{ key: 'gone', value: '{{id}}' }],
      })
    ).body;
    const group = (await alice.post('/v1/groups', { name: 'soon gone' })).body;
    expect((await alice.delete(`/v1/groups/${group.id}`)).status).toBe(204);

    const preview = await alice.post(`/v1/webhooks/${hook.id}/preview`, { element_id: group.id });
    expect(preview.status).toBe(200);
    expect(preview.body.element_data).toEqual({ id: group.id });
    expect(JSON.parse(preview.body.body)).toEqual({ element_data: { id: group.id }, gone: group.id });
  });

  it('queues a test delivery of sample data for the relay and answers 202 with its id', async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    const test = await alice.post(`/v1/webhooks/${hook.id}/test`);
    expect(test.status).toBe(202);
    const { rows } = await app.db.query(
      `SELECT d.status, d.webhook_id, s.element, s.trigger, s.data FROM deliveries d
         JOIN element_snapshots s ON s.id = d.snapshot_id WHERE d.id = $1`,
      [test.body.delivery_id],
    );
    expect(rows[0]).toMatchObject({
      status: 'pending',
      webhook_id: hook.id,
      element: 'rsvp',
      trigger: 'create',
    });
    expect(rows[0].data.email).toEqual(expect.any(String));

    await alice.patch(`/v1/webhooks/${hook.id}`, { status: 'disabled' });
    expect((await alice.post(`/v1/webhooks/${hook.id}/test`)).status).toBe(409);
  });

  it('deletes a webhook', async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    expect((await alice.delete(`/v1/webhooks/${hook.id}`)).status).toBe(204);
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).status).toBe(404);
  });

  it("isolates accounts: another account's webhook is 404 everywhere and never listed", async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    const responses = await Promise.all([
      bob.get(`/v1/webhooks/${hook.id}`),
      bob.patch(`/v1/webhooks/${hook.id}`, { name: 'mine now' }),
      bob.post(`/v1/webhooks/${hook.id}/rotate-secret`),
      bob.post(`/v1/webhooks/${hook.id}/preview`, { sample: true }),
      bob.post(`/v1/webhooks/${hook.id}/test`),
      bob.delete(`/v1/webhooks/${hook.id}`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    const listed = (await bob.get('/v1/webhooks?limit=200')).body.items.map((w: { id: string }) => w.id);
    expect(listed).not.toContain(hook.id);
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).body.name).toBe(base.name);
  });

  it('previews with an element of another account as 404', async () => {
    const hook = (await alice.post('/v1/webhooks', base)).body;
    const bobsEvent = (await bob.post('/v1/events', { title: 'B' })).body;
    const bobsRsvp = (
      await bob.post(`/v1/events/${bobsEvent.id}/rsvps`, { email: 'b@example.com', name: 'B' })
    ).body;
    expect((await alice.post(`/v1/webhooks/${hook.id}/preview`, { element_id: bobsRsvp.id })).status).toBe(
      404,
    );
  });
});

describe('variables and targets', () => {
  const { app, alice } = useTestApp({ callers: ['alice'] });

  it('serves the variable catalog per element and trigger', async () => {
    const create = await alice.get('/v1/variables?element=rsvp&trigger=create');
    expect(create.status).toBe(200);
    const names = create.body.variables.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(['email', 'seats', 'delivery.id', 'webhook.name']));
    expect(create.body.variables[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        type: expect.any(String),
        description: expect.any(String),
      }),
    );
    const del = await alice.get('/v1/variables?element=rsvp&trigger=delete');
    expect(del.body.variables.map((v: { name: string }) => v.name)).not.toContain('email');

    const bad = await alice.get('/v1/variables?element=venue&trigger=create');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['element']);
    expect((await fetch(`${app.baseUrl}/v1/variables?element=rsvp&trigger=create`)).status).toBe(401);
  });

  it('lists target plugins with their settings schema', async () => {
    const targets = await alice.get('/v1/targets');
    expect(targets.status).toBe(200);
    const segment = targets.body.items.find((t: { kind: string }) => t.kind === 'segment');
    expect(segment).toMatchObject({ kind: 'segment', display_name: 'Segment', category: 'analytics' });
    expect(segment.settings.find((s: { key: string }) => s.key === 'write_key')).toMatchObject({
      secret: true,
    });
  });

  it('prefills a webhook from a target, lets the admin override fields, and keeps secret settings sealed', async () => {
    const created = await alice.post('/v1/webhooks', {
      name: 'to Segment',
      element: 'rsvp',
      trigger: 'create',
      target: { kind: 'segment', settings: { write_key: 'wk_live_secret_1234' } },
      include_element_data: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      method: 'POST',
      url: 'https://api.segment.io/v1/track',
      include_element_data: true,
      target: { kind: 'segment', settings: { write_key: '••••1234', region: 'us' } },
    });
    expect(created.body.body.length).toBeGreaterThan(0);
    const { rows } = await app.db.query('SELECT target_settings FROM webhooks WHERE id = $1', [
      created.body.id,
    ]);
    expect(JSON.stringify(rows[0].target_settings)).not.toContain('wk_live_secret');

    const preview = await alice.post(`/v1/webhooks/${created.body.id}/preview`, { sample: true });
    expect(preview.status).toBe(200);
    expect(preview.body.headers.authorization).toMatch(/^••••/);

    // Sending the masked settings back keeps the stored key.
    const kept = await alice.patch(`/v1/webhooks/${created.body.id}`, {
      target: { kind: 'segment', settings: created.body.target.settings },
    });
    expect(kept.status).toBe(200);
    const after = (
      await app.db.query('SELECT target_settings FROM webhooks WHERE id = $1', [created.body.id])
    ).rows[0];
    const preview2 = await alice.post(`/v1/webhooks/${created.body.id}/preview`, { sample: true });
    expect(preview2.body.headers.authorization).toBe(preview.body.headers.authorization);
    expect(after.target_settings.region).toBe('us');

    const unknown = await alice.post('/v1/webhooks', {
      name: 'x',
      element: 'rsvp',
      trigger: 'create',
      target: { kind: 'nope', settings: {} },
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['target.kind']);
    const missing = await alice.post('/v1/webhooks', {
      name: 'x',
      element: 'rsvp',
      trigger: 'create',
      target: { kind: 'segment', settings: {} },
    });
    expect(fieldsOf(missing.body)).toContain('target.settings.write_key');
  });
});
