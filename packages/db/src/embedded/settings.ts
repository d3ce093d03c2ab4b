import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

/** What a cluster needs across restarts, kept beside its data directory (`<dataDir>.json`, mode 0600). */
export interface ClusterSettings {
  /** Last port the server listened on; reused when still free. */
  port?: number;
  /** Password of the `postgres` role (initdb sets it; the server only listens on 127.0.0.1). */
  password: string;
}

export function settingsPath(dataDir: string): string {
  return `${dataDir}.json`;
}

export async function readOrCreateSettings(dataDir: string): Promise<ClusterSettings> {
  try {
    const parsed = JSON.parse(await readFile(settingsPath(dataDir), 'utf8')) as Partial<ClusterSettings>;
    if (typeof parsed.password === 'string' && parsed.password.length > 0) {
      return { password: parsed.password, ...(typeof parsed.port === 'number' ? { port: parsed.port } : {}) };
    }
  } catch {
    // Missing or unreadable: a new cluster gets new settings.
  }
  return { password: randomBytes(18).toString('base64url') };
}

export async function saveSettings(dataDir: string, settings: ClusterSettings): Promise<void> {
  await writeFile(settingsPath(dataDir), `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}
