import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { type RelayService } from '../src/service';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

const BACKLOG = 50_000;
const NEW_JOBS = 10;

let fixture: OutboxFixture;
let busy: Receiver;
let quiet: Receiver;
let relay: RelayService | undefined;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  busy = await startReceiver({ host: '127.0.6.1' });
  busy.reply = () => ({ status: 200, body: 'ok', delayMs: 2 });
  quiet = await startReceiver({ host: '127.0.6.2' });
});
afterAll(async () => {
  await relay?.stop({ timeoutMs: 100 });
  await busy?.close();
  await quiet?.close();
  await fixture?.close();
});

describe('fair share between accounts', () => {
  it("delivers a new account's jobs within a second beside another account's backlog of 50,000", async () => {
    const accountB = await fixture.addAccount('account B');
    const backlogHook = await fixture.insertWebhook({ url: busy.url('/a') });
    await fixture.enqueue({ webhookId: backlogHook.id, count: BACKLOG });
    // one destination may fill every slot of the relay: only the fair share leaves B a place
    relay = await startTestRelay(fixture, {
      HOOKRELAY_RELAY_CONCURRENCY: '32',
      HOOKRELAY_RELAY_HOST_CONCURRENCY: '32',
    });
    await waitUntil(() => busy.requests.length >= 2000, {
      timeoutMs: 30_000,
      describe: "A's backlog to flow",
    });

    const hookB = await fixture.insertWebhook({ url: quiet.url('/b'), accountId: accountB });
    const committedAt = new Map<string, number>();
    for (let i = 0; i < NEW_JOBS; i++) {
      const jobs = await fixture.enqueueChange({ webhookIds: [hookB.id], accountId: accountB });
      for (const id of jobs.values()) committedAt.set(id, Date.now());
    }
    await waitUntil(() => quiet.requests.length >= NEW_JOBS, { timeoutMs: 10_000, describe: "B's jobs" });

    const { rows } = await fixture.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = $1 AND status = 'pending'`,
      [backlogHook.id],
    );
    // A's backlog was still there all along
    expect(rows[0]?.n).toBeGreaterThan(BACKLOG / 5);
    const waits = quiet.requests.map(
      (r) => r.receivedAt - (committedAt.get(String(r.headers['webhook-id'])) ?? 0),
    );
    console.log(`[fair share] B's jobs arrived ${Math.min(...waits)}-${Math.max(...waits)} ms after commit`);
    expect(Math.max(...waits)).toBeLessThan(1000);
  });
});
