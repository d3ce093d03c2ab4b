import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL- and cookie-safe: a session's cookie value or a sign-in link's path segment. */
export function generateConsoleToken(): string {
  return randomBytes(32).toString('base64url');
}

export const CONSOLE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Tokens are high-entropy, so a plain sha256 is enough and allows an indexed lookup (as for API keys). */
export function hashConsoleToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session's CSRF token, derived from its cookie token: nothing more to store, and unguessable
 * without the cookie, which scripts can't read (HttpOnly). Keyed differently from the stored hash, so
 * the hash in the database does not reveal it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('hookrelay console csrf').digest('base64url');
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
