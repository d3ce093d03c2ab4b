import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { HTTP_CLIENTS } from '../src/config';
import { OutboxFixture } from './fixtures';
import { startTestRelay } from './relay-harness';

let fixture: OutboxFixture;
let receiver: Receiver;

beforeAll(async () => {
  fixture = await OutboxFixture.create();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await fixture?.close();
});

// a receiver that answers at once but drips its body: every gap is shorter than the timeout, the whole is not
describe.each(HTTP_CLIENTS)('the request timeout with HTTP client %s', (kind) => {
  it('is one deadline for the whole exchange: a slow-drip answer is a timeout, not a delivery', async () => {
    receiver.reply = () => ({ drip: { bytes: 8, everyMs: 600 } });
    const relay = await startTestRelay(fixture, {
      HOOKRELAY_HTTP_CLIENT: kind,
      HOOKRELAY_RELAY_TIMEOUT: '1s',
      HOOKRELAY_RETRY_SCHEDULE: '0',
      // every client times out against this one receiver in turn: its circuit must not open meanwhile
      HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: '1000',
    });
    try {
      const hook = await fixture.insertWebhook({ url: receiver.url(`/${kind}/drip`) });
      const [id] = await fixture.enqueue({ webhookId: hook.id });
      const row = await waitUntil(async () => {
        const r = await fixture.delivery(id as string);
        return r.status !== 'pending' ? r : undefined;
      });
      expect(row.status).toBe('dead');
      const [attempt] = await fixture.attempts(id as string);
      expect([attempt?.outcome, attempt?.error]).toEqual(['dead', 'no response within 1000 ms']);
      expect(receiver.answered).not.toContain(`/${kind}/drip`);
    } finally {
      await relay.stop({ timeoutMs: 1000 });
    }
  });

  it('does not keep shutdown waiting for a request still dripping: it is cut, logged and given back', async () => {
    // the answer and the request timeout both outlast the test's own timeout: only cutting ends it in time
    receiver.reply = () => ({ drip: { bytes: 300, everyMs: 500 } });
    const relay = await startTestRelay(fixture, {
      HOOKRELAY_HTTP_CLIENT: kind,
      HOOKRELAY_RELAY_TIMEOUT: '120s',
      HOOKRELAY_RELAY_LEASE: '240s',
      HOOKRELAY_RELAY_CIRCUIT_THRESHOLD: '1000',
    });
    const path = `/${kind}/drip-at-shutdown`;
    const hook = await fixture.insertWebhook({ url: receiver.url(path) });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    await waitUntil(() => receiver.requests.some((r) => r.url === path), { describe: 'the request' });
    await relay.stop({ timeoutMs: 200 });

    // stop() returned before the receiver could finish its 150-second answer
    expect(receiver.answered).not.toContain(path);
    const row = await fixture.delivery(id as string);
    expect([row.status, row.locked_by, row.attempts]).toEqual(['pending', null, 1]);
    const attempts = await fixture.attempts(id as string);
    expect(attempts.map((a) => [a.attempt, a.response_status, a.outcome])).toEqual([[1, null, 'retry']]);
  });
});
