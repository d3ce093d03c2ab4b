import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/use-test-app';

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const slack = (webhookUrl: string) => ({
  name: 'to Slack',
  element: 'rsvp',
  trigger: 'create',
  target: { kind: 'slack', settings: { webhook_url: webhookUrl } },
});

describe('SSRF at save time for URLs built from target settings and variables', () => {
  const { alice } = useTestApp({ callers: ['alice'] });

  it('renders {{settings.webhook_url}} with the real settings and refuses private targets, naming the setting', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.0.0.7/services/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://2130706433/x',
      'http://localhost:3000/x',
    ]) {
      const response = await alice.post('/v1/webhooks', slack(url));
      expect(response.status, url).toBe(400);
      expect(fieldsOf(response.body), url).toEqual(['target.settings.webhook_url']);
      expect(response.body.errors[0].message, url).toMatch(/private or reserved/);
      // The secret setting is not echoed back in the error.
      expect(JSON.stringify(response.body), url).not.toContain('/services/x');
    }
    const zapier = await alice.post('/v1/webhooks', {
      name: 'to Zapier',
      element: 'rsvp',
      trigger: 'create',
      target: { kind: 'zapier', settings: { webhook_url: 'http://192.168.1.20/hooks/catch/1/abc/' } },
    });
    expect(zapier.status).toBe(400);
    expect(fieldsOf(zapier.body)).toEqual(['target.settings.webhook_url']);
  });

  it('accepts public settings URLs and names that do not resolve, and re-checks on update', async () => {
    const ok = await alice.post('/v1/webhooks', slack('https://93.184.215.14/services/T0/B0/XXXX'));
    expect(ok.status).toBe(201);
    expect(ok.body.url).toBe('{{settings.webhook_url}}');
    expect(
      (await alice.post('/v1/webhooks', slack('https://hooks.not-yet-registered.invalid/x'))).status,
    ).toBe(201);

    const moved = await alice.patch(`/v1/webhooks/${ok.body.id}`, {
      target: { kind: 'slack', settings: { webhook_url: 'http://172.16.0.1/services/x' } },
    });
    expect(moved.status).toBe(400);
    expect(fieldsOf(moved.body)).toEqual(['target.settings.webhook_url']);
    // The masked secret sent back unchanged is the stored public URL: accepted.
    const kept = await alice.patch(`/v1/webhooks/${ok.body.id}`, { target: ok.body.target, name: 'renamed' });
    expect(kept.status).toBe(200);
  });

  it('names `url` when the admin writes the private address into the URL next to a target', async () => {
    const response = await alice.post('/v1/webhooks', {
      ...slack('https://93.184.215.14/services/T0/B0/XXXX'),
      url: 'http://127.0.0.1/{{id}}',
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['url']);
  });

  it('refuses a scheme, host or port built from element or delivery variables, whatever the address', async () => {
    for (const url of [
      'https://{{ email | split: "@" | last }}/x',
      'https://{{ id }}.example.com/x',
      'https://x{{ seats }}.example.com/x',
      'https://{{ delivery.id }}.example.com/x',
      'https://{% if fields.newsletter %}a{% else %}b{% endif %}.example.com/x',
      'http://example.com:{{seats}}/x',
      'http://93.184.215.14:80{{seats}}/x',
      '{% if seats > 5 %}https{% else %}http{% endif %}://93.184.215.14/x',
    ]) {
      const response = await alice.post('/v1/webhooks', {
        name: 'n',
        element: 'rsvp',
        trigger: 'create',
        method: 'POST',
        url,
      });
      expect(response.status, url).toBe(400);
      expect(fieldsOf(response.body), url).toEqual(['url']);
      expect(response.body.errors[0].message, url).toMatch(
        /scheme, host and port must be written out or come from target settings/,
      );
    }
    // Variables in the path and query are fine.
    const path = await alice.post('/v1/webhooks', {
      name: 'n',
      element: 'rsvp',
      trigger: 'create',
      method: 'POST',
      url: 'https://93.184.215.14/rsvps/{{id}}?email={{email}}&at={{delivery.timestamp}}',
    });
    expect(path.status).toBe(201);
  });
});

describe('SSRF at save time with HOOKRELAY_ALLOW_PRIVATE_TARGETS=true', () => {
  const { alice } = useTestApp({ config: { allowPrivateTargets: true }, callers: ['alice'] });

  it('accepts private settings URLs but still refuses hosts and ports built from element variables', async () => {
    const created = await alice.post('/v1/webhooks', slack('http://127.0.0.1:9/hook'));
    expect(created.status).toBe(201);
    expect(created.body.destination.origin).toBe('http://127.0.0.1:9');
    for (const url of ['http://{{ email | split: "@" | last }}:9/x', 'http://127.0.0.1:{{seats}}/x']) {
      const response = await alice.post('/v1/webhooks', {
        name: 'n',
        element: 'rsvp',
        trigger: 'create',
        method: 'POST',
        url,
      });
      expect(response.status, url).toBe(400);
      expect(fieldsOf(response.body), url).toEqual(['url']);
    }
  });
});
