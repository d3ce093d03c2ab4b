import type { Attempt } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { HeadersTable, prettyBody, RequestView } from '../ui/RequestView';

/** The attempt log's request: what the relay sent (secret headers redacted). */
function sentRequest(request: Attempt['request']) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const headers =
    typeof request.headers === 'object' && request.headers !== null
      ? Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]))
      : {};
  const body =
    typeof request.body === 'string'
      ? request.body
      : request.body == null
        ? null
        : JSON.stringify(request.body);
  return { method: text(request.method), url: text(request.url), headers, body };
}

export function AttemptView({ attempt }: { attempt: Attempt }) {
  const { m, format } = useI18n();
  return (
    <article className="attempt">
      <h3>
        {m.delivery.attempt(attempt.attempt)} ·{' '}
        <time dateTime={attempt.created_at}>{format.dateTime(attempt.created_at)}</time>
      </h3>
      <dl className="facts">
        <dt>{m.delivery.outcome}</dt>
        <dd>{attempt.outcome}</dd>
        <dt>{m.delivery.responseStatus}</dt>
        <dd>{attempt.response_status ?? m.common.none}</dd>
        <dt>{m.delivery.duration}</dt>
        <dd>{attempt.duration_ms === null ? m.common.none : m.common.milliseconds(attempt.duration_ms)}</dd>
        {attempt.error && (
          <>
            <dt>{m.delivery.error}</dt>
            <dd>{attempt.error}</dd>
          </>
        )}
      </dl>
      <details>
        <summary>{m.delivery.request}</summary>
        <RequestView {...sentRequest(attempt.request)} />
      </details>
      <details open={attempt.response_status !== null}>
        <summary>{m.delivery.response}</summary>
        {attempt.response_headers && (
          <HeadersTable caption={m.delivery.responseHeaders} headers={attempt.response_headers} />
        )}
        <h4 className="subheading">{m.delivery.responseBody}</h4>
        {attempt.response_body ? (
          <pre className="code-block" tabIndex={0}>
            {prettyBody(attempt.response_body)}
          </pre>
        ) : (
          <p className="muted">{m.common.none}</p>
        )}
      </details>
    </article>
  );
}
