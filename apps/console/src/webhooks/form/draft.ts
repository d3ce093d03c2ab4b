import type {
  CreateWebhookRequest,
  ElementType,
  FilterCondition,
  FilterOp,
  HttpMethod,
  Ordering,
  Trigger,
  Variable,
  Webhook,
  WebhookStatus,
} from '../../api/types';

/** One header or body row as edited; `id` keeps React's identity while rows are added and removed. */
export interface PairRow {
  id: string;
  key: string;
  value: string;
  secret: boolean;
}

/** One filter condition as edited: `value` is the text typed, read by the field's type on save. */
export interface ConditionRow {
  id: string;
  field: string;
  op: FilterOp;
  value: string;
}

/** The form's state. Rows keep their index on the wire, so `headers[2].value` errors find their row. */
export interface WebhookDraft {
  name: string;
  status: WebhookStatus;
  trigger: Trigger;
  element: ElementType;
  method: HttpMethod;
  url: string;
  headers: PairRow[];
  body: PairRow[];
  includeElementData: boolean;
  filter: ConditionRow[];
  /** The input's text; empty is no limit. */
  rateLimit: string;
  ordering: Ordering;
  target: Webhook['target'];
}

let nextRowId = 0;
export function newRowId(): string {
  nextRowId += 1;
  return `row-${nextRowId}`;
}

export function emptyPair(): PairRow {
  return { id: newRowId(), key: '', value: '', secret: false };
}

export function emptyCondition(): ConditionRow {
  return { id: newRowId(), field: '', op: 'eq', value: '' };
}

export function emptyDraft(): WebhookDraft {
  return {
    name: '',
    status: 'active',
    trigger: 'create',
    element: 'rsvp',
    method: 'POST',
    url: '',
    headers: [],
    body: [],
    includeElementData: true,
    filter: [],
    rateLimit: '',
    ordering: 'none',
    target: null,
  };
}

export function fromWebhook(webhook: Webhook): WebhookDraft {
  return {
    name: webhook.name,
    status: webhook.status,
    trigger: webhook.trigger,
    element: webhook.element,
    method: webhook.method,
    url: webhook.url,
    headers: webhook.headers.map((h) => ({ id: newRowId(), key: h.key, value: h.value, secret: !!h.secret })),
    body: webhook.body.map((b) => ({ id: newRowId(), key: b.key, value: b.value, secret: false })),
    includeElementData: webhook.include_element_data,
    filter: webhook.filter.map((c) => ({
      id: newRowId(),
      field: c.field,
      op: c.op,
      value: formatFilterValue(c.value),
    })),
    rateLimit: webhook.rate_limit === null ? '' : String(webhook.rate_limit),
    ordering: webhook.ordering ?? 'none',
    target: webhook.target,
  };
}

/**
 * A copy to save as a new webhook. Secret header values come masked from the API and a copy could
 * only store the mask, so they are emptied for the admin to enter again.
 */
export function duplicateDraft(webhook: Webhook, name: string): WebhookDraft {
  const draft = fromWebhook(webhook);
  return {
    ...draft,
    name,
    headers: draft.headers.map((h) => (h.secret ? { ...h, value: '' } : h)),
  };
}

export interface RequestOptions {
  /** The catalog's type of each filter field, to read typed values. */
  types?: ReadonlyMap<string, Variable['type']>;
  /** The stored webhook has `ordering`: send it even when `none`, so a change back to `none` is saved. */
  sendOrdering?: boolean;
}

/** The request body for create and update. Every row is sent, so error paths match the rows shown. */
export function toRequest(
  draft: WebhookDraft,
  { types = new Map(), sendOrdering = false }: RequestOptions = {},
): CreateWebhookRequest {
  const rateLimit = draft.rateLimit.trim();
  return {
    name: draft.name,
    status: draft.status,
    trigger: draft.trigger,
    element: draft.element,
    method: draft.method,
    url: draft.url,
    headers: draft.headers.map((h) => ({
      key: h.key,
      value: h.value,
      ...(h.secret ? { secret: true } : {}),
    })),
    body: draft.body.map((b) => ({ key: b.key, value: b.value })),
    include_element_data: draft.includeElementData,
    filter: draft.filter.map((c) => toCondition(c, types.get(c.field))),
    rate_limit: rateLimit === '' ? null : Number(rateLimit),
    // `none` is the API's default: sent only to change a stored ordering back, or to choose per_element
    ...(sendOrdering || draft.ordering !== 'none' ? { ordering: draft.ordering } : {}),
  };
}

function toCondition(row: ConditionRow, type: Variable['type'] | undefined): FilterCondition {
  const value = parseFilterValue(row.value, row.op, type);
  return { field: row.field, op: row.op, ...(value === undefined ? {} : { value }) };
}

/** A condition's typed text as the JSON value the API compares with, read by the field's type. */
export function parseFilterValue(text: string, op: FilterOp, type?: Variable['type']): unknown {
  const trimmed = text.trim();
  if (op === 'changed') return undefined;
  if (op === 'exists') return trimmed === '' ? undefined : trimmed !== 'false';
  if (op === 'in' || op === 'not_in') {
    return trimmed === ''
      ? []
      : trimmed
          .split(',')
          .map((item) => item.trim())
          .map((item) => parseScalar(item, type));
  }
  return parseScalar(text, type);
}

function parseScalar(text: string, type: Variable['type'] | undefined): unknown {
  const trimmed = text.trim();
  if (trimmed === 'null') return null;
  if (type === 'number' || type === undefined) {
    if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  }
  if (type === 'boolean' || type === undefined) {
    if (trimmed === 'true') return true;
    if (trimmed === 'false') return false;
  }
  return text;
}

export function formatFilterValue(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => formatFilterValue(item)).join(', ');
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
