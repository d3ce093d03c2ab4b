/**
 * IPv4 literals as URL parsers and inet_aton read them: 1 to 4 parts, each decimal, octal (leading 0)
 * or hex (0x); the last part fills the remaining bytes. So '2130706433', '0177.0.0.1', '0x7f000001'
 * and '127.1' are all 127.0.0.1 — a check that only knows dotted quads is easy to get around.
 */
function parsePart(part: string): number | undefined {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^(0|[1-9]\d*)$/.test(part)) return Number(part);
  return undefined;
}

/** The address as an unsigned 32-bit number, or undefined when the text is not an IPv4 literal. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    if (part.length > 40) return undefined;
    const value = parsePart(part);
    if (value === undefined || !Number.isFinite(value)) return undefined;
    values.push(value);
  }
  const last = values.pop() ?? 0;
  if (values.some((value) => value > 255)) return undefined;
  if (last >= 256 ** (4 - values.length)) return undefined;
  return values.reduce((sum, value, i) => sum + value * 256 ** (3 - i), 0) + last;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** Strict dotted quad, as it may appear at the end of an IPv6 literal. */
export function parseDottedQuad(text: string): number | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  const bytes = text.split('.').map(Number);
  if (bytes.some((byte) => byte > 255)) return undefined;
  return bytes.reduce((sum, byte) => sum * 256 + byte, 0);
}
