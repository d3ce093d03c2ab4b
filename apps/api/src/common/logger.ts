import type { Params } from 'nestjs-pino';

/** A console sign-in link carries its one-time token in the path. */
export function redactLinkToken(url: string): string {
  return url.replace(/^\/console\/links\/[^/?#]+/, '/console/links/[redacted]');
}

/** JSON logs; credentials and secret values never reach them. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
          '*.signing_secret',
          '*.retired_signing_secrets',
          '*.apiKey',
        ],
        censor: '[redacted]',
      },
      // Request bodies are not logged: they may carry secret header values.
      serializers: {
        req: (req: { id: unknown; method: string; url: string; headers: Record<string, unknown> }) => ({
          id: req.id,
          method: req.method,
          url: redactLinkToken(req.url),
          headers: req.headers,
        }),
      },
    },
  };
}
