import { Link } from 'react-router';
import { TRIGGERS, type FiringVerdict } from '../api/types';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n-context';

type WebhookFiring = components['schemas']['WebhookFiringResponse'];

/** Per webhook and per trigger: would a change fire it now, and if not, why. */
export function FiringTable({ webhooks }: { webhooks: readonly WebhookFiring[] }) {
  const { m } = useI18n();
  return (
    <table className="table table--stack">
      <thead>
        <tr>
          <th scope="col">{m.activity.webhook}</th>
          {TRIGGERS.map((trigger) => (
            <th key={trigger} scope="col">
              {m.trigger[trigger]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {webhooks.map((webhook) => (
          <tr key={webhook.id}>
            <th scope="row" data-label={m.activity.webhook}>
              <Link to={`/webhooks/${webhook.id}`}>{webhook.name}</Link>
            </th>
            {TRIGGERS.map((trigger) => (
              <td key={trigger} data-label={m.trigger[trigger]}>
                <Verdict verdict={webhook.fires[trigger]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Verdict({ verdict }: { verdict: FiringVerdict }) {
  const { m } = useI18n();
  if (verdict.would_fire) return <span className="badge badge--delivered">{m.activity.fires}</span>;
  switch (verdict.reason) {
    case 'disabled':
      return <span>{m.activity.reasonDisabled}</span>;
    case 'trigger':
      return <span className="muted">{m.activity.reasonTrigger}</span>;
    case 'filter':
    case null:
      return <span>{m.activity.reasonFilter(verdict.message ?? '')}</span>;
  }
}
