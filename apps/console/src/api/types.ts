import type { components } from './schema';

type Schemas = components['schemas'];

export type Webhook = Schemas['WebhookResponse'] & WebhookAdditions;
/** As listed and read one by one: with its delivery stats of the last 24 h. */
export type ListedWebhook = Schemas['WebhookWithStatsResponse'] & WebhookAdditions;
export type CreatedWebhook = Schemas['WebhookWithSecretResponse'] & WebhookAdditions;
export type CreateWebhookRequest = Schemas['CreateWebhookDto'] & { ordering?: Ordering };
export type UpdateWebhookRequest = Schemas['UpdateWebhookDto'] & { ordering?: Ordering };
export type Header = Schemas['HeaderDto'];
export type BodyPair = Schemas['BodyPairDto'];
export type FilterCondition = Schemas['FilterConditionDto'];
export type Preview = Schemas['PreviewResponse'];
/** 200 with the relay's first attempt, or 202 queued (its `attempt` is always null). */
export type TestDelivery =
  | Schemas['TestDeliveryResponse']
  | (Omit<Schemas['TestDeliveryQueuedResponse'], 'attempt'> & { attempt: null });
export type TestAttempt = Schemas['TestAttemptResponse'];

export type WebhookStatus = Webhook['status'];
export type Trigger = Webhook['trigger'];
export type ElementType = Webhook['element'];
export type HttpMethod = Webhook['method'];
export type FilterOp = FilterCondition['op'];

export type Variable = Schemas['VariableResponse'];
export type Target = Schemas['TargetResponse'];
export type SettingField = Schemas['SettingFieldResponse'];

export type Delivery = Schemas['DeliveryResponse'];
export type DeliveryDetail = Schemas['DeliveryDetailResponse'];
export type Attempt = Schemas['AttemptResponse'];
export type DeliveryStatus = Delivery['status'];

export type Activity = Schemas['ActivityResponse'];
export type FiringVerdict = Schemas['FiringVerdictResponse'];

export type ApiKey = Schemas['ApiKeyResponse'];
export type CreatedApiKey = Schemas['CreatedApiKeyResponse'];

export type Problem = Schemas['ProblemResponse'];
export type ConsoleSession = Schemas['ConsoleSessionResponse'];
export type WebhookStats = Schemas['WebhookStatsResponse'];
export type FieldError = Schemas['FieldErrorResponse'];

export const TRIGGERS = ['create', 'update', 'delete'] as const satisfies readonly Trigger[];
export const ELEMENT_TYPES = ['event', 'group', 'rsvp'] as const satisfies readonly ElementType[];
export const HTTP_METHODS = [
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'GET',
] as const satisfies readonly HttpMethod[];
export const WEBHOOK_STATUSES = ['active', 'disabled'] as const satisfies readonly WebhookStatus[];
export const FILTER_OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
  'changed',
] as const satisfies readonly FilterOp[];
export const DELIVERY_STATUSES = [
  'pending',
  'delivered',
  'dead',
  'cancelled',
] as const satisfies readonly DeliveryStatus[];

/** How one element's deliveries to a destination are sequenced (DESIGN §2). */
export type Ordering = 'none' | 'per_element';
export const ORDERINGS = ['none', 'per_element'] as const satisfies readonly Ordering[];

// `ordering` (DESIGN §2) is not in the OpenAPI document yet; optional until it is.
interface WebhookAdditions {
  ordering?: Ordering;
}
