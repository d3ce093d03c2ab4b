import { toWellFormed } from './liquid-engine';

/** RFC 7230 `token`: the only characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 7230 field-value: visible ASCII, space, tab, obs-text. No CR, LF, NUL or other controls. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Headers the relay or HTTP itself sets: a webhook may not override them. The connection-level ones
 * (`expect`, `keep-alive`, `upgrade`, `proxy-connection`, `te`, `trailer`) are refused by undici at
 * send time, so they must be refused at save rather than fail every attempt.
 */
export const RESERVED_HEADERS = [
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'expect',
  'keep-alive',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
] as const;

export function headerNameProblem(name: string): string | undefined {
  if (!HEADER_NAME.test(name)) return "header name must be a token: letters, digits and !#$%&'*+-.^_`|~ only";
  if ((RESERVED_HEADERS as readonly string[]).includes(name.toLowerCase()))
    return `header '${name}' is set by hookrelay`;
  return undefined;
}

export function headerValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return 'header value must not contain line breaks';
  if (!HEADER_VALUE.test(value))
    return 'header value must not contain control characters or characters beyond Latin-1';
  return undefined;
}

/** What a header can't carry raw: controls but tab (CR/LF would split the header), DEL, beyond Latin-1. */
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/gu;

/**
 * Makes a rendered header value sendable whatever the data holds: every character a header can't carry
 * becomes its UTF-8 percent-escapes (`Zoë 日本` → `Zoë %E6%97%A5%E6%9C%AC`, a line break → `%0A`).
 * Latin-1 stays as it is; `%` itself is not escaped, so only the receiver knows which values to decode.
 */
export function encodeHeaderValue(value: string): string {
  return value.replace(UNSENDABLE, (character) => encodeURIComponent(toWellFormed(character)));
}
