import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createTestSchema } from '@hookrelay/db/testing';
import { describe, expect, it } from 'vitest';

interface LogLine {
  level: number;
  msg?: string;
}

/** Starts the built API (dist/main.js) with `env` and collects its JSON log lines until it has started. */
async function logsUntilStarted(env: Record<string, string>): Promise<LogLine[]> {
  const child = spawn(process.execPath, [join(__dirname, '../dist/main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      HOOKRELAY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: LogLine[] = [];
  try {
    return await new Promise<LogLine[]>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`API exited with ${code} before starting: ${stderr}`)));
      createInterface({ input: child.stdout }).on('line', (text) => {
        if (!text.startsWith('{')) return;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        if (line.msg?.includes('successfully started')) resolve(lines);
      });
    });
  } finally {
    child.kill('SIGTERM');
  }
}

describe('HOOKRELAY_OUTBOX=off', () => {
  it('logs a loud warning at start: benchmarks only, webhooks will not fire', async () => {
    const schema = await createTestSchema('api');
    try {
      const off = await logsUntilStarted({ DATABASE_URL: schema.url, HOOKRELAY_OUTBOX: 'off' });
      const warnings = off.filter((l) => l.level === 40).map((l) => l.msg ?? '');
      expect(warnings).toContainEqual(
        expect.stringMatching(/HOOKRELAY_OUTBOX=off: FOR BENCHMARKS ONLY.*NO WEBHOOK WILL FIRE/),
      );

      const on = await logsUntilStarted({ DATABASE_URL: schema.url, HOOKRELAY_OUTBOX: 'on' });
      expect(on.filter((l) => l.msg?.includes('HOOKRELAY_OUTBOX'))).toEqual([]);
    } finally {
      await schema.drop();
    }
  });
});
