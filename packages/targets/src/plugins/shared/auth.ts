import type { HeaderPair } from '@hookrelay/core';

/** `Authorization: Bearer {{settings.<key>}}`, marked secret so attempt logs redact it. */
export function bearerAuth(settingKey: string): HeaderPair {
  return { key: 'Authorization', value: `Bearer {{settings.${settingKey}}}`, secret: true };
}

/** HTTP Basic auth from settings, encoded at render time so a rotated password needs no template edit. */
export function basicAuth(input: { userKey: string; passwordKey?: string }): HeaderPair {
  const password = input.passwordKey ? ` | append: settings.${input.passwordKey}` : '';
  return {
    key: 'Authorization',
    value: `Basic {{ settings.${input.userKey} | append: ':'${password} | base64_encode }}`,
    secret: true,
  };
}
