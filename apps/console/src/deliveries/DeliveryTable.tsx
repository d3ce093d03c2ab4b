import { Link } from 'react-router';
import type { Delivery } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { DeliveryStatusBadge } from '../ui/DeliveryStatusBadge';

interface DeliveryTableProps {
  deliveries: readonly Delivery[];
  /** Webhook names by id; a delivery of a webhook not listed shows its id. */
  webhookNames: ReadonlyMap<string, string>;
}

export function DeliveryTable({ deliveries, webhookNames }: DeliveryTableProps) {
  const { m, format } = useI18n();
  return (
    <table className="table table--stack">
      <thead>
        <tr>
          <th scope="col">{m.deliveries.created}</th>
          <th scope="col">{m.deliveries.webhook}</th>
          <th scope="col">{m.deliveries.change}</th>
          <th scope="col">{m.deliveries.elementId}</th>
          <th scope="col">{m.deliveries.status}</th>
          <th scope="col">{m.deliveries.attempts}</th>
          <th scope="col">{m.deliveries.lastAnswer}</th>
          <th scope="col">{m.deliveries.details}</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <td data-label={m.deliveries.created}>
              <time dateTime={delivery.created_at}>{format.dateTime(delivery.created_at)}</time>
            </td>
            <td data-label={m.deliveries.webhook}>
              {webhookNames.get(delivery.webhook_id) ?? <code>{delivery.webhook_id.slice(0, 8)}</code>}
            </td>
            <td data-label={m.deliveries.change}>
              {m.trigger[delivery.trigger]} · {m.element[delivery.element]}
            </td>
            <td data-label={m.deliveries.elementId} className="cell--wrap">
              <code>{delivery.element_id}</code>
            </td>
            <td data-label={m.deliveries.status}>
              <DeliveryStatusBadge status={delivery.status} />
              {delivery.paused && <span className="row-note">{m.deliveries.paused}</span>}
              {delivery.waiting_for && <span className="row-note">{m.deliveries.waitingFor}</span>}
            </td>
            <td data-label={m.deliveries.attempts}>{delivery.attempts}</td>
            <td data-label={m.deliveries.lastAnswer} className="cell--wrap">
              {delivery.last_status_code ?? delivery.last_error ?? m.common.none}
            </td>
            <td data-label={m.deliveries.details}>
              <Link to={`/deliveries/${delivery.id}`} aria-label={m.deliveries.detailsLabel(delivery.id)}>
                {m.deliveries.details}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
