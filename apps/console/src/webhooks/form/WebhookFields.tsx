import type { ReactNode } from 'react';
import {
  ELEMENT_TYPES,
  HTTP_METHODS,
  ORDERINGS,
  TRIGGERS,
  WEBHOOK_STATUSES,
  type ElementType,
  type HttpMethod,
  type Ordering,
  type Trigger,
  type Variable,
  type WebhookStatus,
} from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { Field } from '../../ui/Field';
import type { WebhookDraft } from './draft';
import { FilterRows } from './FilterRows';
import { PairRows } from './PairRows';
import { TemplateInput } from './TemplateInput';

interface WebhookFieldsProps {
  draft: WebhookDraft;
  onChange: (update: (draft: WebhookDraft) => WebhookDraft) => void;
  /** The Variables button, placed beside Trigger element. */
  variablesButton: ReactNode;
  filterFields: readonly Variable[];
}

/** Every field of a webhook (DESIGN §2), labelled as DESIGN §8 names them. */
export function WebhookFields({ draft, onChange, variablesButton, filterFields }: WebhookFieldsProps) {
  const { m } = useI18n();
  const set = <K extends keyof WebhookDraft>(key: K, value: WebhookDraft[K]) =>
    onChange((current) => ({ ...current, [key]: value }));

  return (
    <>
      <div className="form-grid">
        <Field path="name" label={m.form.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={draft.name}
              required
              aria-required
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </Field>
        <Field path="status" label={m.form.status}>
          {(control) => (
            <select
              {...control}
              value={draft.status}
              onChange={(event) => set('status', event.target.value as WebhookStatus)}
            >
              {WEBHOOK_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {m.webhookStatus[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="trigger" label={m.form.trigger}>
          {(control) => (
            <select
              {...control}
              value={draft.trigger}
              onChange={(event) => set('trigger', event.target.value as Trigger)}
            >
              {TRIGGERS.map((trigger) => (
                <option key={trigger} value={trigger}>
                  {m.trigger[trigger]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="element" label={m.form.element} aside={variablesButton}>
          {(control) => (
            <select
              {...control}
              value={draft.element}
              onChange={(event) => set('element', event.target.value as ElementType)}
            >
              {ELEMENT_TYPES.map((element) => (
                <option key={element} value={element}>
                  {m.element[element]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="method" label={m.form.method}>
          {(control) => (
            <select
              {...control}
              value={draft.method}
              onChange={(event) => set('method', event.target.value as HttpMethod)}
            >
              {HTTP_METHODS.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field path="url" label={m.form.url} hint={m.form.urlHint}>
        {(control) => (
          <TemplateInput
            {...control}
            value={draft.url}
            required
            aria-required
            inputMode="url"
            isFallback
            onValueChange={(url) => set('url', url)}
          />
        )}
      </Field>
      <PairRows
        path="headers"
        legend={m.form.headers}
        rows={draft.headers}
        onChange={(update) => onChange((current) => ({ ...current, headers: update(current.headers) }))}
        withSecret
        removeLabel={m.form.removeHeader}
      />
      <PairRows
        path="body"
        legend={m.form.body}
        hint={m.form.bodyHint}
        rows={draft.body}
        onChange={(update) => onChange((current) => ({ ...current, body: update(current.body) }))}
        withSecret={false}
        removeLabel={m.form.removeBodyPair}
      />
      <Field path="include_element_data" label={m.form.includeElementData} inline>
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={draft.includeElementData}
            onChange={(event) => set('includeElementData', event.target.checked)}
          />
        )}
      </Field>
      <FilterRows
        rows={draft.filter}
        onChange={(update) => onChange((current) => ({ ...current, filter: update(current.filter) }))}
        trigger={draft.trigger}
        fields={filterFields}
      />
      <div className="form-grid">
        <Field path="rate_limit" label={m.form.rateLimit} hint={m.form.rateLimitHint}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={10000}
              step={1}
              inputMode="numeric"
              value={draft.rateLimit}
              onChange={(event) => set('rateLimit', event.target.value)}
            />
          )}
        </Field>
        <Field path="ordering" label={m.form.ordering} hint={m.form.orderingHint}>
          {(control) => (
            <select
              {...control}
              value={draft.ordering}
              onChange={(event) => set('ordering', event.target.value as Ordering)}
            >
              {ORDERINGS.map((ordering) => (
                <option key={ordering} value={ordering}>
                  {m.ordering[ordering]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
