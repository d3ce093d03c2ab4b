import { describe, expect, it } from 'vitest';
import { detectLocale } from './locale';

describe('detectLocale', () => {
  it('takes ?lang= first, then the browser’s languages in order', () => {
    expect(detectLocale('?lang=de', ['en-US'])).toBe('de');
    expect(detectLocale('?lang=EN', ['de-DE'])).toBe('en');
    expect(detectLocale('?lang=fr', ['fr-FR', 'de-CH', 'en'])).toBe('de');
    expect(detectLocale('', ['en-GB', 'de'])).toBe('en');
    expect(detectLocale('', ['ja'])).toBe('en');
  });
});
