import { DELIVERY_STATUSES, ELEMENT_TYPES, type DeliveryStatus, type ElementType } from '../api/types';

/** The account's delivery list filters, kept in the address so a filtered view can be shared. */
export interface DeliveryFilters {
  status?: DeliveryStatus;
  webhook_id?: string;
  element?: ElementType;
  element_id?: string;
  since?: string;
  until?: string;
}

const TEXT_KEYS = ['webhook_id', 'element_id', 'since', 'until'] as const;

export function readFilters(params: URLSearchParams): DeliveryFilters {
  const filters: DeliveryFilters = {};
  const status = params.get('status');
  if (DELIVERY_STATUSES.some((s) => s === status)) filters.status = status as DeliveryStatus;
  const element = params.get('element');
  if (ELEMENT_TYPES.some((e) => e === element)) filters.element = element as ElementType;
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function writeFilters(filters: DeliveryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}
