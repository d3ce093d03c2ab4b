/** Points a connection string at one schema (tests isolate each file in its own schema). */
export function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * Adds server settings (`-c name=value ...`) to a connection string's `options`. node-postgres takes
 * `options` from the connection string over the one in its config object, so settings given beside a URL
 * that has options (a search_path, say) would be dropped without a word. The URL's own options come last:
 * PostgreSQL applies them in order, so a setting the operator wrote into the URL wins over ours.
 */
export function withServerOptions(databaseUrl: string, options: string): string {
  const url = new URL(databaseUrl);
  const own = url.searchParams.get('options');
  url.searchParams.set('options', own ? `${options} ${own}` : options);
  return url.toString();
}
