import { Link } from 'react-router';
import type { ListedWebhook } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { DeliveryStatusBadge } from '../ui/DeliveryStatusBadge';
import { ErrorNotice } from '../ui/ErrorNotice';
import { urlHost } from './url-host';
import { useSetWebhookStatus } from './webhook-queries';

export function WebhookRow({ webhook, onDelete }: { webhook: ListedWebhook; onDelete: () => void }) {
  const { m, format } = useI18n();
  const setStatus = useSetWebhookStatus();
  const active = webhook.status === 'active';
  const stats = webhook.stats;
  const last = stats.last_delivery;

  return (
    <tr>
      <th scope="row" data-label={m.webhooks.name}>
        {webhook.name}
        {webhook.disabled_reason && (
          <span className="row-note">{m.webhooks.disabledBecause(webhook.disabled_reason)}</span>
        )}
        {webhook.destination?.circuit === 'open' && (
          <span className="row-note">{m.webhooks.circuitOpen}</span>
        )}
      </th>
      <td data-label={m.webhooks.active}>
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={active}
          aria-label={m.webhooks.toggle(webhook.name)}
          disabled={setStatus.isPending}
          onClick={() => setStatus.mutate({ id: webhook.id, status: active ? 'disabled' : 'active' })}
        >
          <span className="switch__track" aria-hidden="true" />
          <span className="switch__text">{m.webhookStatus[webhook.status]}</span>
        </button>
        {setStatus.isError && <ErrorNotice error={setStatus.error} />}
      </td>
      <td data-label={m.webhooks.trigger}>
        {m.trigger[webhook.trigger]} · {m.element[webhook.element]}
      </td>
      <td data-label={m.webhooks.method}>
        <code>{webhook.method}</code>
      </td>
      <td data-label={m.webhooks.host} className="cell--wrap">
        {urlHost(webhook.url, webhook.destination?.origin)}
      </td>
      <td data-label={m.webhooks.lastDelivery}>
        {last ? (
          <Link to={`/deliveries/${last.id}`} className="plain-link">
            <DeliveryStatusBadge status={last.status} />{' '}
            <time dateTime={last.at}>{format.dateTime(last.at)}</time>
          </Link>
        ) : (
          m.webhooks.noDeliveries
        )}
      </td>
      <td data-label={m.webhooks.successRate}>
        {stats.success_rate_24h !== null
          ? m.webhooks.rate(
              format.percent(stats.success_rate_24h),
              stats.delivered_24h,
              stats.delivered_24h + stats.dead_24h,
            )
          : m.common.none}
      </td>
      <td data-label={m.webhooks.actions}>
        <div className="row-actions">
          <Link to={`/webhooks/${webhook.id}`} aria-label={m.webhooks.editLabel(webhook.name)}>
            {m.webhooks.edit}
          </Link>
          <Link to={`/webhooks/new?from=${webhook.id}`} aria-label={m.webhooks.duplicateLabel(webhook.name)}>
            {m.webhooks.duplicate}
          </Link>
          <Link to={`/deliveries?webhook_id=${webhook.id}`} aria-label={m.webhooks.logLabel(webhook.name)}>
            {m.webhooks.log}
          </Link>
          <button
            type="button"
            className="link-button link-button--danger"
            aria-label={m.webhooks.deleteLabel(webhook.name)}
            onClick={onDelete}
          >
            {m.webhooks.delete}
          </button>
        </div>
      </td>
    </tr>
  );
}
