import { describe, expect, it } from 'vitest';
import { createLogLineFormatter } from './log-line';
import { prefixLines } from './service-process';

const TIME = Date.UTC(2026, 11, 4, 18, 5, 9, 123);
/** The formatter shows the launcher's local time of day. */
const clock = (() => {
  const at = new Date(TIME);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
})();
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: TIME, pid: 4242, hostname: 'devbox', ...fields });

describe('the launcher’s log lines at a terminal', () => {
  const format = createLogLineFormatter({ colorize: false });

  it('turn a pino JSON line into one readable line: time of day, level, message, the other fields', () => {
    expect(format(line({ name: 'hookrelay-relay', msg: 'relay started', port: 3001, batchSize: 250 }))).toBe(
      `[${clock}] INFO: relay started {"port":3001,"batchSize":250}`,
    );
  });

  it('show Nest’s context before the message and no pid or hostname', () => {
    const out = format(line({ level: 40, context: 'Console', msg: 'no built console' }));
    expect(out).toBe(`[${clock}] WARN: [Console] no built console`);
    expect(out).not.toMatch(/4242|devbox/);
  });

  it('show an HTTP request as method, path, status and duration', () => {
    const out = format(
      line({
        req: { id: 7, method: 'POST', url: '/v1/groups', headers: { authorization: '[redacted]' } },
        res: { statusCode: 201, headers: {} },
        responseTime: 12,
        msg: 'request completed',
      }),
    );
    expect(out).toBe(`[${clock}] INFO: request completed POST /v1/groups 201 12ms`);
  });

  it('keep an error’s stack, on the lines that follow', () => {
    const out = format(
      line({
        level: 50,
        msg: 'claim failed',
        err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at claim' },
      }),
    );
    expect(out.split('\n')[0]).toBe(`[${clock}] ERROR: claim failed`);
    expect(out).toContain('at claim');
  });

  it('leave every other line as it is', () => {
    for (const text of [
      'Relay failed to start: DATABASE_URL is required',
      '  - PORT: must be a port number',
      '{ not json',
      '{"a":1}',
      '[1,2]',
      '',
    ])
      expect(format(text)).toBe(text);
  });

  it('keep the service’s prefix on every line of a formatted entry', () => {
    expect(prefixLines('api      | ', 'first\n  at second')).toBe(
      'api      | first\napi      |   at second\n',
    );
  });
});
