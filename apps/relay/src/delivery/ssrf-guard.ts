import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { type LookupFunction } from 'node:net';
import { checkHostLiteral, isForbiddenAddress } from '@hookrelay/core';

/** Raised (as a connection error) when a target resolves to an address the relay must not reach. */
export class SsrfRefusedError extends Error {
  readonly code = 'ERR_HOOKRELAY_SSRF';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`refused: ${host} resolves to a non-public address (${address})`);
    this.name = 'SsrfRefusedError';
  }
}

/**
 * Checks a URL whose host is an IP literal (node connects to those without any lookup, so the connector
 * hook below never sees them). Names are checked at connection time by `guardedLookup`.
 * Returns the refusal, or undefined when the URL may be tried.
 */
export function refuseLiteralTarget(url: URL): SsrfRefusedError | undefined {
  const literal = checkHostLiteral(url.hostname);
  return literal?.forbidden ? new SsrfRefusedError(url.hostname, literal.address) : undefined;
}

/**
 * A `lookup` for net/tls connect: resolves every address of the name, refuses the connection if any of
 * them is forbidden, and hands the socket only addresses it checked. The socket connects to what was
 * checked, so a second, different DNS answer (rebinding) cannot slip in; TLS SNI and Host still use the
 * name because only the lookup is replaced.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as LookupAddress[];
    const forbidden = list.find((a) => isForbiddenAddress(a.address));
    if (forbidden || list.length === 0) {
      return callback(new SsrfRefusedError(hostname, forbidden?.address ?? 'none'), '', 0);
    }
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, list);
    } else {
      const first = list[0] as LookupAddress;
      callback(null, first.address, first.family);
    }
  });
};

/** Finds an SSRF refusal anywhere in an error's cause chain. */
export function findSsrfRefusal(error: unknown): SsrfRefusedError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SsrfRefusedError) return e;
    if (e instanceof AggregateError) {
      const inner = e.errors.map(findSsrfRefusal).find(Boolean);
      if (inner) return inner;
    }
  }
  return undefined;
}
