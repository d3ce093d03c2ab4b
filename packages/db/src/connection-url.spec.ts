import { describe, expect, it } from 'vitest';
import { clientConfigWithServerOptions, withSearchPath } from './connection-url';

const OURS = '-c synchronous_commit=off';

describe('clientConfigWithServerOptions', () => {
  it('adds the settings to a URL without options', () => {
    const config = clientConfigWithServerOptions('postgres://app:s%40cret@db.internal:5433/hooks', OURS);
    expect(config).toMatchObject({
      host: 'db.internal',
      port: 5433,
      user: 'app',
      password: 's@cret',
      database: 'hooks',
      options: OURS,
    });
  });

  it("keeps the URL's own options, after the added ones so that they win", () => {
    const url = withSearchPath('postgres://db/hooks', 'tenant_a');
    expect(clientConfigWithServerOptions(url, OURS).options).toBe(`${OURS} -c search_path=tenant_a`);
    // given twice, node-postgres takes the last one: so do we
    const twice = 'postgres://db/hooks?options=-c%20a%3D1&options=-c%20b%3D2';
    expect(clientConfigWithServerOptions(twice, OURS).options).toBe(`${OURS} -c b=2`);
  });

  it('takes every form node-postgres takes: socket directories, an empty host, a raw % in a password', () => {
    expect(
      clientConfigWithServerOptions('postgresql://app@/hooks?host=/var/run/postgresql', OURS),
    ).toMatchObject({
      host: '/var/run/postgresql',
      user: 'app',
      database: 'hooks',
      options: OURS,
    });
    expect(clientConfigWithServerOptions('/var/run/postgresql hooks', OURS)).toMatchObject({
      host: '/var/run/postgresql',
      database: 'hooks',
      options: OURS,
    });
    expect(clientConfigWithServerOptions('postgres://app:50%off@db/hooks', OURS)).toMatchObject({
      password: '50%off',
      host: 'db',
      options: OURS,
    });
  });

  it('keeps the other parameters (sslmode, application_name)', () => {
    const url = 'postgres://db/hooks?sslmode=disable&application_name=ops-console';
    expect(clientConfigWithServerOptions(url, OURS)).toMatchObject({
      ssl: false,
      application_name: 'ops-console',
      options: OURS,
    });
  });
});
