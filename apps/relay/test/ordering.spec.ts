import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { type RelayService } from '../src/service';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let receiver: Receiver;
let relay: RelayService;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await startReceiver();
  relay = await startTestRelay(fixture);
});
afterAll(async () => {
  await relay?.stop({ timeoutMs: 1000 });
  await receiver?.close();
  await fixture?.close();
});
afterEach(() => {
  receiver.reply = () => ({ status: 200 });
});

/**
 * An element's jobs as the API writes them under per-element ordering: one change per statement, all
 * with the element's key, every one but the first held. `paths` are the receiver paths, in commit order.
 */
async function queueElement(
  key: string,
  paths: string[],
  options: { headDueInMs?: number } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, path] of paths.entries()) {
    const hook = await fixture.insertWebhook({ url: receiver.url(path) });
    const { rows } = await fixture.pool.query<{ id: string }>(
      `WITH snapshot AS (
         INSERT INTO element_snapshots (account_id, element, element_id, trigger, data)
         VALUES ($1, 'rsvp', gen_random_uuid(), 'update', '{"id": "x"}') RETURNING id
       )
       INSERT INTO deliveries (account_id, webhook_id, snapshot_id, ordering_key, held, next_attempt_at)
       SELECT $1, $2, id, $3, $4, now() + $5 * interval '1 millisecond' FROM snapshot RETURNING id`,
      [fixture.accountId, hook.id, key, i > 0, i === 0 ? (options.headDueInMs ?? 0) : 0],
    );
    ids.push((rows[0] as { id: string }).id);
  }
  return ids;
}

const pathsReceived = (prefix: string) =>
  receiver.requests.filter((r) => r.url.startsWith(prefix)).map((r) => r.url);

describe('per-element ordering in the relay', () => {
  it("a retrying job holds back only its own element's later jobs", async () => {
    let failures = 2;
    receiver.reply = (r) => (r.url === '/slow/1' && failures-- > 0 ? { status: 500 } : { status: 200 });
    const slow = await queueElement('dest/rsvp/slow', ['/slow/1', '/slow/2', '/slow/3']);
    const quick = await queueElement('dest/rsvp/quick', ['/quick/1', '/quick/2', '/quick/3']);

    await waitUntil(async () => (await fixture.delivery(slow[2] as string)).status === 'delivered');
    // each element's requests were accepted in commit order; the retried one came first for its element
    expect(pathsReceived('/slow/')).toEqual(['/slow/1', '/slow/1', '/slow/1', '/slow/2', '/slow/3']);
    expect(pathsReceived('/quick/')).toEqual(['/quick/1', '/quick/2', '/quick/3']);
    // the quick element did not wait for the slow one's retries
    const last = (path: string) => receiver.requests.filter((r) => r.url === path).at(-1)?.receivedAt ?? 0;
    expect(last('/quick/3')).toBeLessThan(last('/slow/1'));
    for (const id of [...slow, ...quick]) expect((await fixture.delivery(id)).status).toBe('delivered');
  });

  it('the sweeper lets go of a job whose element has nothing earlier left, however the earlier one went', async () => {
    const [head, next, last] = await queueElement(
      'dest/rsvp/stranded',
      ['/stranded/1', '/stranded/2', '/stranded/3'],
      { headDueInMs: 3_600_000 },
    );
    // the head leaves without anyone releasing the next job: a row deleted by hand
    await fixture.pool.query(`DELETE FROM deliveries WHERE id = $1`, [head]);
    // held: not claimed however often the relay looks (it polls every 100 ms here)
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await fixture.delivery(next as string)).status).toBe('pending');
    expect(pathsReceived('/stranded/')).toEqual([]);

    await relay.heldSweeper.runOnce();
    await waitUntil(async () => (await fixture.delivery(last as string)).status === 'delivered');
    expect(pathsReceived('/stranded/')).toEqual(['/stranded/2', '/stranded/3']);
  });
});
