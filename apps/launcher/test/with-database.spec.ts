import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRoot, makeTempDir } from './helpers';

// Runs the built wrapper, as the root `npm test` does.
const withDatabase = resolve(__dirname, '..', 'dist', 'with-database.js');
const printDatabase = `
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  client.connect()
    .then(() => client.query('SELECT current_database() AS name'))
    .then((result) => { console.log(result.rows[0].name); return client.end(); })
    .then(() => process.exit(Number(process.argv[1] ?? 0)));
`;
const dataDirs: string[] = [];

async function runWithDatabase(args: string[], env: NodeJS.ProcessEnv) {
  const dataDir = await makeTempDir('hookrelay-with-database-');
  dataDirs.push(dataDir);
  const result = spawnSync(process.execPath, [withDatabase, '--', ...args], {
    env: { ...env, HOOKRELAY_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...result, dataDir };
}

afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('with-database', () => {
  it('without DATABASE_URL, runs the command against a throwaway server and removes it after', async () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const result = await runWithDatabase([process.execPath, '-e', printDatabase, '3'], env);
    expect(result.stdout.trim()).toBe('test');
    expect(result.status).toBe(3); // the command's exit code
    expect(await readdir(join(result.dataDir, 'test-postgres'))).toEqual([]);
  });

  it.runIf(isRoot)(
    'as root, in a checkout the postgres user cannot reach (a private parent), still runs the command',
    async () => {
      const outer = await makeTempDir('hookrelay-private-');
      dataDirs.push(outer);
      const dataDir = join(outer, 'checkout', '.data');
      await mkdir(dataDir, { recursive: true });
      await chmod(outer, 0o700);
      const env: NodeJS.ProcessEnv = { ...process.env, HOOKRELAY_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const result = spawnSync(
        process.execPath,
        [withDatabase, '--', process.execPath, '-e', printDatabase, '0'],
        {
          env,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(result.stderr).not.toContain('cannot reach');
      expect(result.stdout.trim()).toBe('test');
      expect(result.status).toBe(0);
    },
  );

  it('with DATABASE_URL, passes it through and starts nothing', async () => {
    const url = 'postgres://someone@db.example:5432/theirs';
    const result = await runWithDatabase([process.execPath, '-e', 'console.log(process.env.DATABASE_URL)'], {
      ...process.env,
      DATABASE_URL: url,
    });
    expect(result.stdout.trim()).toBe(url);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('embedded PostgreSQL');
  });
});
