import type {
  BodyPair,
  ElementType,
  HeaderPair,
  HttpMethod,
  JsonObject,
  Trigger,
} from '@hookrelay/core';

/** What a target plugin is: a plain, pure object. No I/O, no HTTP client. */

export const TARGET_CATEGORIES = ['cms', 'analytics', 'crm', 'notification', 'automation', 'data'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export interface SettingField {
  key: string;
  label: string;
  type: 'string' | 'url' | 'number' | 'boolean' | 'enum';
  required: boolean;
  /** Secret fields are encrypted at rest, masked in responses, redacted in logs. */
  secret?: boolean;
  description?: string;
  /** For type 'enum'. */
  options?: readonly string[];
  default?: string | number | boolean;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface PrefillInput {
  settings: JsonObject;
  element: ElementType;
  trigger: Trigger;
}

export interface Prefill {
  method: HttpMethod;
  /** May use `{{settings.x}}` and element variables. */
  url: string;
  headers: HeaderPair[];
  body: BodyPair[];
  includeElementData: boolean;
}

export interface ResponseToClassify {
  status: number;
  headers: Record<string, string>;
  /** Possibly truncated. */
  body: string;
}

/** A plugin may refine the generic outcome when a destination answers 2xx with an error. */
export type ResponseVerdict =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'dead'; reason: string };

export interface TargetPlugin {
  kind: string;
  displayName: string;
  category: TargetCategory;
  description?: string;
  docsUrl?: string;
  settings: readonly SettingField[];
  /** Elements and triggers the plugin makes sense for; omitted = all. */
  supports?: { elements?: readonly ElementType[]; triggers?: readonly Trigger[] };
  validate(settings: JsonObject): FieldError[];
  prefill(input: PrefillInput): Prefill;
  /** Called for responses the generic classifier calls delivered; undefined = keep generic verdict. */
  classifyResponse?(response: ResponseToClassify): ResponseVerdict | undefined;
}
