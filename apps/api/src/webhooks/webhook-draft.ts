import type {
  BodyPair,
  ElementType,
  FilterCondition,
  HeaderPair,
  HttpMethod,
  JsonObject,
  Ordering,
  Trigger,
  WebhookStatus,
} from '@hookrelay/core';
import type { TargetPlugin } from '@hookrelay/targets';

/** A webhook about to be saved, secrets in plain text: what validation looks at. */
export interface WebhookDraft {
  name: string;
  status: WebhookStatus;
  trigger: Trigger;
  element: ElementType;
  method: HttpMethod;
  url: string;
  headers: HeaderPair[];
  body: BodyPair[];
  includeElementData: boolean;
  /** Settings validated, defaults applied. */
  target: { kind: string; plugin: TargetPlugin | undefined; settings: JsonObject } | null;
  retrySchedule: string | null;
  /** Requests per second; null: no limit. */
  rateLimit: number | null;
  /** All must hold for a change to give the webhook a job; [] for none. */
  filter: FilterCondition[];
  ordering: Ordering;
}
