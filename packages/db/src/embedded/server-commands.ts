import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import type { PostgresBinaries } from './binaries';
import type { ServerUser } from './system-user';

export interface ServerCommands {
  run(binary: keyof PostgresBinaries, args: string[]): Promise<CommandResult>;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs initdb/pg_ctl as the server user, from the data directory's parent (our own working
 * directory may be unreachable for that user), with English messages so errors read the same everywhere.
 */
export function serverCommands(options: {
  binaries: PostgresBinaries;
  user: ServerUser;
  dataDir: string;
}): ServerCommands {
  const { binaries, user, dataDir } = options;
  return {
    run(binary, args) {
      return new Promise((resolve) => {
        execFile(
          binaries[binary],
          args,
          {
            cwd: dirname(dataDir),
            env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
            ...(user.uid !== undefined ? { uid: user.uid, gid: user.gid } : {}),
            timeout: 120_000,
          },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({
              code,
              stdout: String(stdout),
              stderr: String(stderr || (error && !stdout ? error.message : '')),
            });
          },
        );
      });
    },
  };
}
