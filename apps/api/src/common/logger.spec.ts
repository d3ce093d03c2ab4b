import { describe, expect, it } from 'vitest';
import { loggerParams, redactLinkToken } from './logger';

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
});
