import { fork } from 'node:child_process';
import path from 'node:path';

/**
 * Runs the migrations in a short-lived child process: TypeORM (which @hookrelay/db migrates with) then
 * never loads into the relay, whose memory stays lean for deliveries.
 */
export function runMigrationsInChild(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'migrate-main.js'), [], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`migrations failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
