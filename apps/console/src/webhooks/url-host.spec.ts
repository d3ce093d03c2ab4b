import { describe, expect, it } from 'vitest';
import { urlHost } from './url-host';

describe('urlHost', () => {
  it('names the host, also when a template stands in it', () => {
    expect(urlHost('https://crm.example.com:8443/contacts/{{id}}')).toBe('crm.example.com:8443');
    expect(urlHost('https://{{settings.domain}}/wp-json')).toBe('{{settings.domain}}');
    expect(urlHost('https://user:pw@hooks.example.com/x')).toBe('hooks.example.com');
  });

  it("names a templated URL's host by the destination the API resolved", () => {
    expect(urlHost('{{settings.webhook_url}}', 'https://hooks.slack.com')).toBe('hooks.slack.com');
    expect(urlHost('https://{{settings.domain}}/wp-json', 'https://cms.example.org:8443')).toBe(
      'cms.example.org:8443',
    );
    expect(urlHost('{{settings.webhook_url}}', null)).toBe('{{settings.webhook_url}}');
    // a fixed host stays as written
    expect(urlHost('https://crm.example.com/x', 'https://other.example.com')).toBe('crm.example.com');
  });
});
