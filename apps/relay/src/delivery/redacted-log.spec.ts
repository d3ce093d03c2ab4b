import { createSecretScrubber } from '@hookrelay/core';
import { describe, expect, it } from 'vitest';
import { redactedLog } from './prepare-request';
import { REDACTED } from './redacted';

describe('redactedLog', () => {
  const webhook = {
    secretHeaderNames: new Set(['authorization']),
    scrubSecrets: createSecretScrubber(
      ['Bearer tok_123456', 'https://hooks.slack.com/services/T1/B2/sekret', 'shared "pw" 42', 'ab'],
      () => REDACTED,
    ),
  };

  it('redacts secret headers by name and secret values wherever they appear', () => {
    const log = redactedLog(
      {
        method: 'POST',
        url: 'https://hooks.slack.com/services/T1/B2/sekret',
        headers: { authorization: 'Bearer tok_123456', 'x-echo': 'Bearer tok_123456', 'x-plain': 'ab' },
        body: JSON.stringify({ secret: 'shared "pw" 42', note: 'about' }),
      },
      webhook,
    );
    expect(log).toEqual({
      method: 'POST',
      url: '[redacted]',
      headers: { authorization: '[redacted]', 'x-echo': '[redacted]', 'x-plain': 'ab' },
      body: '{"secret":"[redacted]","note":"about"}',
    });
  });

  it('redacts a secret percent-encoded in a query string', () => {
    const log = redactedLog(
      {
        method: 'GET',
        url: `https://example.com/hook?token=${encodeURIComponent('shared "pw" 42')}&a=1`,
        headers: {},
        body: undefined,
      },
      webhook,
    );
    expect(log.url).toBe('https://example.com/hook?token=[redacted]&a=1');
    expect(log).not.toHaveProperty('body');
  });
});
