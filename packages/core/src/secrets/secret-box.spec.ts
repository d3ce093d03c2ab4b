import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBoxError } from '../errors';
import { maskSecret } from './mask-secret';
import { createSecretBox } from './secret-box';

const key = randomBytes(32).toString('base64');

describe('createSecretBox', () => {
  it('round-trips, with a fresh IV every time', () => {
    const box = createSecretBox(key);
    const sealed = box.encrypt('whsec_abc😀');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]*$/);
    expect(sealed).not.toContain('abc');
    expect(box.encrypt('whsec_abc😀')).not.toBe(sealed);
    expect(box.decrypt(sealed)).toBe('whsec_abc😀');
    expect(box.decrypt(box.encrypt(''))).toBe('');
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16).toString('base64'))).toThrow(
      expect.objectContaining({ code: 'secret_box_key_invalid' }),
    );
  });

  it('refuses tampered data, another key and unknown formats', () => {
    const box = createSecretBox(key);
    const sealed = box.encrypt('secret');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.');
    for (const attempt of [
      () => box.decrypt(tampered),
      () => createSecretBox(randomBytes(32).toString('base64')).decrypt(sealed),
      () => box.decrypt('v2.a.b.c'),
      () => box.decrypt('plain text'),
    ]) {
      expect(attempt).toThrow(SecretBoxError);
      expect(attempt).toThrow(expect.objectContaining({ code: 'secret_box_sealed_invalid' }));
    }
  });
});

describe('maskSecret', () => {
  it('shows at most the last 4 characters, none of a short secret', () => {
    expect(maskSecret('whsec_abcdefghijklmnop')).toBe('••••mnop');
    expect(maskSecret('short')).toBe('••••');
    expect(maskSecret('')).toBe('••••');
  });
});
