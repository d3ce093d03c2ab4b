import { type ClientConfig } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';

/** Points a connection string at one schema (tests isolate each file in its own schema). */
export function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * A node-postgres config for a connection string, with server settings (`-c name=value ...`) added to its
 * options. Given as `options` beside the connection string instead, they would be dropped without a word
 * whenever the string has options of its own (a search_path, say): node-postgres prefers the string's.
 * The string is parsed by node-postgres' own parser, so every form it accepts still works (socket
 * directories, an empty host, a raw `%` in a password). Its own options come last: PostgreSQL applies
 * them in order, so a setting the operator wrote into the connection string wins over ours.
 */
export function clientConfigWithServerOptions(databaseUrl: string, options: string): ClientConfig {
  const config = parseIntoClientConfig(databaseUrl);
  return { ...config, options: config.options ? `${options} ${config.options}` : options };
}
