import { createTargetRegistry, BUILTIN_TARGET_PLUGINS, loadTargetPlugins } from '@hookrelay/targets';
import { describe, expect, it } from 'vitest';
import { plugin } from './index';

describe('hookrelay-target-example', () => {
  it('loads by its package name, as HOOKRELAY_TARGET_PLUGINS names it, and registers beside the built-ins', () => {
    const loaded = loadTargetPlugins(['hookrelay-target-example']);
    expect(loaded.map((p) => p.kind)).toEqual(['ntfy']);
    const registry = createTargetRegistry([...BUILTIN_TARGET_PLUGINS, ...loaded]);
    expect(registry.get('ntfy')?.displayName).toBe('ntfy (example plugin)');
  });

  it('prefills a notification for a new RSVP, with the token header only when a token is set', () => {
    const settings = { server_url: 'https://ntfy.sh', topic: 'rsvps' };
    expect(plugin.prefill({ settings, element: 'rsvp', trigger: 'create' })).toEqual({
      method: 'POST',
      url: '{{settings.server_url}}',
      headers: [],
      body: [
        { key: 'topic', value: '{{settings.topic}}' },
        { key: 'title', value: 'New rsvp' },
        { key: 'message', value: '{{name}} ({{email}}) answered {{status}} for {{seats}} seat(s)' },
        { key: 'tags.0', value: 'rsvp' },
      ],
      includeElementData: false,
    });
    expect(
      plugin.prefill({ settings: { ...settings, access_token: 'tk_x' }, element: 'event', trigger: 'delete' })
        .headers,
    ).toEqual([{ key: 'Authorization', value: 'Bearer {{settings.access_token}}', secret: true }]);
  });

  it('validates its settings', () => {
    expect(plugin.validate({})).toEqual([{ field: 'target.settings.topic', message: 'is required' }]);
    expect(plugin.validate({ topic: 'a b', server_url: 'ntfy.sh' })).toEqual([
      { field: 'target.settings.topic', message: 'must be 1-64 letters, digits, _ or -' },
      { field: 'target.settings.server_url', message: 'must be an http(s) URL' },
    ]);
  });
});
