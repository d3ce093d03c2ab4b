import { prettyFactory } from 'pino-pretty';

/**
 * One pino JSON line → one readable line: `[20:14:03] INFO: relay started {"port":3001,…}`, the time of
 * day in the launcher's time zone, Nest's context in brackets, an HTTP request as `GET /v1/groups 201
 * 12ms`. An error's stack follows on the next lines. Any other line (a config error, a stray print) is
 * returned as it is. Left out: pid, hostname and the logger's name, which every line of one service
 * shares (the launcher's prefix names the service), and the request and response objects.
 */
export function createLogLineFormatter(options: { colorize?: boolean } = {}): (line: string) => string {
  const pretty = prettyFactory({
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,name,context,req,res,responseTime',
    messageFormat: (log, messageKey) => {
      const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
      return `${context}${String(log[messageKey] ?? '')}${describeRequest(log)}`;
    },
    ...(options.colorize === undefined ? {} : { colorize: options.colorize }),
  });
  return (line) => {
    const log = parsePinoLine(line);
    if (!log) return line;
    return pretty(log)
      .trimEnd()
      .replace(/[ \t]+\n/g, '\n');
  };
}

/** pino's lines are JSON objects with a numeric level and a time. */
function parsePinoLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const log = value as Record<string, unknown>;
    return typeof log.level === 'number' && log.time !== undefined ? log : undefined;
  } catch {
    return undefined;
  }
}

/** pino-http's `req`/`res`/`responseTime` as ` GET /v1/groups 201 12ms`; empty for other lines. */
function describeRequest(log: Record<string, unknown>): string {
  const req = log.req as { method?: unknown; url?: unknown } | undefined;
  if (typeof req?.method !== 'string') return '';
  const res = log.res as { statusCode?: unknown } | undefined;
  const status = typeof res?.statusCode === 'number' ? ` ${res.statusCode}` : '';
  const time = typeof log.responseTime === 'number' ? ` ${log.responseTime}ms` : '';
  return ` ${req.method} ${String(req.url)}${status}${time}`;
}
