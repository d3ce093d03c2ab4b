import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startThrowawayPostgres } from '@hookrelay/db/embedded';
import { dataDirectory } from './paths';
import { exitCodeOf } from './exit-code';

/**
 * `with-database -- <command...>`: runs the command with DATABASE_URL set. When the caller already set
 * it, that server is used; otherwise a throwaway embedded PostgreSQL (database `test`) is started for
 * the run and deleted afterwards. Exits with the command's code.
 */
async function main(): Promise<number> {
  const separator = process.argv.indexOf('--');
  const command = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);
  const [program, ...args] = command;
  if (!program) {
    console.error('usage: with-database -- <command> [args...]');
    return 2;
  }
  if (process.env.DATABASE_URL) return run(program, args, process.env);

  const started = Date.now();
  const server = await startThrowawayPostgres({
    root: join(dataDirectory(), 'test-postgres'),
    database: 'test',
  });
  console.error(
    `with-database: embedded PostgreSQL on port ${server.port} (${Date.now() - started} ms), database "test"`,
  );
  try {
    return await run(program, args, { ...process.env, DATABASE_URL: server.url });
  } finally {
    await server.stop();
  }
}

/**
 * Runs the command in the foreground. Ctrl-C reaches it directly (same process group): we only keep
 * ourselves alive to stop the database after it. SIGTERM/SIGHUP sent to us alone are passed on.
 */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const ignore = () => undefined;
    process.on('SIGINT', ignore).on('SIGTERM', forward).on('SIGHUP', forward);
    child.once('error', (error) => {
      console.error(`with-database: cannot run ${program}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore).off('SIGTERM', forward).off('SIGHUP', forward);
      resolve(exitCodeOf(code, signal));
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('with-database:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
