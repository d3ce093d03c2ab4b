import { describe, expect, it } from 'vitest';
import type { Prefill } from '@hookrelay/targets';
import { reprefill, type PrefilledFields } from './target-reprefill';

const prefill = (site: string): Prefill => ({
  method: 'POST',
  url: `${site}/wp-json/wp/v2/posts`,
  headers: [{ key: 'authorization', value: 'Basic {{settings.token}}', secret: true }],
  body: [{ key: 'title', value: '{{title}}' }],
  includeElementData: false,
});

describe('reprefill', () => {
  it('moves the fields that came from the plugin and keeps the ones the admin changed', () => {
    const before = prefill('https://old.example.com');
    const current: PrefilledFields = { ...before, body: [{ key: 'title', value: 'Event: {{title}}' }] };
    const result = reprefill({ current, before, after: prefill('https://new.example.com') });
    expect(result.url).toBe('https://new.example.com/wp-json/wp/v2/posts');
    expect(result.headers).toEqual(before.headers);
    expect(result.body).toEqual([{ key: 'title', value: 'Event: {{title}}' }]);
  });

  it('keeps every field when there was no plugin before', () => {
    const current: PrefilledFields = {
      ...prefill('https://mine.example.com'),
      url: 'https://mine.example.com/x',
    };
    expect(reprefill({ current, before: undefined, after: prefill('https://new.example.com') })).toBe(
      current,
    );
  });

  it('treats a header without `secret` like secret: false', () => {
    const before: Prefill = {
      ...prefill('https://a.example.com'),
      headers: [{ key: 'x', value: 'y', secret: false }],
    };
    const current: PrefilledFields = { ...before, headers: [{ key: 'x', value: 'y' }] };
    const after: Prefill = { ...before, headers: [{ key: 'x', value: 'z' }] };
    expect(reprefill({ current, before, after }).headers).toEqual([{ key: 'x', value: 'z' }]);
  });
});
