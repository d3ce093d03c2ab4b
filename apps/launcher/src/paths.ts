import { resolve } from 'node:path';

/** The repository checkout this launcher was built in (apps/launcher/dist → ../../..). */
export const repositoryRoot = resolve(__dirname, '..', '..', '..');

/** Local state: embedded clusters, generated keys. `HOOKRELAY_DATA_DIR` moves it (tests do). */
export function dataDirectory(): string {
  return resolve(process.env.HOOKRELAY_DATA_DIR ?? resolve(repositoryRoot, '.data'));
}
