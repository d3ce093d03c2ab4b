import type { LoggerService } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { loggerParams, redactLinkToken, withStartDetailAtDebug } from './logger';

describe('logs', () => {
  it('never show a sign-in link’s token', () => {
    expect(redactLinkToken('/console/links/tLEdj8pMLfavZuguV0Ri-ycb8Bgz4WS12PQvk_KHnhg?lang=de')).toBe(
      '/console/links/[redacted]?lang=de',
    );
    expect(redactLinkToken('/v1/console/links')).toBe('/v1/console/links');
  });

  it('redact the credentials of both kinds: key, session cookie and CSRF token', () => {
    const pinoHttp = loggerParams('info').pinoHttp as { redact: { paths: string[] } };
    expect(pinoHttp.redact.paths).toEqual(
      expect.arrayContaining([
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ]),
    );
  });

  it('log the modules and routes Nest sets up at debug only; every other line keeps its level', () => {
    const inner = { log: vi.fn(), error: vi.fn(), warn: vi.fn(), debug: vi.fn() } satisfies LoggerService;
    const logger = withStartDetailAtDebug(inner);
    logger.log('Mapped {/v1/groups, POST} route', 'RouterExplorer');
    logger.log('GroupsController {/v1/groups}:', 'RoutesResolver');
    logger.log('TypeOrmModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('no built console', 'Console');
    expect(inner.debug.mock.calls).toEqual([
      ['Mapped {/v1/groups, POST} route', 'RouterExplorer'],
      ['GroupsController {/v1/groups}:', 'RoutesResolver'],
      ['TypeOrmModule dependencies initialized', 'InstanceLoader'],
    ]);
    expect(inner.log.mock.calls).toEqual([['Nest application successfully started', 'NestApplication']]);
    expect(inner.warn.mock.calls).toEqual([['no built console', 'Console']]);
  });
});
