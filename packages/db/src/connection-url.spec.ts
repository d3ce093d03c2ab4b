import { parse } from 'pg-connection-string';
import { describe, expect, it } from 'vitest';
import { withSearchPath, withServerOptions } from './connection-url';

describe('withServerOptions', () => {
  it('adds the settings to a URL without options', () => {
    const url = withServerOptions(
      'postgres://app:s%40cret@db.internal:5433/hooks',
      '-c synchronous_commit=off',
    );
    expect(parse(url)).toMatchObject({
      host: 'db.internal',
      port: '5433',
      user: 'app',
      password: 's@cret',
      database: 'hooks',
      options: '-c synchronous_commit=off',
    });
  });

  it("keeps the URL's own options, after the added ones so that they win", () => {
    const url = withServerOptions(
      withSearchPath('postgres://db/hooks', 'tenant_a'),
      '-c synchronous_commit=off',
    );
    expect(parse(url).options).toBe('-c synchronous_commit=off -c search_path=tenant_a');
  });

  it('keeps the other parameters (a socket directory, sslmode)', () => {
    const url = withServerOptions(
      'postgres:///hooks?host=%2Fvar%2Frun%2Fpostgresql&sslmode=disable',
      '-c enable_bitmapscan=off',
    );
    expect(parse(url)).toMatchObject({
      host: '/var/run/postgresql',
      database: 'hooks',
      ssl: false,
      options: '-c enable_bitmapscan=off',
    });
  });
});
