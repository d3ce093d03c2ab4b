import { describe, expect, it } from 'vitest';
import { findSsrfRefusal, guardedLookup, refuseLiteralTarget, SsrfRefusedError } from './ssrf-guard';

function lookup(host: string, all = false): Promise<unknown> {
  return new Promise((resolve, reject) =>
    guardedLookup(host, { all } as never, (error: Error | null, address: unknown) =>
      error ? reject(error) : resolve(address),
    ),
  );
}

describe('SSRF guard', () => {
  it.each([
    'http://127.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.1.1:8080/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://[fe80::1]/',
    'http://224.0.0.1/',
  ])('refuses the literal %s', (url) => {
    expect(refuseLiteralTarget(new URL(url))).toBeInstanceOf(SsrfRefusedError);
  });

  it('leaves names and public literals to the connection-time check', () => {
    expect(refuseLiteralTarget(new URL('https://example.com/hook'))).toBeUndefined();
    expect(refuseLiteralTarget(new URL('http://93.184.215.14/'))).toBeUndefined();
  });

  it('refuses a name that resolves to loopback, in both lookup shapes', async () => {
    await expect(lookup('localhost')).rejects.toBeInstanceOf(SsrfRefusedError);
    await expect(lookup('localhost', true)).rejects.toBeInstanceOf(SsrfRefusedError);
  });

  it('finds a refusal wrapped in other errors', () => {
    const refusal = new SsrfRefusedError('localhost', '127.0.0.1');
    const wrapped = new Error('connect failed', { cause: new AggregateError([new Error('x'), refusal]) });
    expect(findSsrfRefusal(wrapped)).toBe(refusal);
    expect(findSsrfRefusal(new Error('plain'))).toBeUndefined();
  });
});
