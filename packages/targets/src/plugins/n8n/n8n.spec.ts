import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT, SAMPLE_RSVP, renderPrefill } from '../../../test/render-prefill';
import { n8n } from './index';

const settings = {
  webhook_url: 'https://n8n.example.com/webhook/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
};

describe('n8n', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: n8n, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://n8n.example.com/webhook/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        element_data: SAMPLE_RSVP,
        event: 'rsvp.created',
        delivery_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        occurred_at: '2025-03-01T09:30:00.000Z',
      },
    });
  });

  it('sends the exact request for a new event', () => {
    expect(renderPrefill({ plugin: n8n, settings, element: 'event', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://n8n.example.com/webhook/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      headers: {
        'content-type': 'application/json',
      },
      body: {
        element_data: SAMPLE_EVENT,
        event: 'event.created',
        delivery_id: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e',
        occurred_at: '2025-03-01T09:30:00.000Z',
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(n8n.validate({})).toEqual([
      {
        field: 'target.settings.webhook_url',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(n8n.validate(settings)).toEqual([]);
  });

  it("adds the Webhook node's Header Auth credential as a secret header", () => {
    const withAuth = { ...settings, auth_header_name: 'X-N8N-Auth', auth_header_value: 's3cret' };
    expect(n8n.validate(withAuth)).toEqual([]);
    expect(
      renderPrefill({ plugin: n8n, settings: withAuth, element: 'rsvp', trigger: 'delete' }),
    ).toMatchObject({
      headers: { 'x-n8n-auth': 's3cret' },
      body: { element_data: { id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f' }, event: 'rsvp.deleted' },
    });
    expect(n8n.prefill({ settings: withAuth, element: 'rsvp', trigger: 'create' }).headers).toEqual([
      { key: 'X-N8N-Auth', value: '{{settings.auth_header_value}}', secret: true },
    ]);
  });

  it('wants both auth header settings or neither, and a valid header name', () => {
    expect(n8n.validate({ ...settings, auth_header_name: 'X-Auth' })).toEqual([
      {
        field: 'target.settings.auth_header_value',
        message: 'is required when the other auth header setting is set',
      },
    ]);
    expect(n8n.validate({ ...settings, auth_header_name: 'Bad Header', auth_header_value: 'x' })).toEqual([
      { field: 'target.settings.auth_header_name', message: 'must be a valid HTTP header name' },
    ]);
  });
});
