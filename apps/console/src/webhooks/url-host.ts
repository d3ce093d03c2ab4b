/**
 * The host a payload URL names. Where a template stands in it (`{{settings.webhook_url}}`, a secret
 * setting), the destination's origin, which the API resolved from the settings when the webhook was
 * saved, names it; without one the template itself is shown.
 */
export function urlHost(url: string, destinationOrigin?: string | null): string {
  const host = authorityHost(url) || url;
  if (!host.includes('{{') || !destinationOrigin) return host;
  return authorityHost(destinationOrigin) || host;
}

function authorityHost(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
  return (match?.[1] ?? '').replace(/^[^@]*@/, '');
}
