import { describe, expect, it } from 'vitest';
import { openWebhookDefinition, type StoredWebhookDefinition } from './open-webhook';

const stored: StoredWebhookDefinition = {
  id: 'w1',
  accountId: 'a1',
  name: 'CRM',
  status: 'active',
  trigger: 'create',
  element: 'rsvp',
  method: 'POST',
  url: 'https://crm.example.com/{{id}}',
  headers: [
    { key: 'Authorization', value: 'sealed:token', secret: true },
    { key: 'X-Plain', value: 'plain' },
  ],
  body: [{ key: 'email', value: '{{email}}' }],
  includeElementData: true,
  targetKind: null,
  targetSettings: null,
};
const unsealer = {
  openValue: (sealed: string) => sealed.replace(/^sealed:/, ''),
  openSettings: (settings: Record<string, unknown>) => ({ ...settings, opened: true }),
};

describe('openWebhookDefinition', () => {
  it('opens secret header values only', () => {
    const definition = openWebhookDefinition(stored, unsealer);
    expect(definition.headers).toEqual([
      { key: 'Authorization', value: 'token', secret: true },
      { key: 'X-Plain', value: 'plain' },
    ]);
    expect(definition.target).toBeNull();
  });

  it('binds the target with its settings opened, {} when none are stored', () => {
    expect(openWebhookDefinition({ ...stored, targetKind: 'slack' }, unsealer).target).toEqual({
      kind: 'slack',
      settings: { opened: true },
    });
    expect(
      openWebhookDefinition({ ...stored, targetKind: 'slack', targetSettings: { a: 1 } }, unsealer).target,
    ).toEqual({ kind: 'slack', settings: { a: 1, opened: true } });
  });
});
