export * from './domain/vocabulary';
export type * from './domain/json';
export type * from './domain/webhook';
export {
  openWebhookDefinition,
  type StoredWebhookDefinition,
  type WebhookUnsealer,
} from './domain/open-webhook';
export type * from './domain/elements';

export * from './errors';

export { VARIABLE_TYPES, type VariableType, type VariableInfo, type FieldSpec } from './catalog/field-spec';
export { ELEMENT_CATALOG } from './catalog/element-catalog';
export { META_VARIABLES } from './catalog/meta-variables';
export { listVariables, type ListVariablesOptions } from './catalog/list-variables';
export type { SettingVariableSource } from './catalog/setting-variables';
export { sampleElement } from './catalog/sample-element';
export { sampleSnapshot } from './catalog/sample-snapshot';
export {
  RELATED_EVENT_KEYS,
  RELATED_GROUP_KEYS,
  relatedEvent,
  relatedGroup,
  type RelatedDataByType,
  type RelatedEvent,
  type RelatedGroup,
} from './catalog/related-data';
export { changeSnapshot, changedFields } from './catalog/change-snapshot';

export type { FieldError } from './templating/field-error';
export { TEMPLATE_LIMITS } from './templating/template-limits';
export { RESERVED_HEADERS } from './templating/header-rules';
export { MAX_BODY_ARRAY_INDEX, RESERVED_BODY_KEY } from './templating/body-key';
export {
  validateWebhookTemplates,
  type WebhookTemplatesInput,
} from './templating/validate-webhook-templates';

export { renderRequest, type RenderedRequest, type RenderRequestInput } from './rendering/render-request';

export { generateSigningSecret, SIGNING_SECRET_PREFIX } from './signing/signing-secret';
export { signRequest, type SignatureHeaders } from './signing/sign-request';

export { createSecretBox, type SecretBox } from './secrets/secret-box';
export { maskSecret } from './secrets/mask-secret';
export { createSecretScrubber, MIN_SCRUBBED_SECRET_LENGTH } from './secrets/scrub-secrets';

export {
  DEFAULT_RETRY_SCHEDULE,
  MAX_RETRY_ATTEMPTS,
  MAX_RETRY_STEP_MS,
  parseRetrySchedule,
} from './retry/retry-schedule';
export { nextRetryDelay, RETRY_JITTER } from './retry/next-retry-delay';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry/retry-after';
export { classifyOutcome, DELIVERY_ERRORS, type DeliveryError, type Outcome } from './retry/classify-outcome';

export {
  ADDRESS_CLASSES,
  classifyAddress,
  isForbiddenAddress,
  type AddressClass,
} from './ssrf/classify-address';
export { parseHostLiteral } from './ssrf/parse-host-literal';
export { checkHostLiteral, type HostLiteral } from './ssrf/check-host-literal';
export { retryWindowsMs } from './retry/retry-window';
export { orderingKey } from './ordering/ordering-key';

export {
  LIMIT_SIGNALS,
  allowedInFlight,
  limitSignalOf,
  nextLimit,
  startLimit,
  type AdaptiveLimit,
  type AdaptiveLimitPolicy,
  type LimitSignal,
} from './flow/adaptive-limit';
export {
  CIRCUIT_STATES,
  CLOSED_CIRCUIT,
  circuitAfter,
  probeDue,
  sameCircuit,
  type Circuit,
  type CircuitPolicy,
  type CircuitState,
  type CircuitTransition,
  type ReachabilityEvent,
} from './flow/circuit';
export { planClaim, type ClaimPlanInput, type DestinationRoom, type LaneDemand } from './flow/fair-share';
export { rateIntervalMs, rateSlots } from './flow/rate-slots';
export { destinationOrigin } from './flow/destination-origin';

export {
  FILTER_LIMITS,
  FILTER_OPS,
  isFilterOp,
  type FilterCondition,
  type FilterOp,
} from './filters/filter-condition';
export { validateFilter } from './filters/validate-filter';
export { describeFailedCondition, evaluateFilter, type FilterResult } from './filters/evaluate-filter';
export { jsonEqual } from './domain/json-equal';
export { MISS_REASONS, explainMatch, type MatchVerdict, type MissReason } from './matching/explain-match';
