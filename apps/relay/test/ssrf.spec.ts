import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  // the guard is on here, unlike the other tests
  relay = await startTestRelay(fixture, {
    HOOKRELAY_ALLOW_PRIVATE_TARGETS: 'false',
    HOOKRELAY_RETRY_SCHEDULE: '0,100ms',
  });
});
afterAll(async () => {
  await relay?.stop({ timeoutMs: 1000 });
  await receiver?.close();
  await fixture?.close();
});

describe('SSRF guard at delivery', () => {
  // 169.254.169.254 and 10.0.0.1 are refused before any connection, so nothing leaves this machine
  it.each([
    ['loopback IPv4', (port: number) => `http://127.0.0.1:${port}/ssrf`],
    ['loopback IPv6', (port: number) => `http://[::1]:${port}/ssrf`],
    ['IPv4-mapped IPv6 loopback', (port: number) => `http://[::ffff:127.0.0.1]:${port}/ssrf`],
    ['cloud metadata', () => `http://169.254.169.254/latest/meta-data/`],
    ['private network', () => `http://10.0.0.1/ssrf`],
    ['decimal loopback', (port: number) => `http://2130706433:${port}/ssrf`],
    ['a name that resolves to loopback', (port: number) => `http://localhost:${port}/ssrf`],
  ])('refuses %s, sends nothing and kills the job', async (_label, url) => {
    const before = receiver.requests.length;
    const hook = await fixture.insertWebhook({ url: url(receiver.port) });
    const [id] = await fixture.enqueue({ webhookId: hook.id });
    const row = await waitUntil(async () => {
      const r = await fixture.delivery(id as string);
      return r.status !== 'pending' ? r : undefined;
    });
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(1);
    const [attempt] = await fixture.attempts(id as string);
    expect(attempt?.error).toMatch(/refused/);
    expect(attempt?.response_status).toBeNull();
    expect(receiver.requests.length).toBe(before);
  });
});
