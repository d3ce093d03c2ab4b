/** The fixed vocabularies of the domain, as data so validators and docs can list them. */

export const ELEMENT_TYPES = ['group', 'event', 'rsvp'] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

export const TRIGGERS = ['create', 'update', 'delete'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const WEBHOOK_STATUSES = ['active', 'disabled'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/**
 * `none`: a webhook's deliveries go out in parallel. `per_element`: one element's deliveries to one
 * destination go out one at a time, in commit order, across the account's `per_element` webhooks.
 */
export const ORDERINGS = ['none', 'per_element'] as const;
export type Ordering = (typeof ORDERINGS)[number];

/** Lifecycle of one delivery (one outbox job = one webhook x one element change). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What one HTTP attempt of a delivery came to, as its attempt log records it. */
export const ATTEMPT_OUTCOMES = ['delivered', 'retry', 'dead'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export const EVENT_STATUSES = ['draft', 'published'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const RSVP_STATUSES = ['yes', 'maybe', 'no'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

export function isElementType(value: unknown): value is ElementType {
  return (ELEMENT_TYPES as readonly unknown[]).includes(value);
}
export function isTrigger(value: unknown): value is Trigger {
  return (TRIGGERS as readonly unknown[]).includes(value);
}
export function isHttpMethod(value: unknown): value is HttpMethod {
  return (HTTP_METHODS as readonly unknown[]).includes(value);
}
