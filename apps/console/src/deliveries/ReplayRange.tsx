import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { REPLAYABLE_STATUSES, useReplay, type ReplayableStatus } from './delivery-queries';
import { fromLocalInput, toLocalInput } from './local-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sends a webhook's deliveries of a time range again, as new deliveries; continues a truncated run. */
export function ReplayRange({ webhookId }: { webhookId: string }) {
  const { m } = useI18n();
  const id = useId();
  const replay = useReplay();
  const [since, setSince] = useState(() => toLocalInput(new Date(Date.now() - DAY_MS).toISOString()));
  const [until, setUntil] = useState('');
  const [statuses, setStatuses] = useState<ReplayableStatus[]>(['delivered', 'dead']);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const previous = replay.data;
    replay.mutate({
      webhookId,
      since: fromLocalInput(since),
      status: statuses,
      // A truncated replay continues where it stopped, over the range it answered.
      ...(previous?.truncated && previous.next_cursor
        ? { cursor: previous.next_cursor, until: previous.until }
        : until
          ? { until: fromLocalInput(until) }
          : {}),
    });
  }

  function toggle(status: ReplayableStatus, on: boolean) {
    setStatuses((current) => (on ? [...current, status] : current.filter((s) => s !== status)));
    replay.reset();
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.deliveries.replayTitle}</h2>
      <p className="hint">{m.deliveries.replayHint}</p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-since`}>{m.deliveries.since}</label>
          <input
            id={`${id}-since`}
            type="datetime-local"
            required
            value={since}
            onChange={(event) => {
              setSince(event.target.value);
              replay.reset();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-until`}>{m.deliveries.until}</label>
          <input
            id={`${id}-until`}
            type="datetime-local"
            value={until}
            onChange={(event) => {
              setUntil(event.target.value);
              replay.reset();
            }}
          />
        </div>
        <fieldset className="checks">
          <legend>{m.deliveries.replayStatuses}</legend>
          {REPLAYABLE_STATUSES.map((status) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(event) => toggle(status, event.target.checked)}
              />
              {m.deliveryStatus[status]}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button"
          disabled={replay.isPending || statuses.length === 0 || since === ''}
        >
          {m.deliveries.replayButton}
        </button>
      </form>
      <div role="status">
        {replay.data && (
          <p>
            {m.deliveries.replayDone(replay.data.replayed)}{' '}
            {replay.data.truncated && m.deliveries.replayTruncated}
          </p>
        )}
      </div>
      {replay.isError && <ErrorNotice error={replay.error} />}
    </section>
  );
}
