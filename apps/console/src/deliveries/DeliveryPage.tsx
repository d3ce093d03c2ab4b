import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { DeliveryStatusBadge } from '../ui/DeliveryStatusBadge';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { useWebhookNames } from '../webhooks/webhook-queries';
import { AttemptView } from './AttemptView';
import { useCancelDelivery, useDelivery, useRetryDelivery } from './delivery-queries';

/** One delivery: its change, its state, Retry and Cancel, and every attempt with request and response. */
export default function DeliveryPage() {
  const { m, format } = useI18n();
  const { id = '' } = useParams();
  const delivery = useDelivery(id);
  const names = useWebhookNames();
  const retry = useRetryDelivery();
  const cancel = useCancelDelivery();
  const d = delivery.data;
  const webhookName = names.data?.find((webhook) => webhook.id === d?.webhook_id)?.name;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/deliveries">{m.delivery.back}</Link>
      </p>
      <PageHeading>
        {m.delivery.title} <code className="heading-id">{id.slice(0, 8)}</code>
      </PageHeading>
      {delivery.isPending && <Loading />}
      {delivery.isError && <ErrorNotice error={delivery.error} onRetry={() => void delivery.refetch()} />}
      {d && (
        <>
          <dl className="facts facts--wide">
            <dt>{m.delivery.webhook}</dt>
            <dd>
              <Link to={`/webhooks/${d.webhook_id}`}>{webhookName ?? d.webhook_id}</Link>
            </dd>
            <dt>{m.delivery.change}</dt>
            <dd>
              {m.trigger[d.trigger]} · {m.element[d.element]}
            </dd>
            <dt>{m.delivery.elementId}</dt>
            <dd>
              <Link to={`/activity?element=${d.element}&id=${d.element_id}`}>
                <code>{d.element_id}</code>
              </Link>
            </dd>
            <dt>{m.delivery.status}</dt>
            <dd>
              <DeliveryStatusBadge status={d.status} />
              {d.paused && <span className="row-note">{m.deliveries.paused}</span>}
            </dd>
            {d.waiting_for && (
              <>
                <dt>{m.delivery.waitingFor}</dt>
                <dd>
                  {/* per-element ordering: the element's earlier delivery that goes first */}
                  <Link to={`/deliveries/${d.waiting_for}`}>
                    <code>{d.waiting_for.slice(0, 8)}</code>
                  </Link>
                </dd>
              </>
            )}
            <dt>{m.delivery.attempts}</dt>
            <dd>{d.attempts}</dd>
            <dt>{m.delivery.created}</dt>
            <dd>{format.dateTime(d.created_at)}</dd>
            {d.status === 'pending' && (
              <>
                <dt>{m.delivery.nextAttempt}</dt>
                <dd>{format.dateTime(d.next_attempt_at)}</dd>
              </>
            )}
            {d.completed_at && (
              <>
                <dt>{m.delivery.completed}</dt>
                <dd>{format.dateTime(d.completed_at)}</dd>
              </>
            )}
            {d.last_error && (
              <>
                <dt>{m.delivery.lastError}</dt>
                <dd>{d.last_error}</dd>
              </>
            )}
          </dl>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={retry.isPending}
              onClick={() => {
                cancel.reset();
                retry.mutate(d.id);
              }}
            >
              {m.delivery.retry}
            </button>
            {d.status === 'pending' && (
              <button
                type="button"
                className="button button--danger"
                disabled={cancel.isPending}
                onClick={() => {
                  retry.reset();
                  cancel.mutate(d.id);
                }}
              >
                {m.delivery.cancel}
              </button>
            )}
            <span role="status">
              {retry.isSuccess ? m.delivery.retried : cancel.isSuccess ? m.delivery.cancelled : ''}
            </span>
          </div>
          {retry.isError && <ErrorNotice error={retry.error} />}
          {cancel.isError && <ErrorNotice error={cancel.error} />}
          <h2>{m.delivery.attemptsTitle}</h2>
          {d.attempts_log.length === 0 && <p>{m.delivery.noAttempts}</p>}
          {[...d.attempts_log].reverse().map((attempt) => (
            <AttemptView key={attempt.attempt} attempt={attempt} />
          ))}
          {d.snapshot && (
            <details>
              <summary>{m.delivery.snapshot}</summary>
              <pre className="code-block" tabIndex={0}>
                {JSON.stringify(d.snapshot.data, null, 2)}
              </pre>
            </details>
          )}
        </>
      )}
    </>
  );
}
