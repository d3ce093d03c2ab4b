import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sign-request';
import { generateSigningSecret } from './signing-secret';

const timestamp = new Date();
const body = JSON.stringify({ element_data: { id: 'r-1', name: 'Zoë "</script>"' } });

function verify(secret: string, headers: Record<string, string>, payload = body) {
  return new Webhook(secret).verify(payload, headers);
}

describe('signRequest (checked with the standardwebhooks package)', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);
  });

  it('produces headers that verify', () => {
    const secret = generateSigningSecret();
    const headers = signRequest({ id: 'msg_1', timestamp, body, secrets: [secret] });
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(timestamp.getTime() / 1000)));
    expect(verify(secret, { ...headers })).toEqual(JSON.parse(body));
  });

  it('fails verification for a tampered body', () => {
    const secret = generateSigningSecret();
    const headers = signRequest({ id: 'msg_1', timestamp, body, secrets: [secret] });
    expect(() => verify(secret, { ...headers }, body.replace('r-1', 'r-2'))).toThrow();
  });

  it('fails verification with a wrong secret', () => {
    const headers = signRequest({ id: 'msg_1', timestamp, body, secrets: [generateSigningSecret()] });
    expect(() => verify(generateSigningSecret(), { ...headers })).toThrow();
  });

  it('signs with every secret during a rotation, so old and new both verify', () => {
    const [oldSecret, newSecret] = [generateSigningSecret(), generateSigningSecret()];
    const headers = signRequest({ id: 'msg_2', timestamp, body, secrets: [newSecret, oldSecret] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(verify(oldSecret, { ...headers })).toBeTruthy();
    expect(verify(newSecret, { ...headers })).toBeTruthy();
    expect(() => verify(generateSigningSecret(), { ...headers })).toThrow();
  });

  it('refuses to sign without a secret', () => {
    expect(() => signRequest({ id: 'm', timestamp, body, secrets: [] })).toThrow(RangeError);
  });
});
