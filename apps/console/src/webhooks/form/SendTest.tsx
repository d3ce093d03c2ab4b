import { Link } from 'react-router';
import type { TestDelivery, Webhook } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { DeliveryStatusBadge } from '../../ui/DeliveryStatusBadge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { prettyBody } from '../../ui/RequestView';
import { useSendTest } from './preview-queries';

/** Sends one delivery now (the element's data or sample data) and shows the relay's attempt. */
export function SendTest({ webhook, elementId }: { webhook: Webhook; elementId: string | null }) {
  const { m } = useI18n();
  const test = useSendTest(webhook.id);
  return (
    <div className="send-test">
      <button
        type="button"
        className="button"
        onClick={() => test.mutate(elementId)}
        disabled={test.isPending}
      >
        {m.test.send}
      </button>
      <div role="status" aria-live="polite">
        {test.isPending && <p>{m.test.sending}</p>}
        {test.data && <TestResult result={test.data} />}
      </div>
      {test.isError && <ErrorNotice error={test.error} />}
    </div>
  );
}

function TestResult({ result }: { result: TestDelivery }) {
  const { m } = useI18n();
  const attempt = result.attempt;
  return (
    <div className="test-result">
      <h3 className="subheading">{m.test.result}</h3>
      {attempt === null ? (
        <p>{m.test.queued}</p>
      ) : (
        <dl className="facts">
          <dt>{m.test.status}</dt>
          <dd>{attempt.response_status ?? m.test.noAnswer}</dd>
          <dt>{m.test.outcome}</dt>
          <dd>
            <DeliveryStatusBadge status={result.status} /> {attempt.outcome}
          </dd>
          <dt>{m.test.duration}</dt>
          <dd>{attempt.duration_ms === null ? m.common.none : m.common.milliseconds(attempt.duration_ms)}</dd>
          {attempt.error && (
            <>
              <dt>{m.test.error}</dt>
              <dd>{attempt.error}</dd>
            </>
          )}
          <dt>{m.test.responseBody}</dt>
          <dd>
            {attempt.response_body ? (
              <pre className="code-block" tabIndex={0}>
                {prettyBody(attempt.response_body)}
              </pre>
            ) : (
              m.common.none
            )}
          </dd>
        </dl>
      )}
      <p>
        <Link to={`/deliveries/${result.delivery_id}`}>{m.test.openDelivery}</Link>
      </p>
    </div>
  );
}
