import { describe, expect, it } from 'vitest';
import { browserWith, cookieFrom, readResponse, signIn } from './support/console-browser';
import { PUBLIC_URL } from './support/test-app';
import { useTestApp } from './support/use-test-app';

describe('console sessions', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });

  const groupCount = async (accountId: string): Promise<number> =>
    (await app.db.query('SELECT count(*)::int AS n FROM groups WHERE account_id = $1', [accountId])).rows[0]
      .n;

  it('signs in with an API key: 201 with the account, a CSRF token and the expiry, and an HttpOnly cookie', async () => {
    const before = Date.now();
    const response = await fetch(`${app.baseUrl}/v1/console/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.key}` },
    });
    const answer = await readResponse(response);
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).sort()).toEqual(['account_id', 'csrf_token', 'expires_at']);
    expect(answer.body.account_id).toBe(alice.accountId);
    expect(answer.body.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expiresAt = Date.parse(answer.body.expires_at);
    expect(expiresAt - before).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(expiresAt - before).toBeLessThan(12 * 3600_000 + 60_000);
    expect(answer.headers.get('cache-control')).toBe('no-store');

    const [setCookie, ...others] = answer.headers.getSetCookie();
    expect(others).toEqual([]);
    const attributes = setCookie!.split(/;\s*/);
    expect(attributes[0]).toMatch(/^hookrelay_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attributes.some((a) => /^Max-Age=\d+$/.test(a))).toBe(true);
    // plain http to 127.0.0.1: not Secure, or the browser would drop it
    expect(attributes).not.toContain('Secure');

    // only a hash is stored, with the account and the key
    const token = attributes[0]!.split('=')[1]!;
    const { rows } = await app.db.query('SELECT * FROM console_sessions WHERE account_id = $1', [
      alice.accountId,
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(answer.body.csrf_token);
  });

  it('answers the session to its cookie (GET /v1/console/session), 401 without one', async () => {
    const browser = await signIn(app.baseUrl, alice.key);
    const current = await browser.request('GET', '/v1/console/session', { csrf: null });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ account_id: alice.accountId, csrf_token: browser.csrfToken });
    expect(Date.parse(current.body.expires_at)).not.toBeNaN();

    const none = await readResponse(await fetch(`${app.baseUrl}/v1/console/session`));
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    // an API key is not a session
    expect((await alice.get('/v1/console/session')).status).toBe(401);
  });

  it('authenticates reads with the cookie alone, scoped to its account', async () => {
    await alice.post('/v1/groups', { name: 'alice group' });
    const browser = await signIn(app.baseUrl, alice.key);
    const list = await browser.request('GET', '/v1/groups', { csrf: null });
    expect(list.status).toBe(200);
    expect(list.body.items.map((g: { name: string }) => g.name)).toContain('alice group');
  });

  it('refuses a cookie-authenticated write without the CSRF header, or with a wrong one: 403, nothing changed', async () => {
    const browser = await signIn(app.baseUrl, alice.key);
    const before = await groupCount(alice.accountId);

    const missing = await browser.request('POST', '/v1/groups', { body: { name: 'forged' }, csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.type).toBe('https://hookrelay.dev/problems/csrf-token-missing');
    expect(missing.body.detail).toContain('X-CSRF-Token');

    const wrong = await browser.request('POST', '/v1/groups', {
      body: { name: 'forged' },
      csrf: 'x'.repeat(43),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.type).toBe('https://hookrelay.dev/problems/csrf-token-mismatch');

    // another session's token is no better
    const other = await signIn(app.baseUrl, alice.key);
    const crossed = await browser.request('POST', '/v1/groups', {
      body: { name: 'forged' },
      csrf: other.csrfToken,
    });
    expect(crossed.status).toBe(403);

    // refused before validation: an invalid body is a 403 too, not a 400 that would tell it was read
    expect((await browser.request('POST', '/v1/groups', { body: {}, csrf: null })).status).toBe(403);
    const group = (await alice.post('/v1/groups', { name: 'kept' })).body;
    expect((await browser.request('DELETE', `/v1/groups/${group.id}`, { csrf: null })).status).toBe(403);
    expect(
      (await browser.request('PATCH', `/v1/groups/${group.id}`, { body: { name: 'x' }, csrf: null })).status,
    ).toBe(403);
    expect((await alice.get(`/v1/groups/${group.id}`)).body.name).toBe('kept');
    expect(await groupCount(alice.accountId)).toBe(before + 1);
  });

  it('accepts a cookie-authenticated write with the right CSRF header', async () => {
    const browser = await signIn(app.baseUrl, alice.key);
    const created = await browser.request('POST', '/v1/groups', { body: { name: 'from the console' } });
    expect(created.status).toBe(201);
    const webhook = await browser.request('POST', '/v1/webhooks', {
      body: { name: 'console hook', trigger: 'create', element: 'group', method: 'POST', url: PUBLIC_URL },
    });
    expect(webhook.status).toBe(201);
    const patched = await browser.request('PATCH', `/v1/webhooks/${webhook.body.id}`, {
      body: { status: 'disabled' },
    });
    expect(patched.status).toBe(200);
    expect((await browser.request('DELETE', `/v1/webhooks/${webhook.body.id}`)).status).toBe(204);
  });

  it('needs no CSRF token with a Bearer key, and judges a Bearer key alone even beside a cookie', async () => {
    expect((await alice.post('/v1/groups', { name: 'bearer only' })).status).toBe(201);
    const browser = await signIn(app.baseUrl, alice.key);
    const badKey = await browser.request('GET', '/v1/groups', {
      headers: { authorization: 'Bearer hr_nope' },
    });
    expect(badKey.status).toBe(401);
    // Bearer wins over the cookie: bob's key with alice's cookie acts as bob, and needs no CSRF token
    const asBob = await browser.request('POST', '/v1/groups', {
      body: { name: 'bob via bearer' },
      csrf: null,
      headers: { authorization: `Bearer ${bob.key}` },
    });
    expect(asBob.status).toBe(201);
    expect((await bob.get(`/v1/groups/${asBob.body.id}`)).status).toBe(200);
  });

  it('refuses an unknown or expired session with 401 and clears its cookie', async () => {
    const forged = browserWith(app.baseUrl, `hookrelay_session=${'A'.repeat(43)}`, 'x');
    const unknown = await forged.request('GET', '/v1/groups');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(cookieFrom(unknown)).toBe('hookrelay_session=');

    const browser = await signIn(app.baseUrl, alice.key);
    expect((await browser.request('GET', '/v1/groups')).status).toBe(200);
    await app.db.query(
      `UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
      [alice.accountId],
    );
    const expired = await browser.request('GET', '/v1/groups');
    expect(expired.status).toBe(401);
    expect(expired.body.type).toBe('https://hookrelay.dev/problems/session-ended');
    expect((await browser.request('GET', '/v1/console/session')).status).toBe(401);
  });

  it('signs out: DELETE /v1/console/session is 204, deletes the session and clears the cookie', async () => {
    const browser = await signIn(app.baseUrl, alice.key);
    const withoutCsrf = await browser.request('DELETE', '/v1/console/session', { csrf: null });
    expect(withoutCsrf.status).toBe(403);
    const out = await browser.request('DELETE', '/v1/console/session');
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie()[0]!;
    expect(cleared).toMatch(/^hookrelay_session=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect((await browser.request('GET', '/v1/console/session')).status).toBe(401);
    expect((await browser.request('GET', '/v1/groups')).status).toBe(401);
  });

  it('ends the sessions of a revoked API key at once', async () => {
    const second = (await alice.post('/v1/api-keys')).body;
    const browser = await signIn(app.baseUrl, second.key);
    const other = await signIn(app.baseUrl, alice.key);
    expect((await browser.request('GET', '/v1/groups')).status).toBe(200);
    expect((await alice.delete(`/v1/api-keys/${second.id}`)).status).toBe(204);
    expect((await browser.request('GET', '/v1/groups')).status).toBe(401);
    expect((await other.request('GET', '/v1/groups')).status).toBe(200);
  });

  it('opens sessions with an API key only, not with another session', async () => {
    const browser = await signIn(app.baseUrl, alice.key);
    expect((await browser.request('POST', '/v1/console/sessions')).status).toBe(401);
    const badKey = await fetch(`${app.baseUrl}/v1/console/sessions`, {
      method: 'POST',
      headers: { authorization: 'Bearer hr_unknown_key_0000000000' },
    });
    expect(badKey.status).toBe(401);
    expect(badKey.headers.getSetCookie()).toEqual([]);
  });

  it('keeps tenants apart: a session of one account gets 404 on the other’s webhook and never lists it', async () => {
    const bobsHook = (
      await bob.post('/v1/webhooks', {
        name: 'bob hook',
        trigger: 'create',
        element: 'group',
        method: 'POST',
        url: PUBLIC_URL,
      })
    ).body;
    const browser = await signIn(app.baseUrl, alice.key);
    const read = await browser.request('GET', `/v1/webhooks/${bobsHook.id}`);
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    expect(
      (await browser.request('PATCH', `/v1/webhooks/${bobsHook.id}`, { body: { name: 'x' } })).status,
    ).toBe(404);
    expect((await browser.request('DELETE', `/v1/webhooks/${bobsHook.id}`)).status).toBe(404);
    const listed = await browser.request('GET', '/v1/webhooks?limit=200');
    expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(bobsHook.id);
    expect((await bob.get(`/v1/webhooks/${bobsHook.id}`)).body.name).toBe('bob hook');
  });
});
