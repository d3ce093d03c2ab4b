/** RFC 7230 `token`: the only characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 7230 field-value: visible ASCII, space, tab, obs-text. No CR, LF, NUL or other controls. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Headers the relay or HTTP itself sets: a webhook may not override them. */
export const RESERVED_HEADERS = [
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
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
