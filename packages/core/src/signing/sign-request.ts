import { createHmac } from 'node:crypto';
import { signingKey } from './signing-secret';

export interface SignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks signature headers: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, one per
 * active secret (old and new during a rotation), space-separated.
 */
export function signRequest(input: {
  id: string;
  timestamp: Date;
  body: string;
  secrets: string[];
}): SignatureHeaders {
  if (input.secrets.length === 0) throw new RangeError('signRequest needs at least one secret');
  const timestamp = String(Math.floor(input.timestamp.getTime() / 1000));
  const content = `${input.id}.${timestamp}.${input.body}`;
  const signatures = input.secrets.map(
    (secret) => `v1,${createHmac('sha256', signingKey(secret)).update(content, 'utf8').digest('base64')}`,
  );
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}
