import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'hr_';

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Keys are high-entropy, so a plain sha256 is enough (no slow hash needed) and allows an indexed lookup. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What is stored to recognise a key in lists, never enough to use it. */
export function keyPrefix(key: string): string {
  return key.slice(0, 8);
}
