import type { BodyPair, ElementType, HeaderPair, HttpMethod, JsonObject, Trigger } from '@hookrelay/core';

/** What a target plugin is: a plain, pure object. No I/O, no HTTP client. */

export const TARGET_CATEGORIES = ['cms', 'analytics', 'crm', 'notification', 'automation', 'data'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export const SETTING_TYPES = ['string', 'url', 'number', 'boolean', 'enum'] as const;
export type SettingType = (typeof SETTING_TYPES)[number];

export interface SettingField {
  /** snake_case; templates reference it as `{{settings.<key>}}`. */
  key: string;
  label: string;
  type: SettingType;
  required: boolean;
  /** Secret fields are encrypted at rest, masked in responses, redacted in logs. */
  secret?: boolean;
  description?: string;
  /** For type 'enum'. */
  options?: readonly string[];
  /** Applied when the setting is absent, so templates may always reference it. */
  default?: string | number | boolean;
  /** A realistic value: a placeholder for forms, and what the contract test fills in. */
  example?: string | number | boolean;
}

export interface FieldError {
  /** `target.settings.<key>` for settings errors. */
  field: string;
  message: string;
}

export interface PrefillInput {
  /** Validated, with defaults applied (see `prepareTarget`). */
  settings: JsonObject;
  element: ElementType;
  trigger: Trigger;
}

export interface Prefill {
  method: HttpMethod;
  /** May use `{{settings.x}}` and element variables. */
  url: string;
  /** Headers carrying credentials are marked `secret: true` so attempt logs redact them. */
  headers: HeaderPair[];
  body: BodyPair[];
  includeElementData: boolean;
}

export interface ResponseToClassify {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Possibly truncated. */
  body: string;
}

/** A plugin's refinement of the generic outcome (core's `classifyOutcome`). */
export type ResponseVerdict =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'dead'; reason: string; disableWebhook?: boolean };

export interface TargetPlugin {
  /** Unique, kebab-case (`slack`, `google-sheets`). */
  kind: string;
  displayName: string;
  category: TargetCategory;
  description?: string;
  docsUrl?: string;
  settings: readonly SettingField[];
  /** Elements and triggers the plugin makes sense for; omitted = all. */
  supports?: { elements?: readonly ElementType[]; triggers?: readonly Trigger[] };
  /** Field-level errors, field = `target.settings.<key>`. Empty = valid. */
  validate(settings: JsonObject): FieldError[];
  prefill(input: PrefillInput): Prefill;
  /**
   * Called for every HTTP response received (any status; not for network errors or timeouts), so a
   * destination that answers 2xx with an error in the body or a header can be caught, and a known
   * 4xx can get a precise reason. undefined = keep the generic verdict.
   */
  classifyResponse?(response: ResponseToClassify): ResponseVerdict | undefined;
}
