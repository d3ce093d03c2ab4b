import { runMigrations } from '@hookrelay/db';
import { ConfigError, loadConfig } from './config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  await runMigrations(config.databaseUrl);
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port);
}

main().catch((error: unknown) => {
  // Configuration errors are for humans: print the list, not a stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
