/** The host a payload URL names; templates may stand in it (`https://{{settings.domain}}/…`). */
export function urlHost(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
  const authority = match?.[1] ?? '';
  return authority.replace(/^[^@]*@/, '') || url;
}
