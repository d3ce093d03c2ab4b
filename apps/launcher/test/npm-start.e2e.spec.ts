import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '@hookrelay/db/embedded';
import { sleep, waitUntil } from '@hookrelay/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepository } from './fresh-clone';
import { canConnect, makeTempDir, spawnUntilFirstLine } from './helpers';
import { NpmStart } from './npm-start-process';

interface Resource {
  id: string;
}
interface Page<T> {
  items: T[];
}
interface Delivery extends Resource {
  status: string;
  attempts: number;
}

/**
 * END-TO-END, SLOW (~1-2 min, bounded at 3): the README's first command in a fresh clone with no
 * DATABASE_URL, then its quickstart against the local receiver, Ctrl-C, and a second start that
 * finds the data again. See fresh-clone.ts for how `npm install` is stood in for.
 */
describe('npm start in a fresh clone (end-to-end)', () => {
  let workDir: string;
  let clone: string;
  let env: NodeJS.ProcessEnv;
  let api: string;
  const running: NpmStart[] = [];

  beforeAll(async () => {
    workDir = await makeTempDir('hookrelay-e2e-');
    clone = await cloneRepository(workDir);
    const [apiPort, relayPort] = [await findFreePort(), await findFreePort()];
    api = `http://127.0.0.1:${apiPort}`;
    env = { ...process.env, PORT: String(apiPort), RELAY_PORT: String(relayPort), FORCE_COLOR: '0' };
    for (const name of [
      'DATABASE_URL',
      'HOOKRELAY_DATA_DIR',
      'HOOKRELAY_ENCRYPTION_KEY',
      'HOOKRELAY_BOOTSTRAP_API_KEY',
    ]) {
      delete env[name];
    }
  }, 60_000);

  afterAll(async () => {
    for (const start of running) start.kill();
    await stopLeftoverPostgres(join(clone, '.data', 'postgres'));
    await rm(workDir, { recursive: true, force: true });
  }, 60_000);

  async function start(): Promise<{ npm: NpmStart; key: string }> {
    const npm = new NpmStart({ cwd: clone, env });
    running.push(npm);
    const [, key] = await npm.waitFor(/demo API key\s+(hr_[A-Za-z0-9_-]+)/, 150_000);
    await npm.waitFor(/Ctrl-C stops/, 5_000);
    return { npm, key: key! };
  }

  async function stop(npm: NpmStart): Promise<void> {
    npm.interrupt();
    await Promise.race([npm.exited, sleep(30_000)]);
    expect(npm.output).toMatch(
      /stopping the relay[\s\S]*stopping the api[\s\S]*stopping the database[\s\S]*stopped/,
    );
  }

  const call =
    (key: string) =>
    async <T = Resource>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    };

  it('starts with embedded PostgreSQL, runs the quickstart, stops on Ctrl-C and keeps its data', async () => {
    // First start: builds, initialises the database, prints the demo key.
    const first = await start();
    expect(first.npm.output).toContain('embedded PostgreSQL started');
    const relay = /health\s+\S+ \(API\)\s+(\S+) \(relay\)/.exec(first.npm.output)?.[1];
    expect((await fetch(`${api}/health`)).status).toBe(200);
    expect((await fetch(relay!)).status).toBe(200);
    expect((await fetch(`${api}/docs`)).status).toBe(200);
    expect((await stat(join(clone, '.data', 'secrets.json'))).mode & 0o777).toBe(0o600);

    // The quickstart: a webhook to the local receiver, a group, an event, an RSVP.
    const as = call(first.key);
    const receiverPort = await findFreePort();
    const webhook = await as<Resource & { signing_secret: string }>('POST', '/v1/webhooks', {
      name: 'RSVPs to my receiver',
      trigger: 'create',
      element: 'rsvp',
      method: 'POST',
      url: `http://127.0.0.1:${receiverPort}/hooks/rsvp`,
      headers: [{ key: 'x-user-email', value: '{{email}}' }],
      body: [
        { key: 'guest', value: '{{ name | upcase }}' },
        { key: 'seats', value: '{{seats}}' },
      ],
    });
    expect(webhook.status).toBe(201);
    const receiver = await spawnUntilFirstLine(process.execPath, [
      join(clone, 'apps', 'launcher', 'dist', 'receiver.js'),
      '--port',
      String(receiverPort),
      '--secret',
      webhook.body.signing_secret,
    ]);
    let received = '';
    receiver.child.stdout?.on('data', (chunk: Buffer) => (received += chunk.toString()));
    try {
      const group = await as('POST', '/v1/groups', { name: 'Meetups' });
      const event = await as('POST', '/v1/events', {
        group_id: group.body.id,
        title: 'Launch party',
        status: 'published',
        rsvp_enabled: true,
        dates: [{ start: '2027-01-15T18:00:00Z', time_zone: 'Europe/Berlin' }],
      });
      const rsvp = await as('POST', `/v1/events/${event.body.id}/rsvps`, {
        email: 'ada@example.com',
        name: 'Ada',
        status: 'yes',
        seats: 2,
      });
      expect([group.status, event.status, rsvp.status]).toEqual([201, 201, 201]);

      // The delivery and its attempt log, as the README shows them.
      const delivery = await waitUntil(
        async () => {
          const list = await as<Page<Delivery>>('GET', `/v1/webhooks/${webhook.body.id}/deliveries`);
          const found = list.body.items[0];
          return found?.status === 'delivered' ? found : undefined;
        },
        { timeoutMs: 30_000, describe: 'the delivery to be delivered' },
      );
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 204 });
      const detail = await as<Delivery & { attempts_log: unknown[] }>('GET', `/v1/deliveries/${delivery.id}`);
      expect(detail.body.attempts_log).toHaveLength(1);
      expect(detail.body.attempts_log[0]).toMatchObject({ attempt: 1, outcome: 'delivered' });

      // The receiver printed it and checked the signature.
      await waitUntil(() => received.includes('signature ok'), {
        timeoutMs: 5_000,
        describe: () => `the receiver printed:\n${received}`,
      });
      expect(received).toContain('POST /hooks/rsvp  signature ok');
      expect(received).toContain('"guest": "ADA"');
      expect(received).toContain('x-user-email: ada@example.com');
    } finally {
      receiver.child.kill('SIGTERM');
    }

    // Ctrl-C: relay, API, database, in that order; nothing keeps listening.
    const databaseUrl = await embeddedDatabaseUrl(clone);
    await stop(first.npm);
    expect(await canConnect(databaseUrl)).toBe(false);

    // Second start: same key, same webhook, same delivery.
    const second = await start();
    expect(second.key).toBe(first.key);
    const again = call(second.key);
    const webhooks = await again<Page<Resource>>('GET', '/v1/webhooks');
    expect(webhooks.body.items.map((w) => w.id)).toContain(webhook.body.id);
    const deliveries = await again<Page<Delivery>>('GET', `/v1/webhooks/${webhook.body.id}/deliveries`);
    expect(deliveries.body.items).toHaveLength(1);
    await stop(second.npm);
  }, 180_000);
});

async function embeddedDatabaseUrl(clone: string): Promise<string> {
  const settings = JSON.parse(await readFile(join(clone, '.data', 'postgres.json'), 'utf8')) as {
    port: number;
    password: string;
  };
  return `postgres://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/hookrelay`;
}

/** If the test failed half-way, don't leave a server behind: the postmaster stops on SIGQUIT. */
async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return;
  }
  await sleep(1000);
}
