import { parseRetrySchedule, validateFilter, validateWebhookTemplates } from '@hookrelay/core';
import type { FieldError } from '@hookrelay/core';
import type { WebhookDraft } from './webhook-draft';

/** What is wrong with a draft short of where its URL sends: templates, filter and retry schedule. */
export function draftErrors(draft: WebhookDraft): FieldError[] {
  const errors = validateWebhookTemplates({
    element: draft.element,
    trigger: draft.trigger,
    method: draft.method,
    url: draft.url,
    headers: draft.headers,
    body: draft.body,
    settingsKeys: draft.target
      ? (draft.target.plugin?.settings.map((s) => s.key) ?? Object.keys(draft.target.settings))
      : [],
  });
  // checked against the element and trigger being saved: changing either may invalidate a condition
  errors.push(...validateFilter({ element: draft.element, trigger: draft.trigger, filter: draft.filter }));
  if (draft.retrySchedule !== null) {
    try {
      parseRetrySchedule(draft.retrySchedule);
    } catch (error) {
      errors.push({
        field: 'retry_schedule',
        message: error instanceof Error ? error.message : 'is invalid',
      });
    }
  }
  return errors;
}
