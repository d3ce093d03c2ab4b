import { describe, expect, it } from 'vitest';
import { aWebhook } from '../../../test/fixtures';
import { duplicateDraft, emptyDraft, fromWebhook, parseFilterValue, toRequest } from './draft';
import { insertAt } from './template-insertion';

describe('toRequest', () => {
  it('sends every row in order, so error paths name the rows shown', () => {
    const draft = {
      ...emptyDraft(),
      headers: [
        { id: 'a', key: '', value: '', secret: false },
        { id: 'b', key: 'Authorization', value: 'Bearer x', secret: true },
      ],
    };
    expect(toRequest(draft).headers).toEqual([
      { key: '', value: '' },
      { key: 'Authorization', value: 'Bearer x', secret: true },
    ]);
  });

  it('reads the rate limit as a number, empty as no limit', () => {
    expect(toRequest({ ...emptyDraft(), rateLimit: '12' }).rate_limit).toBe(12);
    expect(toRequest({ ...emptyDraft(), rateLimit: ' ' }).rate_limit).toBeNull();
  });

  it('leaves ordering out while it is the default and the stored webhook has none', () => {
    expect(toRequest(emptyDraft())).not.toHaveProperty('ordering');
    expect(toRequest({ ...emptyDraft(), ordering: 'per_element' }).ordering).toBe('per_element');
    expect(toRequest(emptyDraft(), { sendOrdering: true }).ordering).toBe('none');
  });

  it('types filter values by the catalog', () => {
    const draft = {
      ...emptyDraft(),
      filter: [
        { id: 'a', field: 'seats', op: 'gte' as const, value: '2' },
        { id: 'b', field: 'status', op: 'in' as const, value: 'yes, maybe' },
        { id: 'c', field: 'status', op: 'changed' as const, value: '' },
        { id: 'd', field: 'email', op: 'eq' as const, value: '42' },
      ],
    };
    const types = new Map([
      ['seats', 'number' as const],
      ['status', 'string' as const],
      ['email', 'string' as const],
    ]);
    expect(toRequest(draft, { types }).filter).toEqual([
      { field: 'seats', op: 'gte', value: 2 },
      { field: 'status', op: 'in', value: ['yes', 'maybe'] },
      { field: 'status', op: 'changed' },
      { field: 'email', op: 'eq', value: '42' },
    ]);
  });

  it('round-trips a stored webhook unchanged', () => {
    const webhook = aWebhook({
      headers: [{ key: 'X-Token', value: '••••abcd', secret: true }],
      body: [{ key: 'properties.email', value: '{{email}}' }],
      filter: [{ field: 'status', op: 'in', value: ['yes', 'maybe'] }],
      rate_limit: 5,
    });
    const request = toRequest(fromWebhook(webhook), { types: new Map([['status', 'string']]) });
    expect(request).toMatchObject({
      headers: webhook.headers,
      body: webhook.body,
      filter: webhook.filter,
      rate_limit: 5,
    });
  });
});

describe('parseFilterValue', () => {
  it('reads exists as presence unless false, and unknown fields as JSON scalars', () => {
    expect(parseFilterValue('', 'exists')).toBeUndefined();
    expect(parseFilterValue('false', 'exists')).toBe(false);
    expect(parseFilterValue('true', 'eq')).toBe(true);
    expect(parseFilterValue('3', 'eq')).toBe(3);
    expect(parseFilterValue('null', 'eq', 'string')).toBeNull();
    expect(parseFilterValue('draft', 'eq')).toBe('draft');
  });
});

describe('duplicateDraft', () => {
  it('empties secret header values, which come masked', () => {
    const draft = duplicateDraft(
      aWebhook({
        headers: [
          { key: 'Authorization', value: '••••abcd', secret: true },
          { key: 'X-Source', value: 'hookrelay' },
        ],
      }),
      'Copy',
    );
    expect(draft.name).toBe('Copy');
    expect(draft.headers.map((h) => h.value)).toEqual(['', 'hookrelay']);
  });
});

describe('insertAt', () => {
  it('replaces the selection and puts the caret after the insertion', () => {
    expect(insertAt('ab', { start: 1, end: 1 }, '{{x}}')).toEqual({ value: 'a{{x}}b', caret: 6 });
    expect(insertAt('a--b', { start: 1, end: 3 }, '{{x}}')).toEqual({ value: 'a{{x}}b', caret: 6 });
  });
});
