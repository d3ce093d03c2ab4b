import { describe, expect, it } from 'vitest';
import { browserWith, cookieFrom, readResponse, signIn } from './support/console-browser';
import { startTestApp } from './support/test-app';
import { useTestApp } from './support/use-test-app';

describe('console sign-in links', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });

  const open = (url: string) => fetch(url, { redirect: 'manual' });
  const pathOf = (url: string) => new URL(url).pathname;

  it('makes a one-time link valid for 10 minutes, on the origin the request was sent to', async () => {
    const before = Date.now();
    const link = await alice.post('/v1/console/links');
    expect(link.status).toBe(201);
    expect(Object.keys(link.body).sort()).toEqual(['expires_at', 'url']);
    expect(link.body.url).toMatch(new RegExp(`^${app.baseUrl}/console/links/[A-Za-z0-9_-]{43}$`));
    const lifetime = Date.parse(link.body.expires_at) - before;
    expect(lifetime).toBeGreaterThan(10 * 60_000 - 30_000);
    expect(lifetime).toBeLessThan(10 * 60_000 + 30_000);
    const token = link.body.url.split('/').pop();
    const { rows } = await app.db.query('SELECT * FROM console_links WHERE account_id = $1', [
      alice.accountId,
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('signs the browser in once: 303 to / with the session cookie; the second use is 410 without a cookie', async () => {
    const { url } = (await alice.post('/v1/console/links')).body;
    const first = await open(url);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    const setCookie = first.headers.getSetCookie()[0]!;
    expect(setCookie.split(/;\s*/)).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']),
    );

    const cookie = cookieFrom(first)!;
    const session = await readResponse(
      await fetch(`${app.baseUrl}/v1/console/session`, { headers: { cookie } }),
    );
    expect(session.status).toBe(200);
    expect(session.body.account_id).toBe(alice.accountId);
    const browser = browserWith(app.baseUrl, cookie, session.body.csrf_token);
    expect((await browser.request('POST', '/v1/groups', { body: { name: 'via link' } })).status).toBe(201);

    const second = await open(url);
    expect(second.status).toBe(410);
    expect(second.headers.get('content-type')).toContain('text/html');
    expect(second.headers.getSetCookie()).toEqual([]);
    expect(second.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await second.text()).toContain('expired or was already used');
  });

  it('keeps ?lang= on the way to the console, and only a language tag', async () => {
    const { url } = (await alice.post('/v1/console/links')).body;
    expect((await open(`${url}?lang=de`)).headers.get('location')).toBe('/?lang=de');
    const other = (await alice.post('/v1/console/links')).body.url;
    expect(
      (await open(`${other}?lang=${encodeURIComponent('//evil.example')}`)).headers.get('location'),
    ).toBe('/');
  });

  it('refuses an expired link (410) and an unknown one (404), without a cookie', async () => {
    const { url } = (await alice.post('/v1/console/links')).body;
    await app.db.query(
      `UPDATE console_links SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
      [alice.accountId],
    );
    const expired = await open(url);
    expect(expired.status).toBe(410);
    expect(expired.headers.getSetCookie()).toEqual([]);

    const unknown = await open(`${app.baseUrl}/console/links/${'B'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect((await open(`${app.baseUrl}/console/links/not-a-token`)).status).toBe(404);
  });

  it('gives one session to two concurrent uses of a link', async () => {
    const { url } = (await alice.post('/v1/console/links')).body;
    const answers = await Promise.all([open(url), open(url), open(url)]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 410, 410]);
  });

  it('signs a link of account A into A only', async () => {
    const { url } = (await bob.post('/v1/console/links')).body;
    const cookie = cookieFrom(await open(url))!;
    const session = await readResponse(
      await fetch(`${app.baseUrl}/v1/console/session`, { headers: { cookie } }),
    );
    expect(session.body.account_id).toBe(bob.accountId);
    const alicesGroup = (await alice.post('/v1/groups', { name: 'alice only' })).body;
    const browser = browserWith(app.baseUrl, cookie, session.body.csrf_token);
    expect((await browser.request('GET', `/v1/groups/${alicesGroup.id}`)).status).toBe(404);
    const listed = await browser.request('GET', '/v1/groups?limit=200');
    expect(listed.body.items.map((g: { id: string }) => g.id)).not.toContain(alicesGroup.id);
  });

  it('makes links from a console session too (with the CSRF header), and not without it', async () => {
    const browser = await signIn(app.baseUrl, alice.key);
    expect((await browser.request('POST', '/v1/console/links', { csrf: null })).status).toBe(403);
    const link = await browser.request('POST', '/v1/console/links');
    expect(link.status).toBe(201);
    expect((await open(link.body.url)).status).toBe(303);
    expect((await fetch(`${app.baseUrl}/v1/console/links`, { method: 'POST' })).status).toBe(401);
  });

  it('refuses a link whose API key was revoked before it was used', async () => {
    const second = (await alice.post('/v1/api-keys')).body;
    const { url } = (await app.caller(second.key).post('/v1/console/links')).body;
    expect((await alice.delete(`/v1/api-keys/${second.id}`)).status).toBe(204);
    const refused = await open(url);
    expect(refused.status).toBe(410);
    expect(refused.headers.getSetCookie()).toEqual([]);
  });

  it('uses HOOKRELAY_PUBLIC_URL for the link when set', async () => {
    const other = await startTestApp({ publicUrl: 'https://hooks.example.com' });
    try {
      const carol = await other.createCaller('carol');
      const link = await carol.post('/v1/console/links');
      expect(pathOf(link.body.url)).toMatch(/^\/console\/links\/[A-Za-z0-9_-]{43}$/);
      expect(link.body.url.startsWith('https://hooks.example.com/console/links/')).toBe(true);
      // an https public URL makes the cookie Secure, also behind a plain-http hop
      const signedIn = await fetch(`${other.baseUrl}/v1/console/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${carol.key}` },
      });
      expect(signedIn.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await other.close();
    }
  });

  it('believes X-Forwarded-Proto and -Host only with HOOKRELAY_TRUST_PROXY', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'proxy.example.com' };
    const untrusted = await alice.request('POST', '/v1/console/links', {}, { headers: forwarded });
    expect(untrusted.body.url.startsWith(`${app.baseUrl}/`)).toBe(true);

    const behindProxy = await startTestApp({ trustProxy: true });
    try {
      const dave = await behindProxy.createCaller('dave');
      const link = await dave.request('POST', '/v1/console/links', {}, { headers: forwarded });
      expect(link.body.url.startsWith('https://proxy.example.com/console/links/')).toBe(true);
      const session = await fetch(`${behindProxy.baseUrl}/v1/console/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${dave.key}`, ...forwarded },
      });
      expect(session.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await behindProxy.close();
    }
  });
});
