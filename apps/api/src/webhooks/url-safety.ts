import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isForbiddenAddress, parseHostLiteral } from '@hookrelay/core';
import type { FieldError } from '@hookrelay/core';
import { API_CONFIG, ApiConfig } from '../config';

const DNS_TIMEOUT_MS = 3_000;

/**
 * SSRF check at save time (DESIGN §4): a literal forbidden address, or a name that resolves to one, is
 * refused. A name that does not resolve (yet) is accepted: the relay checks again after DNS, at delivery.
 * A host built from variables cannot be known now and is left to the relay.
 */
@Injectable()
export class UrlSafetyChecker {
  private readonly allowPrivate: boolean;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.allowPrivate = config.allowPrivateTargets;
  }

  async check(urlTemplate: string): Promise<FieldError | undefined> {
    if (this.allowPrivate) return undefined;
    const host = hostOf(urlTemplate);
    if (host === undefined || host.includes('{')) return undefined;
    const literal = parseHostLiteral(host);
    if (literal !== undefined) {
      return isForbiddenAddress(literal) ? refusal(`${host} is a private or reserved address`) : undefined;
    }
    const addresses = await resolveAll(host);
    const forbidden = addresses.find((address) => isForbiddenAddress(address));
    return forbidden ? refusal(`${host} resolves to ${forbidden}, a private or reserved address`) : undefined;
  }
}

function refusal(reason: string): FieldError {
  return {
    field: 'url',
    message: `${reason}; such targets are refused (HOOKRELAY_ALLOW_PRIVATE_TARGETS=true allows them in development)`,
  };
}

/** The host of an http(s) URL template (brackets of an IPv6 literal removed), from the raw text. */
export function hostOf(urlTemplate: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(urlTemplate.trim());
  if (!match?.[1]) return undefined;
  const authority = match[1].slice(match[1].lastIndexOf('@') + 1);
  const bracketed = /^\[([^\]]*)\]/.exec(authority);
  if (bracketed) return bracketed[1];
  return authority.replace(/:[^:]*$/, '').toLowerCase();
}

async function resolveAll(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), DNS_TIMEOUT_MS);
  });
  try {
    const lookedUp = lookup(host, { all: true, verbatim: true }).then(
      (results) => results.map((r) => r.address),
      () => [] as string[],
    );
    return await Promise.race([lookedUp, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
