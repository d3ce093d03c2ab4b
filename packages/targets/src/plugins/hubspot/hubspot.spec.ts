import { describe, expect, it } from 'vitest';
import { renderPrefill, SAMPLE_RSVP } from '../../../test/render-prefill';
import { hubspot } from './index';

const settings = {
  access_token: 'pat-na1-11111111-2222-3333-4444-555555555555',
};

describe('hubspot', () => {
  it('sends the exact request for a new RSVP', () => {
    expect(renderPrefill({ plugin: hubspot, settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: 'https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert',
      headers: {
        authorization: 'Bearer pat-na1-11111111-2222-3333-4444-555555555555',
        'content-type': 'application/json',
      },
      body: {
        inputs: [
          {
            idProperty: 'email',
            id: 'ada@example.com',
            properties: {
              email: 'ada@example.com',
              firstname: 'Ada',
              lastname: 'Lovelace',
            },
          },
        ],
      },
    });
  });

  it('reports each missing required setting', () => {
    expect(hubspot.validate({})).toEqual([
      {
        field: 'target.settings.access_token',
        message: 'is required',
      },
    ]);
  });

  it('accepts its example settings', () => {
    expect(hubspot.validate(settings)).toEqual([]);
  });

  it('leaves the last name empty for a one-word name', () => {
    const snapshot = { ...SAMPLE_RSVP, name: 'Ada' };
    expect(
      renderPrefill({ plugin: hubspot, settings, element: 'rsvp', trigger: 'update', snapshot }).body,
    ).toMatchObject({
      inputs: [{ properties: { firstname: 'Ada', lastname: '' } }],
    });
  });

  it('is offered for RSVP creates and updates only', () => {
    expect(hubspot.supports).toEqual({ elements: ['rsvp'], triggers: ['create', 'update'] });
  });

  it('treats a 207 multi-status answer as a failed upsert', () => {
    const body = JSON.stringify({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [{ message: 'Property "firstname" is read-only' }],
    });
    expect(hubspot.classifyResponse?.({ status: 207, headers: {}, body })).toEqual({
      outcome: 'dead',
      reason: 'HubSpot rejected the contact: Property "firstname" is read-only',
    });
    expect(hubspot.classifyResponse?.({ status: 200, headers: {}, body: '{}' })).toBeUndefined();
  });
});
