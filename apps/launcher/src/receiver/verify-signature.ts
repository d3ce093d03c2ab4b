import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** Standard Webhooks allows this much clock difference before a message counts as replayed. */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks the Standard Webhooks headers: `webhook-signature` holds space-separated `v1,<base64>`
 * entries (two during a secret rotation); one must be HMAC-SHA256(`id.timestamp.body`) keyed with the
 * base64 part of the `whsec_` secret. Written with node:crypto rather than the `standardwebhooks`
 * package so the receiver is an independent check of what the relay signs.
 */
export function verifyStandardWebhook(options: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  nowSeconds: number;
}): SignatureCheck {
  const header = (name: string) => {
    const value = options.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures)
    return { valid: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature' };
  const sentAt = Number(timestamp);
  if (!Number.isInteger(sentAt))
    return { valid: false, reason: `webhook-timestamp is not a number: ${timestamp}` };
  if (Math.abs(options.nowSeconds - sentAt) > TOLERANCE_SECONDS) {
    return { valid: false, reason: `webhook-timestamp is more than ${TOLERANCE_SECONDS} s away from now` };
  }
  const key = Buffer.from(options.secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(options.body).digest();
  const matches = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { valid: true } : { valid: false, reason: 'no v1 signature matches the secret' };
}
