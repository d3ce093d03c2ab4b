import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useBulkCancel } from './delivery-queries';
import { fromLocalInput, toLocalInput } from './local-time';

interface BulkCancelProps {
  webhookId: string | undefined;
  /** Named in the hint: the webhook whose deliveries are cancelled, or none for all of them. */
  webhookName: string | undefined;
  since: string | undefined;
  until: string | undefined;
}

/** Cancels the pending deliveries of the account (or of one webhook) created in a time range. */
export function BulkCancel({ webhookId, webhookName, since, until }: BulkCancelProps) {
  const { m } = useI18n();
  const id = useId();
  const cancel = useBulkCancel();
  const [range, setRange] = useState({ since: toLocalInput(since), until: toLocalInput(until) });
  const [confirming, setConfirming] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConfirming(true);
  }

  function confirm() {
    setConfirming(false);
    cancel.mutate({
      ...(webhookId ? { webhook_id: webhookId } : {}),
      ...(range.since ? { since: fromLocalInput(range.since) } : {}),
      ...(range.until ? { until: fromLocalInput(range.until) } : {}),
    });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.deliveries.bulkTitle}</h2>
      <p className="hint">{m.deliveries.bulkHint(webhookName ?? m.deliveries.bulkScopeAccount)}</p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-since`}>{m.deliveries.since}</label>
          <input
            id={`${id}-since`}
            type="datetime-local"
            value={range.since}
            onChange={(event) => setRange({ ...range, since: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-until`}>{m.deliveries.until}</label>
          <input
            id={`${id}-until`}
            type="datetime-local"
            value={range.until}
            onChange={(event) => setRange({ ...range, until: event.target.value })}
          />
        </div>
        <button type="submit" className="button button--danger" disabled={cancel.isPending}>
          {m.deliveries.bulkButton}
        </button>
      </form>
      <div role="status">{cancel.data && <p>{m.deliveries.bulkDone(cancel.data.cancelled)}</p>}</div>
      {cancel.isError && <ErrorNotice error={cancel.error} />}
      {confirming && (
        <ConfirmDialog
          title={m.deliveries.bulkTitle}
          body={m.deliveries.bulkConfirm}
          confirmLabel={m.deliveries.bulkConfirmButton}
          onConfirm={confirm}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
