import { describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../domain/vocabulary';
import { WebhookIndex } from './webhook-index';

interface Hook {
  id: string;
  accountId: string;
  element: 'group' | 'event' | 'rsvp';
  trigger: 'create' | 'update' | 'delete';
  status: WebhookStatus;
}
const hook = (id: string, patch: Partial<Hook> = {}): Hook => ({
  id,
  accountId: 'a1',
  element: 'rsvp',
  trigger: 'create',
  status: 'active',
  ...patch,
});
const change = { accountId: 'a1', element: 'rsvp', trigger: 'create', elementId: 'r1' } as const;

describe('WebhookIndex', () => {
  it('returns the active webhooks of the same account, element and trigger', () => {
    const index = new WebhookIndex([
      hook('fires'),
      hook('also-fires'),
      hook('disabled', { status: 'disabled' }),
      hook('other-account', { accountId: 'a2' }),
      hook('other-element', { element: 'event' }),
      hook('other-trigger', { trigger: 'update' }),
    ]);
    expect(
      index
        .match(change)
        .map((w) => w.id)
        .sort(),
    ).toEqual(['also-fires', 'fires']);
    expect(index.match({ ...change, accountId: 'nobody' })).toEqual([]);
  });

  it('replaces a webhook by id when it changes, and forgets removed ones', () => {
    const index = new WebhookIndex([hook('w')]);
    index.add(hook('w', { trigger: 'delete' }));
    expect(index.size).toBe(1);
    expect(index.match(change)).toEqual([]);
    expect(index.match({ ...change, trigger: 'delete' }).map((w) => w.id)).toEqual(['w']);
    index.remove(hook('w'));
    expect(index.match({ ...change, trigger: 'delete' })).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('fires a re-enabled webhook again', () => {
    const index = new WebhookIndex([hook('w', { status: 'disabled' })]);
    expect(index.match(change)).toEqual([]);
    index.add(hook('w'));
    expect(index.match(change)).toHaveLength(1);
  });
});
