/**
 * The destination a URL sends to: scheme, host and port, as the URL standard writes an origin (lower-case
 * host, default port left out), so `HTTPS://Example.com:443/a` and `https://example.com/b` are one
 * destination and share its flow control.
 */
export function destinationOrigin(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).origin;
}
