import { runMigrations } from '@hookrelay/db';

/** Child-process entry of runMigrationsInChild. */
runMigrations(process.env.DATABASE_URL as string).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
