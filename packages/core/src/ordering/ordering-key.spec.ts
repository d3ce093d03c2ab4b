import { describe, expect, it } from 'vitest';
import { orderingKey } from './ordering-key';

const base = {
  destinationId: '6f1c1d0e-0000-4000-8000-000000000001',
  webhookId: '6f1c1d0e-0000-4000-8000-0000000000aa',
  element: 'rsvp' as const,
  elementId: '6f1c1d0e-0000-4000-8000-0000000000e1',
};

describe('orderingKey', () => {
  it('is null when the webhook does not ask for order', () => {
    expect(orderingKey({ ...base, ordering: 'none' })).toBeNull();
  });

  it('is shared by every per_element webhook of one destination for one element', () => {
    const create = orderingKey({ ...base, ordering: 'per_element', webhookId: 'w-create' });
    const remove = orderingKey({ ...base, ordering: 'per_element', webhookId: 'w-delete' });
    expect(create).not.toBeNull();
    expect(remove).toBe(create);
  });

  it('differs between elements, element types and destinations', () => {
    const key = orderingKey({ ...base, ordering: 'per_element' });
    expect(orderingKey({ ...base, ordering: 'per_element', elementId: 'other' })).not.toBe(key);
    expect(orderingKey({ ...base, ordering: 'per_element', element: 'event' })).not.toBe(key);
    expect(orderingKey({ ...base, ordering: 'per_element', destinationId: 'other' })).not.toBe(key);
  });

  it('falls back to the webhook for one without a destination', () => {
    const a = orderingKey({ ...base, ordering: 'per_element', destinationId: null });
    const b = orderingKey({ ...base, ordering: 'per_element', destinationId: null, webhookId: 'other' });
    expect(a).not.toBe(b);
  });
});
