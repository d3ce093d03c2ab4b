import { useId } from 'react';
import type { Webhook } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { RequestView } from '../../ui/RequestView';
import { elementIdOrSample, usePreview, useRecentElementIds } from './preview-queries';
import { SendTest } from './SendTest';
import { useDebounced } from './use-debounced';

interface PreviewPanelProps {
  webhook: Webhook;
  /** The form holds changes not saved yet: the preview still renders the saved webhook. */
  unsaved: boolean;
  elementText: string;
  onElementTextChange: (text: string) => void;
}

const DEBOUNCE_MS = 400;

/** The request the saved webhook would send, for sample data or a real element; and Send test. */
export function PreviewPanel({ webhook, unsaved, elementText, onElementTextChange }: PreviewPanelProps) {
  const { m } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const listId = useId();
  const elementId = elementIdOrSample(useDebounced(elementText, DEBOUNCE_MS));
  const recent = useRecentElementIds(webhook.id);
  const preview = usePreview({ webhookId: webhook.id, version: webhook.updated_at, elementId });

  return (
    <section className="panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{m.preview.title}</h2>
      {unsaved && (
        <p className="notice notice--info" role="status">
          {m.preview.unsaved}
        </p>
      )}
      <div className="field">
        <label htmlFor={inputId}>{m.preview.elementId}</label>
        <input
          id={inputId}
          type="text"
          list={listId}
          value={elementText}
          spellCheck={false}
          aria-describedby={hintId}
          onChange={(event) => onElementTextChange(event.target.value)}
        />
        <datalist id={listId}>
          {(recent.data ?? []).map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <p id={hintId} className="hint">
          {m.preview.elementHint}
        </p>
      </div>
      <h3 className="subheading">{m.preview.request}</h3>
      <div aria-live="polite" aria-busy={preview.isFetching}>
        {preview.isPending && <Loading />}
        {preview.isError && <ErrorNotice error={preview.error} />}
        {preview.data && <RequestView {...preview.data} />}
      </div>
      <SendTest webhook={webhook} elementId={elementIdOrSample(elementText)} />
    </section>
  );
}
