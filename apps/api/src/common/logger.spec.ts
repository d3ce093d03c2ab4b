import type { LoggerService } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { loggerParams, redactLinkToken, withRoutesAtDebug } from './logger';

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

  it('list the mapped routes at debug only; every other line keeps its level', () => {
    const inner = { log: vi.fn(), error: vi.fn(), warn: vi.fn(), debug: vi.fn() } satisfies LoggerService;
    const logger = withRoutesAtDebug(inner);
    logger.log('Mapped {/v1/groups, POST} route', 'RouterExplorer');
    logger.log('GroupsController {/v1/groups}:', 'RoutesResolver');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('no built console', 'Console');
    expect(inner.debug.mock.calls).toEqual([
      ['Mapped {/v1/groups, POST} route', 'RouterExplorer'],
      ['GroupsController {/v1/groups}:', 'RoutesResolver'],
    ]);
    expect(inner.log.mock.calls).toEqual([['Nest application successfully started', 'NestApplication']]);
    expect(inner.warn.mock.calls).toEqual([['no built console', 'Console']]);
  });
});
