import type { JsonObject } from './json';
import type { ElementType, HttpMethod, Trigger, WebhookStatus } from './vocabulary';

export interface HeaderPair {
  key: string;
  /** Template; may use variables. */
  value: string;
  /** Secret values are encrypted at rest, masked in responses and redacted in attempt logs. */
  secret?: boolean;
}

export interface BodyPair {
  /** Dotted path (`properties.email`, `events.0.name`) building nested objects and arrays. */
  key: string;
  /** Template; a value that is exactly one variable keeps that variable's JSON type. */
  value: string;
}

export interface TargetBinding {
  kind: string;
  settings: JsonObject;
}

/** What the core needs to know of a webhook: plain data, as stored (secrets already decrypted). */
export interface WebhookDefinition {
  id: string;
  accountId: string;
  name: string;
  status: WebhookStatus;
  trigger: Trigger;
  element: ElementType;
  method: HttpMethod;
  url: string;
  headers: HeaderPair[];
  body: BodyPair[];
  includeElementData: boolean;
  target?: TargetBinding | null;
}

/** One committed change of one element: what trigger matching is asked about. */
export interface ElementChange {
  accountId: string;
  element: ElementType;
  trigger: Trigger;
  elementId: string;
}
