import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { checkHostLiteral, isForbiddenAddress } from '@hookrelay/core';
import type { FieldError } from '@hookrelay/core';
import { API_CONFIG, ApiConfig } from '../config';
import { UrlTemplate, fieldsNamingHost, resolveSaveTimeHost } from './save-time-host';

const DNS_TIMEOUT_MS = 3_000;

export const ELEMENT_HOST_MESSAGE =
  'the scheme, host and port must be written out or come from target settings: an origin built from ' +
  'element or delivery variables would let whoever writes the element choose where the request goes';

/** A URL that may be saved, with the destination it sends to; or why not. */
export type UrlCheck = { ok: true; origin: string } | { ok: false; errors: FieldError[] };

/**
 * SSRF check at save time (DESIGN §4). The URL is rendered with the webhook's real settings, so a URL
 * built from settings (`{{settings.webhook_url}}`) is checked like a literal one: a forbidden address,
 * or a name that resolves to one, is refused. A name that does not resolve (yet) is accepted: the relay
 * checks again after DNS, at delivery. An origin built from element or delivery variables is refused,
 * also when private targets are allowed: a webhook's destination is fixed when it is saved.
 */
@Injectable()
export class UrlSafetyChecker {
  private readonly allowPrivate: boolean;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.allowPrivate = config.allowPrivateTargets;
  }

  async check(template: UrlTemplate): Promise<UrlCheck> {
    const resolved = resolveSaveTimeHost(template);
    if (resolved.kind === 'element-dependent') {
      return { ok: false, errors: [{ field: 'url', message: ELEMENT_HOST_MESSAGE }] };
    }
    if (resolved.kind === 'unrenderable') {
      const fields = fieldsNamingHost(template);
      const message = `the URL does not render with these settings: ${resolved.problem}`;
      return { ok: false, errors: fields.map((field) => ({ field, message })) };
    }
    const reason = this.allowPrivate ? undefined : await forbiddenReason(resolved.host);
    if (!reason) return { ok: true, origin: resolved.origin };
    const message = `${reason}; such targets are refused (HOOKRELAY_ALLOW_PRIVATE_TARGETS=true allows them in development)`;
    return {
      ok: false,
      errors: fieldsNamingHost(template, resolved.host).map((field) => ({ field, message })),
    };
  }
}

/** Why a host may not be called, or undefined when it may. */
async function forbiddenReason(host: string): Promise<string | undefined> {
  const literal = checkHostLiteral(host);
  if (literal) return literal.forbidden ? `${host} is a private or reserved address` : undefined;
  const addresses = await resolveAll(host.replace(/^\[(.*)\]$/, '$1'));
  const forbidden = addresses.find((address) => isForbiddenAddress(address));
  return forbidden ? `${host} resolves to ${forbidden}, a private or reserved address` : undefined;
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
