import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyStandardWebhook } from './verify-signature';

// The reference implementation signs; ours must agree.
const secret = `whsec_${Buffer.from('a-32-byte-secret-for-the-tests!!').toString('base64')}`;
const body = '{"guest":"ADA","seats":2}';
const now = new Date('2027-01-15T18:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);

function signedHeaders(id = 'msg_1') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(nowSeconds),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  };
}

describe('verifyStandardWebhook', () => {
  it('accepts what the standardwebhooks library signs', () => {
    expect(
      verifyStandardWebhook({ secret, headers: signedHeaders(), body: Buffer.from(body), nowSeconds }),
    ).toEqual({
      valid: true,
    });
  });

  it('accepts when any of several signatures matches (secret rotation)', () => {
    const headers = signedHeaders();
    headers['webhook-signature'] =
      `v1,${Buffer.alloc(32).toString('base64')} ${headers['webhook-signature']}`;
    expect(verifyStandardWebhook({ secret, headers, body: Buffer.from(body), nowSeconds }).valid).toBe(true);
  });

  it('rejects a changed body, another secret, a stale timestamp and missing headers', () => {
    const headers = signedHeaders();
    const other = `whsec_${Buffer.from('another-32-byte-secret-for-tests').toString('base64')}`;
    expect(verifyStandardWebhook({ secret, headers, body: Buffer.from(`${body} `), nowSeconds }).valid).toBe(
      false,
    );
    expect(verifyStandardWebhook({ secret: other, headers, body: Buffer.from(body), nowSeconds }).valid).toBe(
      false,
    );
    expect(
      verifyStandardWebhook({ secret, headers, body: Buffer.from(body), nowSeconds: nowSeconds + 301 }).valid,
    ).toBe(false);
    expect(verifyStandardWebhook({ secret, headers: {}, body: Buffer.from(body), nowSeconds })).toMatchObject(
      {
        valid: false,
        reason: expect.stringContaining('missing'),
      },
    );
  });
});
