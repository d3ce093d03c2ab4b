import { describe, expect, it } from 'vitest';
import { urlHost } from './url-host';

describe('urlHost', () => {
  it('names the host, also when a template stands in it', () => {
    expect(urlHost('https://crm.example.com:8443/contacts/{{id}}')).toBe('crm.example.com:8443');
    expect(urlHost('https://{{settings.domain}}/wp-json')).toBe('{{settings.domain}}');
    expect(urlHost('https://user:pw@hooks.example.com/x')).toBe('hooks.example.com');
  });
});
