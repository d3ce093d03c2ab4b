import { useI18n } from '../i18n/i18n-context';

/** JSON shown indented; any other text as it is. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function HeadersTable({ caption, headers }: { caption: string; headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  return (
    <table className="table table--compact">
      <caption>{caption}</caption>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td className="cell--wrap">
              <code>{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An HTTP request as sent (or as it would be): method and URL, headers, body. */
export function RequestView({
  method,
  url,
  headers,
  body,
}: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}) {
  const { m } = useI18n();
  return (
    <div className="request-view">
      <p className="request-view__line">
        <code>
          <strong>{method}</strong> {url}
        </code>
      </p>
      <HeadersTable caption={m.preview.requestHeaders} headers={headers} />
      <h3 className="subheading">{m.preview.requestBody}</h3>
      {body === null || body === '' ? (
        <p className="muted">{m.preview.noBody}</p>
      ) : (
        <pre className="code-block" tabIndex={0}>
          {prettyBody(body)}
        </pre>
      )}
    </div>
  );
}
