import type { LoggerService } from '@nestjs/common';
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

/**
 * Nest's contexts that log a line per module, controller and route at every start: what the code
 * declares, not what an operator acts on (the OpenAPI document lists the routes).
 */
const START_DETAIL_CONTEXTS: ReadonlySet<unknown> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
]);

/** Nest's logger with the start-up detail at debug; "Nest application successfully started" stays. */
export function withStartDetailAtDebug(logger: LoggerService): LoggerService {
  const isStartDetail = (params: unknown[]) => START_DETAIL_CONTEXTS.has(params.at(-1));
  return {
    log: (message: unknown, ...params: unknown[]) =>
      isStartDetail(params) ? logger.debug?.(message, ...params) : logger.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}
