import { useId, useState, type FormEvent } from 'react';
import { DELIVERY_STATUSES, ELEMENT_TYPES, type DeliveryStatus, type ElementType } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { useWebhookNames } from '../webhooks/webhook-queries';
import type { DeliveryFilters } from './delivery-filters';
import { fromLocalInput, toLocalInput } from './local-time';

interface DeliveryFiltersFormProps {
  filters: DeliveryFilters;
  onApply: (filters: DeliveryFilters) => void;
}

/** Status, webhook, element, element id and time; applied together, so the list reloads once. */
export function DeliveryFiltersForm({ filters, onApply }: DeliveryFiltersFormProps) {
  const { m } = useI18n();
  const names = useWebhookNames();
  const id = useId();
  const [draft, setDraft] = useState({
    status: filters.status ?? '',
    webhook_id: filters.webhook_id ?? '',
    element: filters.element ?? '',
    element_id: filters.element_id ?? '',
    since: toLocalInput(filters.since),
    until: toLocalInput(filters.until),
  });
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      ...(draft.status ? { status: draft.status as DeliveryStatus } : {}),
      ...(draft.webhook_id ? { webhook_id: draft.webhook_id } : {}),
      ...(draft.element ? { element: draft.element as ElementType } : {}),
      ...(draft.element_id.trim() ? { element_id: draft.element_id.trim() } : {}),
      ...(draft.since ? { since: fromLocalInput(draft.since) } : {}),
      ...(draft.until ? { until: fromLocalInput(draft.until) } : {}),
    });
  }

  function clear() {
    setDraft({ status: '', webhook_id: '', element: '', element_id: '', since: '', until: '' });
    onApply({});
  }

  return (
    <form className="filters" aria-label={m.deliveries.filters} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{m.deliveries.status}</label>
        <select id={`${id}-status`} value={draft.status} onChange={set('status')}>
          <option value="">{m.common.all}</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {m.deliveryStatus[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-webhook`}>{m.deliveries.webhook}</label>
        <select id={`${id}-webhook`} value={draft.webhook_id} onChange={set('webhook_id')}>
          <option value="">{m.deliveries.allWebhooks}</option>
          {(names.data ?? []).map((webhook) => (
            <option key={webhook.id} value={webhook.id}>
              {webhook.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-element`}>{m.deliveries.element}</label>
        <select id={`${id}-element`} value={draft.element} onChange={set('element')}>
          <option value="">{m.common.all}</option>
          {ELEMENT_TYPES.map((element) => (
            <option key={element} value={element}>
              {m.element[element]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-element-id`}>{m.deliveries.elementId}</label>
        <input
          id={`${id}-element-id`}
          type="text"
          spellCheck={false}
          value={draft.element_id}
          onChange={set('element_id')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-since`}>{m.deliveries.since}</label>
        <input id={`${id}-since`} type="datetime-local" value={draft.since} onChange={set('since')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-until`}>{m.deliveries.until}</label>
        <input id={`${id}-until`} type="datetime-local" value={draft.until} onChange={set('until')} />
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {m.common.apply}
        </button>
        <button type="button" className="button" onClick={clear}>
          {m.common.clear}
        </button>
      </div>
    </form>
  );
}
