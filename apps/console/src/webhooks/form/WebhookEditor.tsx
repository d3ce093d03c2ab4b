import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Webhook } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormErrorsProvider, toFieldErrors, type FieldErrors } from '../../ui/field-errors';
import { SecretValue } from '../../ui/SecretValue';
import { fromWebhook, toRequest, type WebhookDraft } from './draft';
import { ErrorSummary } from './ErrorSummary';
import { PreviewPanel } from './PreviewPanel';
import { signingSecretKey, useSaveWebhook } from './save-webhook';
import { TemplateInsertionProvider } from './template-insertion';
import { filterFields, useVariables } from './variables-query';
import { VariablesPanel } from './VariablesPanel';
import { WebhookFields } from './WebhookFields';

interface WebhookEditorProps {
  /** The stored webhook; null for a new one (blank or a copy). */
  webhook: Webhook | null;
  initial: WebhookDraft;
  /** Shown above the form, e.g. that a copy's secrets were not copied. */
  notice?: string;
}

const NO_ERRORS: FieldErrors = new Map();

export function WebhookEditor({ webhook, initial, notice }: WebhookEditorProps) {
  const { m } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formId = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [variablesOpen, setVariablesOpen] = useState(false);
  const [elementText, setElementText] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const variablesButton = useRef<HTMLButtonElement>(null);
  const panelId = `${formId}-variables`;
  const save = useSaveWebhook(webhook);

  // A new webhook's signing secret is shown on its first visit only, then forgotten.
  const [signingSecret] = useState(() =>
    webhook ? (queryClient.getQueryData<string>(signingSecretKey(webhook.id)) ?? null) : null,
  );
  useEffect(() => {
    if (webhook) queryClient.removeQueries({ queryKey: signingSecretKey(webhook.id) });
  }, [queryClient, webhook]);

  const catalog = useVariables({
    element: draft.element,
    trigger: draft.trigger,
    target: draft.target?.kind,
  });
  const fields = useMemo(() => filterFields(catalog.data ?? []), [catalog.data]);
  const types = useMemo(() => new Map(fields.map((field) => [field.name, field.type])), [fields]);
  const sendOrdering = webhook?.ordering !== undefined;
  const request = toRequest(draft, { types, sendOrdering });
  const unsaved =
    webhook !== null &&
    JSON.stringify(request) !== JSON.stringify(toRequest(fromWebhook(webhook), { types, sendOrdering }));

  useEffect(() => {
    if (errors.size > 0) summary.current?.focus();
  }, [errors]);

  function change(update: (current: WebhookDraft) => WebhookDraft) {
    setSaved(false);
    setDraft(update);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setErrors(NO_ERRORS);
    try {
      const result = await save.mutateAsync(request);
      if (webhook) {
        setDraft(fromWebhook(result));
        setSaved(true);
      } else {
        navigate(`/webhooks/${result.id}`, { replace: true });
      }
    } catch (failure) {
      if (failure instanceof ApiError && failure.fieldErrors.length > 0) {
        setErrors(toFieldErrors(failure.fieldErrors));
      }
    }
  }

  function closeVariables() {
    setVariablesOpen(false);
    variablesButton.current?.focus();
  }

  const saveFailure = save.error instanceof ApiError && save.error.fieldErrors.length > 0 ? null : save.error;

  return (
    <TemplateInsertionProvider>
      <FormErrorsProvider formId={formId} errors={errors}>
        {signingSecret && (
          <>
            <p role="status">{m.form.created}</p>
            <SecretValue label={m.form.signingSecret} value={signingSecret} />
          </>
        )}
        {notice && <p className="notice notice--info">{notice}</p>}
        {draft.target && <p className="notice notice--info">{m.form.target(draft.target.kind)}</p>}
        <div className="editor">
          <form className="editor__form stack" onSubmit={(event) => void submit(event)} noValidate>
            <ErrorSummary ref={summary} />
            <WebhookFields
              draft={draft}
              onChange={change}
              filterFields={fields}
              variablesButton={
                <button
                  ref={variablesButton}
                  type="button"
                  className="button"
                  aria-expanded={variablesOpen}
                  aria-controls={panelId}
                  onClick={() => (variablesOpen ? closeVariables() : setVariablesOpen(true))}
                >
                  {m.variables.button}
                </button>
              }
            />
            {saveFailure && <ErrorNotice error={saveFailure} />}
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {m.form.save}
              </button>
              <span role="status">
                {save.isPending ? m.form.saving : saved && !unsaved ? m.form.saved : ''}
              </span>
            </div>
          </form>
          <div className="editor__aside stack">
            {variablesOpen && (
              <VariablesPanel
                id={panelId}
                element={draft.element}
                trigger={draft.trigger}
                target={draft.target?.kind}
                onClose={closeVariables}
              />
            )}
            {webhook ? (
              <PreviewPanel
                webhook={webhook}
                unsaved={unsaved}
                elementText={elementText}
                onElementTextChange={setElementText}
              />
            ) : (
              <p className="panel muted">{m.preview.saveFirst}</p>
            )}
          </div>
        </div>
      </FormErrorsProvider>
    </TemplateInsertionProvider>
  );
}
