import { describe, expect, it } from 'vitest';
import { createSecretScrubber } from './scrub-secrets';

describe('createSecretScrubber', () => {
  const scrub = createSecretScrubber(
    ['tok_123456', 'shared "pw" 42', 'https://Hooks.example.com/services/T1/sekret', 'ab'],
    () => '[redacted]',
  );

  it('replaces a secret as is, JSON-escaped, percent- and form-encoded', () => {
    expect(scrub('Bearer tok_123456')).toBe('Bearer [redacted]');
    expect(scrub(JSON.stringify({ s: 'shared "pw" 42' }))).toBe('{"s":"[redacted]"}');
    expect(scrub(`?a=${encodeURIComponent('shared "pw" 42')}`)).toBe('?a=[redacted]');
    expect(scrub(`?${new URLSearchParams({ a: 'shared "pw" 42' }).toString()}`)).toBe('?a=[redacted]');
  });

  it('finds a URL secret in the form the URL parser gives it', () => {
    expect(scrub('https://hooks.example.com/services/T1/sekret')).toBe('[redacted]');
  });

  it('leaves secrets too short to search for alone', () => {
    expect(scrub('about cabs')).toBe('about cabs');
  });

  it('uses the replacement computed for each secret', () => {
    const masked = createSecretScrubber(['abcdef123'], (s) => `••••${s.slice(-4)}`);
    expect(masked('key=abcdef123')).toBe('key=••••f123');
  });
});
