import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hookrelay',
  HOOKRELAY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('console settings', () => {
  it('default to the request’s origin, the console beside the API, auto-secure cookies, no proxy', () => {
    expect(loadConfig(base)).toMatchObject({
      publicUrl: undefined,
      consoleDir: undefined,
      secureCookies: 'auto',
      trustProxy: false,
    });
  });

  it('take an http(s) origin as HOOKRELAY_PUBLIC_URL, without a trailing slash', () => {
    expect(loadConfig({ ...base, HOOKRELAY_PUBLIC_URL: 'https://hooks.example.com/' }).publicUrl).toBe(
      'https://hooks.example.com',
    );
    expect(loadConfig({ ...base, HOOKRELAY_PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe(
      'http://localhost:3000',
    );
  });

  it('refuse a public URL with a path, a query, credentials or another scheme, naming the variable', () => {
    for (const bad of [
      'https://example.com/hookrelay',
      'https://example.com/?a=1',
      'https://user:pw@example.com',
      'ftp://example.com',
      'example.com',
    ]) {
      const problems = problemsOf({ HOOKRELAY_PUBLIC_URL: bad });
      expect(problems, bad).toHaveLength(1);
      expect(problems[0], bad).toMatch(/^HOOKRELAY_PUBLIC_URL: must be an http\(s\) origin/);
    }
  });

  it('read the cookie and proxy switches, and refuse other values', () => {
    expect(loadConfig({ ...base, HOOKRELAY_SECURE_COOKIES: 'true' }).secureCookies).toBe('always');
    expect(loadConfig({ ...base, HOOKRELAY_SECURE_COOKIES: 'false' }).secureCookies).toBe('never');
    expect(loadConfig({ ...base, HOOKRELAY_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, HOOKRELAY_CONSOLE_DIR: '/srv/console' }).consoleDir).toBe('/srv/console');
    expect(problemsOf({ HOOKRELAY_SECURE_COOKIES: 'yes', HOOKRELAY_TRUST_PROXY: 'maybe' })).toEqual([
      'HOOKRELAY_SECURE_COOKIES: must be auto, true or false',
      'HOOKRELAY_TRUST_PROXY: must be true or false',
    ]);
  });
});
