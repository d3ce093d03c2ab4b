import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { waitUntil } from '@hookrelay/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnUntilFirstLine } from './helpers';

// Runs the built receiver, as `npm run receiver` does.
const receiverJs = resolve(__dirname, '..', 'dist', 'receiver.js');

describe('receiver', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('survives a client that aborts in the middle of its body, logs it, and keeps answering', async () => {
    const started = await spawnUntilFirstLine(process.execPath, [receiverJs, '--port', '0'], {
      timeoutMs: 20_000,
    });
    child = started.child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = Number(/:(\d+)\//.exec(started.line)?.[1]);
    expect(port).toBeGreaterThan(0);

    // Promise a 100-byte body, send 5 bytes, then hang up.
    await new Promise<void>((done, fail) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
        );
        setImmediate(() => socket.destroy());
      });
      socket.on('close', () => done());
      socket.on('error', fail);
    });
    await waitUntil(() => stderr.includes('ended before its body was read'), {
      timeoutMs: 2_000,
      describe: () => `the receiver's stderr: ${stderr}`,
    });
    expect(stderr).toContain('receiver: POST /hooks ended before its body was read');

    const after = await fetch(`http://127.0.0.1:${port}/hooks`, { method: 'POST', body: '{"ok":true}' });
    expect(after.status).toBe(204);
    expect(child.exitCode).toBeNull();
  });
});
