import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { entities, runMigrations } from '@hookrelay/db';
import { DataSource } from 'typeorm';
import { AccountsService } from './accounts/accounts.service';
import { ApiKeysService } from './auth/api-keys.service';

const USAGE = `Usage: npm run cli -- accounts:create --name <name>

Commands:
  accounts:create --name <name>   create an account and print its API key (shown once)

Needs DATABASE_URL.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'accounts:create') {
    console.error(USAGE);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } });
  if (!values.name) {
    console.error('accounts:create needs --name <name>\n\n' + USAGE);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required');
    return 2;
  }
  await runMigrations(databaseUrl);
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, entities, logging: false });
  await dataSource.initialize();
  try {
    const account = await new AccountsService(dataSource, new ApiKeysService(dataSource)).createAccount(
      values.name,
    );
    console.log(`account ${account.id} (${account.name}) created`);
    console.log(`API key (shown once, store it now): ${account.apiKey}`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
