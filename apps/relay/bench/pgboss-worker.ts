/**
 * The comparison: pg-boss 10 tuned as its docs suggest for throughput (8 workers, batch 500), whose
 * handler just POSTs each job with undici or with axios (default adapter, keep-alive agent). No rendering,
 * no signing, no attempt log. Run as its own process, like the relay.
 */
import http from 'node:http';
import axios from 'axios';
import PgBoss from 'pg-boss';
import { Agent, request } from 'undici';

const QUEUE = 'bench';
const WORKERS = 8;
const BATCH = 500;

async function main(): Promise<void> {
  const url = process.env.RECEIVER_URL as string;
  const client = process.env.CLIENT === 'axios' ? 'axios' : 'undici';
  const boss = new PgBoss({
    connectionString: process.env.DATABASE_URL as string,
    schema: process.env.PGBOSS_SCHEMA as string,
    max: 12,
    // the bench reads the CPU of this worker's backends by name
    application_name: 'pgboss-worker',
  });
  boss.on('error', (error) => console.error(error));
  await boss.start();
  await boss.createQueue(QUEUE);

  const dispatcher = new Agent({ connections: 128, keepAliveTimeout: 30_000 });
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const post =
    client === 'undici'
      ? async (data: { batch: number }) => {
          const res = await request(url, {
            method: 'POST',
            dispatcher,
            headers: { 'content-type': 'application/json', 'x-batch': String(data.batch) },
            body: JSON.stringify(data),
          });
          await res.body.text();
          if (res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
        }
      : async (data: { batch: number }) => {
          await axios.post(url, data, {
            httpAgent,
            headers: { 'x-batch': String(data.batch) },
            maxRedirects: 0,
          });
        };
  for (let i = 0; i < WORKERS; i++) {
    await boss.work<{ batch: number }>(
      QUEUE,
      { batchSize: BATCH, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        await Promise.all(jobs.map((job) => post(job.data)));
      },
    );
  }
  process.send?.({ type: 'ready' });
  process.on('message', (msg) => {
    if (msg === 'stop') void boss.stop({ graceful: false, wait: false }).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
