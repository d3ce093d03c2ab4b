import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { type RelayService } from '../src/service';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

const JOBS = 40;

let fixture: OutboxFixture;
let receiver: Receiver;
const relays: RelayService[] = [];

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await startReceiver({ host: '127.0.5.1' });
});
afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop({ timeoutMs: 100 })));
  await receiver?.close();
  await fixture?.close();
});

async function metrics(): Promise<string> {
  return (await fetch(`http://127.0.0.1:${relays[0]?.port}/metrics`)).text();
}

describe('the circuit of a destination, shared by two relays', () => {
  it('opens after failures in a row, defers without spending attempts, probes, closes when it is back', async () => {
    let down = true;
    receiver.reply = () => (down ? { reset: true } : { status: 200, body: 'ok' });
    // a long last step: no job outlives its schedule while the test keeps the host down
    const hook = await fixture.insertWebhook({ url: receiver.url('/cms'), retrySchedule: '0,1s,1m' });
    const ids = await fixture.enqueue({ webhookId: hook.id, count: JOBS });
    for (let i = 0; i < 2; i++) {
      relays.push(
        await startTestRelay(fixture, {
          HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: '3',
          HOOKRELAY_RELAY_CIRCUIT_COOLDOWN: '1s',
          HOOKRELAY_RELAY_CIRCUIT_MAX_COOLDOWN: '4s',
        }),
      );
    }

    const open = await waitUntil(async () => {
      const d = await fixture.destinationOf(hook.id);
      return d?.circuit === 'open' ? d : undefined;
    });
    expect(open.failures).toBeGreaterThanOrEqual(3);
    expect(open.opened_at).not.toBeNull();
    expect(open.last_failure).toMatch(/ECONNRESET|socket hang up|other side closed/i);
    const text = await metrics();
    expect(text).toContain(`origin="${receiver.origin}"`);
    expect(text).toMatch(/hookrelay_relay_destinations_blocked\{state="(open|half_open)"\} 1/);

    // while the host stays down: the first round of requests, then one probe per cool-down (1 s, 2 s),
    // whichever relay sends it
    const firstRound = receiver.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const probes = receiver.requests.slice(firstRound);
    expect(probes.length).toBeGreaterThanOrEqual(1);
    expect(probes.length).toBeLessThanOrEqual(2);
    if (probes.length === 2) {
      const [a, b] = probes as [(typeof probes)[0], (typeof probes)[0]];
      expect(b.receivedAt - a.receivedAt).toBeGreaterThanOrEqual(1900);
    }
    // the jobs that waited were never claimed: no attempt spent, nothing logged
    const { rows } = await fixture.pool.query<{ attempts: number; logged: number }>(
      `SELECT d.attempts, (SELECT count(*)::int FROM delivery_attempts a WHERE a.delivery_id = d.id) AS logged
         FROM deliveries d WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    const untouched = rows.filter((r) => r.attempts === 0);
    console.log(
      `[circuit] ${firstRound} requests before it opened, ${probes.length} probes in 4 s, ${untouched.length} of ${JOBS} jobs never attempted`,
    );
    expect(untouched.length).toBe(JOBS - new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size);
    expect(untouched.length).toBeGreaterThan(JOBS / 2);
    expect(rows.every((r) => r.attempts === r.logged)).toBe(true);

    // back up: the next probe gets an answer, the circuit closes and everything goes out
    down = false;
    await waitUntil(
      async () => {
        const { rows: left } = await fixture.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE id = ANY($1::uuid[]) AND status <> 'delivered'`,
          [ids],
        );
        return left[0]?.n === 0;
      },
      { timeoutMs: 15_000, describe: 'every job delivered after the host came back' },
    );
    const closed = await fixture.destinationOf(hook.id);
    expect(closed?.circuit).toBe('closed');
    expect(closed?.failures).toBe(0);
    expect(await metrics()).not.toContain(`origin="${receiver.origin}"`);
  });
});
