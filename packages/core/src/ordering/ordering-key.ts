import type { ElementType, Ordering } from '../domain/vocabulary';

/**
 * The queue a job waits in under `per_element` ordering: one element at one destination. Jobs with the
 * same key go out one at a time in commit order, whichever of the account's webhooks made them, so a CMS
 * mirror's delete (one webhook) never overtakes the create (another webhook) of the same RSVP. Null under
 * `none`: the job goes out in parallel with the rest.
 *
 * The destination is the account's origin of the webhook's URL; a webhook not yet attached to one
 * (saved before destinations existed) stands for its own.
 */
export function orderingKey(input: {
  ordering: Ordering;
  destinationId: string | null;
  webhookId: string;
  element: ElementType;
  elementId: string;
}): string | null {
  if (input.ordering !== 'per_element') return null;
  const destination = input.destinationId ?? `webhook:${input.webhookId}`;
  return `${destination}/${input.element}/${input.elementId}`;
}
