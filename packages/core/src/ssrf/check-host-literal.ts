import { isForbiddenAddress } from './classify-address';
import { parseHostLiteral } from './parse-host-literal';

/** A host that is an IP literal: its canonical address, and whether it may not be called. */
export interface HostLiteral {
  address: string;
  forbidden: boolean;
}

/**
 * Judges a URL host (`[::1]`, `0x7f.1`, `2130706433`) that is an IP literal: nothing resolves such a
 * host, so it is judged as written. Undefined for a name, which only its DNS answers can judge.
 */
export function checkHostLiteral(host: string): HostLiteral | undefined {
  const address = parseHostLiteral(host);
  return address === undefined ? undefined : { address, forbidden: isForbiddenAddress(address) };
}
