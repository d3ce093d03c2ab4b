import type { DeliveryStatus } from '../api/types';
import { useI18n } from '../i18n/i18n-context';

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { m } = useI18n();
  return <span className={`badge badge--${status}`}>{m.deliveryStatus[status]}</span>;
}
