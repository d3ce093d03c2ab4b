import type { Params } from 'nestjs-pino';

/** JSON logs; credentials and secret values never reach them. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
          '*.signing_secret',
          '*.previous_signing_secret',
          '*.apiKey',
        ],
        censor: '[redacted]',
      },
      // Request bodies are not logged: they may carry secret header values.
      serializers: {
        req: (req: { id: unknown; method: string; url: string; headers: Record<string, unknown> }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          headers: req.headers,
        }),
      },
    },
  };
}
