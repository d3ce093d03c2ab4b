import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Generated once for local development, kept in `.data/secrets.json` (mode 0600), stable afterwards. */
export interface LocalSecrets {
  /** HOOKRELAY_ENCRYPTION_KEY: 32 random bytes, base64. Losing it makes stored signing secrets unreadable. */
  encryptionKey: string;
  /** HOOKRELAY_BOOTSTRAP_API_KEY: the API makes sure an account owns it. */
  demoApiKey: string;
}

export async function readOrCreateLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = join(dataDir, 'secrets.json');
  let stored: Partial<LocalSecrets> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as Partial<LocalSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(
        `${file} is unreadable (${(error as Error).message}); fix or delete it (deleting loses stored secrets).`,
      );
    }
  }
  const secrets: LocalSecrets = {
    encryptionKey: stored.encryptionKey ?? randomBytes(32).toString('base64'),
    demoApiKey: stored.demoApiKey ?? `hr_${randomBytes(32).toString('base64url')}`,
  };
  if (secrets.encryptionKey !== stored.encryptionKey || secrets.demoApiKey !== stored.demoApiKey) {
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  await chmod(file, 0o600);
  return secrets;
}
