import { describe, expect, it } from 'vitest';
import { PUBLIC_URL, type Caller } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const base = { name: 'to the CMS', element: 'rsvp', trigger: 'create', method: 'POST', url: PUBLIC_URL };
const CLOSED = {
  circuit: 'closed',
  failures: 0,
  opened_at: null,
  next_probe_at: null,
  paused_until: null,
  last_failure: null,
};

describe('webhook destinations', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });

  const create = async (caller: Caller, body: Record<string, unknown>) => {
    const response = await caller.post('/v1/webhooks', body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  /** The webhook's destination row, as the relays see it. */
  const storedDestination = async (webhookId: string) =>
    (
      await app.db.query(
        `SELECT d.id, d.account_id, d.origin FROM webhooks w
           JOIN destinations d ON d.id = w.destination_id WHERE w.id = $1`,
        [webhookId],
      )
    ).rows[0];

  it('gives a new webhook the destination of its origin, closed', async () => {
    const hook = await create(alice, base);
    expect(hook.destination).toEqual({ origin: 'https://93.184.215.14', ...CLOSED });
    expect(await storedDestination(hook.id)).toMatchObject({
      account_id: alice.accountId,
      origin: 'https://93.184.215.14',
    });
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).body.destination).toEqual(hook.destination);
  });

  it("shares one destination among an account's webhooks to one origin", async () => {
    const pairs = [
      [PUBLIC_URL, 'https://93.184.215.14/other/{{id}}?email={{email}}'],
      ['HTTP://Example.com:80/a', 'http://example.com/b'],
    ];
    for (const [first, second] of pairs) {
      const a = await create(alice, { ...base, url: first });
      const b = await create(alice, { ...base, url: second });
      expect(b.destination.origin, first).toBe(a.destination.origin);
      expect((await storedDestination(b.id)).id, first).toBe((await storedDestination(a.id)).id);
    }
    const { rows } = await app.db.query(
      `SELECT origin, count(*)::int AS n FROM destinations WHERE account_id = $1 GROUP BY origin`,
      [alice.accountId],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { origin: 'https://93.184.215.14', n: 1 },
        { origin: 'http://example.com', n: 1 },
      ]),
    );
  });

  it('moves a webhook to the destination of its new URL', async () => {
    const hook = await create(alice, base);
    const before = await storedDestination(hook.id);
    const moved = await alice.patch(`/v1/webhooks/${hook.id}`, { url: 'https://93.184.216.34:8443/x' });
    expect(moved.status).toBe(200);
    expect(moved.body.destination).toEqual({ origin: 'https://93.184.216.34:8443', ...CLOSED });
    const after = await storedDestination(hook.id);
    expect(after.origin).toBe('https://93.184.216.34:8443');
    expect(after.id).not.toBe(before.id);
  });

  it('takes the origin of a target webhook from its settings', async () => {
    const wordpress = await create(alice, {
      name: 'to WordPress',
      element: 'event',
      trigger: 'create',
      target: {
        kind: 'wordpress',
        settings: {
          site_url: 'https://Blog.Example.org/news/',
          username: 'editor',
          application_password: 'abcd EFGH 1234 ijkl MNOP 5678',
        },
      },
    });
    expect(wordpress.destination.origin).toBe('https://blog.example.org');

    // The URL is `{{settings.webhook_url}}`: the origin is rendered with the real (secret) setting.
    const slack = await create(alice, {
      name: 'to Slack',
      element: 'rsvp',
      trigger: 'create',
      target: { kind: 'slack', settings: { webhook_url: 'https://93.184.215.14:8443/services/T0/B0/X' } },
    });
    expect(slack.url).toBe('{{settings.webhook_url}}');
    expect(slack.destination.origin).toBe('https://93.184.215.14:8443');
    const moved = await alice.patch(`/v1/webhooks/${slack.id}`, {
      target: { kind: 'slack', settings: { webhook_url: 'https://93.184.216.34/services/T0/B0/X' } },
    });
    expect(moved.body.destination.origin).toBe('https://93.184.216.34');
    expect((await storedDestination(slack.id)).origin).toBe('https://93.184.216.34');
  });

  it('gives another account its own destination for the same origin', async () => {
    const shared = { ...base, url: 'https://shared.example.net/x' };
    const mine = await create(alice, shared);
    const theirs = await create(bob, shared);
    const [a, b] = [await storedDestination(mine.id), await storedDestination(theirs.id)];
    expect(b.origin).toBe(a.origin);
    expect(b.id).not.toBe(a.id);
    expect(b.account_id).toBe(bob.accountId);

    // The circuit of one account's destination shows in none of the other's webhooks.
    await app.db.query(`UPDATE destinations SET circuit = 'open', retry_at = now() WHERE id = $1`, [a.id]);
    expect((await bob.get(`/v1/webhooks/${theirs.id}`)).body.destination.circuit).toBe('closed');
    expect((await bob.get(`/v1/webhooks/${mine.id}`)).status).toBe(404);
  });

  it('shows the state a relay wrote: an open circuit with its next probe, a pause only while it lasts', async () => {
    const hook = await create(alice, { ...base, url: 'https://cms.example.net/posts' });
    const { rows } = await app.db.query(
      `UPDATE destinations
          SET circuit = 'open', failures = 5, opened_at = now() - interval '1 minute',
              retry_at = now() + interval '5 minutes', last_failure = 'connect ETIMEDOUT',
              paused_until = now() - interval '1 second'
        WHERE id = (SELECT destination_id FROM webhooks WHERE id = $1)
        RETURNING opened_at, retry_at`,
      [hook.id],
    );
    const written = rows[0];
    const expected = {
      origin: 'https://cms.example.net',
      circuit: 'open',
      failures: 5,
      opened_at: written.opened_at.toISOString(),
      next_probe_at: written.retry_at.toISOString(),
      paused_until: null,
      last_failure: 'connect ETIMEDOUT',
    };
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).body.destination).toEqual(expected);
    const listed = (await alice.get('/v1/webhooks?limit=200')).body.items;
    expect(listed.find((w: { id: string }) => w.id === hook.id).destination).toEqual(expected);

    const pause = await app.db.query(
      `UPDATE destinations SET circuit = 'half_open', paused_until = now() + interval '30 seconds'
        WHERE id = (SELECT destination_id FROM webhooks WHERE id = $1) RETURNING paused_until`,
      [hook.id],
    );
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).body.destination).toMatchObject({
      circuit: 'half_open',
      next_probe_at: null,
      paused_until: pause.rows[0].paused_until.toISOString(),
    });
    const rotated = await alice.post(`/v1/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.body.destination).toMatchObject({ circuit: 'half_open' });
  });

  it('answers null for a webhook without a destination, and sets it on its next save', async () => {
    const hook = await create(alice, { ...base, url: 'https://legacy.example.net/x' });
    await app.db.query('UPDATE webhooks SET destination_id = NULL WHERE id = $1', [hook.id]);
    expect((await alice.get(`/v1/webhooks/${hook.id}`)).body.destination).toBeNull();
    const listed = (await alice.get('/v1/webhooks?limit=200')).body.items;
    expect(listed.find((w: { id: string }) => w.id === hook.id).destination).toBeNull();

    const renamed = await alice.patch(`/v1/webhooks/${hook.id}`, { name: 'renamed' });
    expect(renamed.body.destination).toEqual({ origin: 'https://legacy.example.net', ...CLOSED });
    expect((await storedDestination(hook.id)).account_id).toBe(alice.accountId);
  });

  it("never shows another account's destination, even if a webhook pointed at it", async () => {
    const mine = await create(alice, base);
    const theirs = await create(bob, { ...base, url: 'https://bob.example.net/x' });
    await app.db.query(
      'UPDATE webhooks SET destination_id = (SELECT destination_id FROM webhooks WHERE id = $2) WHERE id = $1',
      [mine.id, theirs.id],
    );
    expect((await alice.get(`/v1/webhooks/${mine.id}`)).body.destination).toBeNull();
  });
});
