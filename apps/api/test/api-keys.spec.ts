import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/use-test-app';

describe('API keys', () => {
  const { app, alice, bob } = useTestApp({ callers: ['alice', 'bob'] });

  it('lists the account’s keys with id, prefix and dates, never the key or its hash', async () => {
    const list = await alice.get('/v1/api-keys');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const [key] = list.body.items;
    expect(Object.keys(key).sort()).toEqual(['created_at', 'id', 'prefix', 'revoked_at']);
    expect(key).toMatchObject({ prefix: alice.key.slice(0, 8), revoked_at: null });
    expect(list.body.next_cursor).toBeNull();
    const { rows } = await app.db.query('SELECT key_hash FROM api_keys WHERE id = $1', [key.id]);
    expect(JSON.stringify(list.body)).not.toContain(rows[0].key_hash);
  });

  it('creates a key, shows it once, and it works at once', async () => {
    const created = await alice.post('/v1/api-keys');
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^hr_/);
    expect(created.body).toMatchObject({ prefix: created.body.key.slice(0, 8), revoked_at: null });
    expect((await app.caller(created.body.key).get('/v1/groups')).status).toBe(200);
    const listed = (await alice.get('/v1/api-keys')).body.items;
    expect(listed.map((k: { id: string }) => k.id)).toContain(created.body.id);
    expect(JSON.stringify(listed)).not.toContain(created.body.key);
  });

  it('revokes a key: 401 at once, even though the key was just used (cache invalidated)', async () => {
    const created = (await alice.post('/v1/api-keys')).body;
    const other = app.caller(created.key);
    expect((await other.get('/v1/groups')).status).toBe(200);
    expect((await other.get('/v1/groups')).status).toBe(200);

    expect((await alice.delete(`/v1/api-keys/${created.id}`)).status).toBe(204);
    const refused = await other.get('/v1/groups');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const listed = (await alice.get('/v1/api-keys')).body.items.find(
      (k: { id: string }) => k.id === created.id,
    );
    expect(Date.parse(listed.revoked_at)).not.toBeNaN();
    // Idempotent.
    expect((await alice.delete(`/v1/api-keys/${created.id}`)).status).toBe(204);
  });

  it('lets a key revoke itself while another key is active, and refuses to revoke the last one', async () => {
    const carol = await app.createCaller('carol');
    const [own] = (await carol.get('/v1/api-keys')).body.items;
    const lastOne = await carol.delete(`/v1/api-keys/${own.id}`);
    expect(lastOne.status).toBe(409);
    expect(lastOne.headers.get('content-type')).toContain('application/problem+json');
    expect((await carol.get('/v1/groups')).status).toBe(200);

    const second = (await carol.post('/v1/api-keys')).body;
    expect((await carol.delete(`/v1/api-keys/${own.id}`)).status).toBe(204);
    expect((await carol.get('/v1/groups')).status).toBe(401);
    const next = app.caller(second.key);
    expect(
      (await next.get('/v1/api-keys')).body.items.filter((k: { revoked_at: string | null }) => !k.revoked_at),
    ).toHaveLength(1);
    expect((await next.delete(`/v1/api-keys/${second.id}`)).status).toBe(409);
  });

  it("isolates accounts: another account's key is a 404 and never listed", async () => {
    const alicesKey = (await alice.post('/v1/api-keys')).body;
    expect((await bob.delete(`/v1/api-keys/${alicesKey.id}`)).status).toBe(404);
    expect((await bob.delete('/v1/api-keys/not-a-uuid')).status).toBe(404);
    const bobs = (await bob.get('/v1/api-keys')).body.items.map((k: { id: string }) => k.id);
    expect(bobs).not.toContain(alicesKey.id);
    expect((await app.caller(alicesKey.key).get('/v1/groups')).status).toBe(200);
  });

  it('paginates the list', async () => {
    const dave = await app.createCaller('dave');
    for (let i = 0; i < 3; i++) await dave.post('/v1/api-keys');
    const first = await dave.get('/v1/api-keys?limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await dave.get(`/v1/api-keys?limit=3&cursor=${first.body.next_cursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.next_cursor).toBeNull();
  });
});
