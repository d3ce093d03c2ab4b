import { describe, expect, it } from 'vitest';
import { formatBanner, type BannerFacts } from './banner';

const facts: BannerFacts = {
  apiUrl: 'http://127.0.0.1:3000',
  relayUrl: 'http://127.0.0.1:3001',
  database: ['embedded PostgreSQL in .data/postgres'],
  secrets: { encryptionKey: 'k'.repeat(44), demoApiKey: 'hr_demo_key_0123456789abcdef' },
  demoKeyFromEnv: false,
  allowPrivateTargets: true,
  startupMs: 2345,
};

describe('the npm start banner', () => {
  it('names the console at / and the demo key to sign in with', () => {
    const banner = formatBanner(facts);
    expect(banner).toMatch(
      /^ {2}console {8}http:\/\/127\.0\.0\.1:3000\/ {3}\(sign in with the demo API key\)$/m,
    );
    expect(banner).toMatch(/demo API key\s+hr_demo_key_0123456789abcdef$/m);
    expect(banner).toContain('Open http://127.0.0.1:3000/ and sign in with the demo API key');
  });

  it('never prints the encryption key', () => {
    expect(formatBanner(facts)).not.toContain(facts.secrets.encryptionKey);
  });
});
