import { runMigrations } from '../migrate';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set: point it at the PostgreSQL database to migrate.');
    process.exit(2);
  }
  const ran = await runMigrations(url);
  console.log(ran.length === 0 ? 'Schema is up to date.' : `Applied: ${ran.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error('Migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
