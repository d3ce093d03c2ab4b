import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestSchema } from '@hookrelay/db/testing';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/create-app';
import { testConfig } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const BOOTSTRAP_KEY = 'hr_bootstrap_key_for_tests_0123456789';

describe('accounts and API keys', () => {
  const { app } = useTestApp({ config: { bootstrapApiKey: BOOTSTRAP_KEY } });

  it('refuses requests without a key or with an unknown key, as problem+json 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer hr_nope' }, { authorization: 'Basic abc' }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${app.baseUrl}/v1/groups`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const body = (await response.json()) as { type: string };
      expect(body).toMatchObject({ status: 401, title: 'Unauthorized' });
      expect(body.type).toMatch(/^https:\/\//);
    }
  });

  it('creates the bootstrap account from HOOKRELAY_BOOTSTRAP_API_KEY, once, however often the API starts', async () => {
    const response = await app.caller(BOOTSTRAP_KEY).get('/v1/groups');
    expect(response.status).toBe(200);
    // A second start with the same key: still one account, one key.
    const again = await createApp(testConfig(app.config.databaseUrl, { bootstrapApiKey: BOOTSTRAP_KEY }));
    await again.close();
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM accounts WHERE name = 'bootstrap'`);
    expect(rows[0].n).toBe(1);
  });

  it('stores keys hashed, never in clear', async () => {
    const caller = await app.createCaller('hashed');
    expect(caller.key).toMatch(/^hr_/);
    const { rows } = await app.db.query('SELECT key_hash, prefix FROM api_keys WHERE account_id = $1', [
      caller.accountId,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(caller.key);
    expect(caller.key.startsWith(rows[0].prefix)).toBe(true);
  });

  it.skipIf(!existsSync(join(__dirname, '../dist/cli.js')))(
    'creates an account with the CLI and prints its key once',
    async () => {
      const schema = await createTestSchema('cli');
      try {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          [join(__dirname, '../dist/cli.js'), 'accounts:create', '--name', 'Acme'],
          { env: { ...process.env, DATABASE_URL: schema.url } },
        );
        const key = /API key[^:]*: (hr_\S+)/.exec(stdout)?.[1];
        expect(key).toBeDefined();
        const db = new Client({ connectionString: schema.url });
        await db.connect();
        const { rows } = await db.query(
          'SELECT a.name, k.key_hash FROM accounts a JOIN api_keys k ON k.account_id = a.id',
        );
        await db.end();
        expect(rows).toEqual([{ name: 'Acme', key_hash: createHash('sha256').update(key!).digest('hex') }]);
      } finally {
        await schema.drop();
      }
    },
  );
});
