import axios, { AxiosError, AxiosHeaders, type AxiosInstance } from 'axios';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, waitUntil } from '@hookrelay/test-support';
import { createUndiciAdapter } from '../src/http/undici-adapter';

// createUndiciAdapter is exported for anyone who wants axios as the interface over undici's pool: it must
// behave as an axios adapter does, not only as the relay happens to call it
let receiver: Receiver;
let dispatcher: Agent;
let client: AxiosInstance;

beforeAll(async () => {
  receiver = await startReceiver();
  receiver.reply = (r) => {
    if (r.url === '/missing') return { status: 404, body: 'no such hook' };
    if (r.url === '/drip') return { drip: { bytes: 20, everyMs: 100 } };
    if (r.url.startsWith('/hang')) return { hang: true };
    if (r.url === '/firehose') return { stream: { bytes: 8 * 1024 * 1024 } };
    return { status: 201, headers: { 'x-answer': 'yes' }, body: `got ${r.method} ${r.body}` };
  };
  dispatcher = new Agent({ connections: 4 });
  client = axios.create({ adapter: createUndiciAdapter({ dispatcher, maxResponseBytes: 1024 }) });
});
afterAll(async () => {
  await dispatcher?.destroy();
  await receiver?.close();
});

describe('createUndiciAdapter', () => {
  it('sends method, query, headers and a JSON body, and answers like axios', async () => {
    const response = await client.put(
      receiver.url('/hooks?tag=a'),
      { seats: 2 },
      { headers: { 'x-trace': 't-1' } },
    );
    expect(response.status).toBe(201);
    expect(response.data).toBe('got PUT {"seats":2}');
    expect(response.headers).toBeInstanceOf(AxiosHeaders);
    expect(response.headers['x-answer']).toBe('yes');
    const received = receiver.requests.find((r) => r.url === '/hooks?tag=a');
    expect(received?.headers['x-trace']).toBe('t-1');
    expect(received?.headers['content-type']).toMatch(/^application\/json/);
  });

  it('rejects a status axios calls an error, with the response attached', async () => {
    const error = await client.get(receiver.url('/missing')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect([(error as AxiosError).code, (error as AxiosError).response?.status]).toEqual([
      AxiosError.ERR_BAD_REQUEST,
      404,
    ]);
    expect((error as AxiosError).response?.data).toBe('no such hook');
  });

  it('makes `timeout` one deadline for the whole exchange, even while bytes keep arriving', async () => {
    // 20 bytes 100 ms apart: no gap reaches the timeout, the whole answer does
    const started = Date.now();
    const error = await client.get(receiver.url('/drip'), { timeout: 700 }).catch((e: unknown) => e);
    expect((error as AxiosError).code).toBe(AxiosError.ECONNABORTED);
    expect((error as AxiosError).message).toBe('timeout of 700ms exceeded');
    expect(Date.now() - started).toBeLessThan(1800);
    // and the connection was dropped, not left to drip into a slot
    await waitUntil(() => receiver.cut.includes('/drip'), { describe: 'the dripping answer to be cut' });
  });

  it('cancels through `signal` a request whose answer never comes', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await client.get(receiver.url('/hang'), { signal: controller.signal }).catch((e) => e);
    expect(axios.isCancel(error)).toBe(true);
    await waitUntil(() => receiver.cut.includes('/hang'), { describe: 'the request to be cut' });
  });

  it('never sends a request whose deadline passed while it waited for a connection', async () => {
    const single = new Agent({ connections: 1 });
    const queued = axios.create({
      adapter: createUndiciAdapter({ dispatcher: single, maxResponseBytes: 1024 }),
    });
    try {
      const holder = new AbortController();
      const first = queued.get(receiver.url('/hang-holder'), { signal: holder.signal }).catch((e) => e);
      await waitUntil(() => receiver.requests.some((r) => r.url === '/hang-holder'));
      // the only connection is taken: this one waits for it, and its deadline passes meanwhile
      const late = await queued.get(receiver.url('/late'), { timeout: 200 }).catch((e: unknown) => e);
      expect((late as AxiosError).code).toBe(AxiosError.ECONNABORTED);
      holder.abort();
      expect(axios.isCancel(await first)).toBe(true);
      // the freed connection serves the queue in order: by the time this answers, /late had its turn
      expect((await queued.get(receiver.url('/after'))).status).toBe(201);
      expect(receiver.requests.map((r) => r.url)).not.toContain('/late');
    } finally {
      await single.destroy();
    }
  });

  it('keeps the first bytes of a huge answer and its status, without reading it all', async () => {
    const response = await client.get(receiver.url('/firehose'));
    expect([response.status, (response.data as string).length]).toEqual([200, 1024]);
    expect(receiver.streamed.get('/firehose')).toBeLessThan(8 * 1024 * 1024);
  });
});
