import { formatIpv4, parseIpv4 } from './ipv4';
import { formatIpv6, parseIpv6 } from './ipv6';

export type ParsedAddress = { family: 4; value: number } | { family: 6; value: bigint };

/** Reads an IP literal in any form a URL or resolver accepts; undefined when it is a name. */
export function parseAddress(host: string): ParsedAddress | undefined {
  let text = host.trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

/** Normalises a host that is an IP literal ('2130706433', '0x7f.1', '[::1]') to its canonical text; undefined for a name. */
export function parseHostLiteral(host: string): string | undefined {
  const address = parseAddress(host);
  if (!address) return undefined;
  return address.family === 4 ? formatIpv4(address.value) : formatIpv6(address.value);
}
