import { describe, expect, it } from 'vitest';
import { parseRenderedUrl } from './url-rules';

describe('parseRenderedUrl', () => {
  it.each([
    'https://api.example.com/users/../admin',
    'https://api.example.com/users/./x',
    'https://api.example.com/users/..',
    'https://api.example.com/users/%2e%2E/admin',
    'https://api.example.com/users/.%2e',
    'https://api.example.com/users/%2E',
    'https://api.example.com/users\\..\\admin',
  ])('refuses a dot segment, which would move the request to another path: %s', (url) => {
    expect(parseRenderedUrl(url)).toEqual({ problem: expect.stringContaining("'.' or '..' segment") });
  });

  it.each([
    'https://api.example.com/users/...',
    'https://api.example.com/files/a..b/.env',
    'https://api.example.com/v1.2/x.json',
    'https://api.example.com/%252e%252e/x',
    'https://api.example.com?next=/../x',
    'https://api.example.com/x?path=..#/..',
  ])('accepts dots that are not a whole segment, and dots outside the path: %s', (url) => {
    expect(parseRenderedUrl(url)).toEqual({ url: new URL(url) });
  });
});
