import { Link, useParams, useSearchParams } from 'react-router';
import type { Webhook } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useWebhook } from '../webhook-queries';
import { duplicateDraft, emptyDraft, fromWebhook } from './draft';
import { WebhookEditor } from './WebhookEditor';

/** `/webhooks/new` (blank, or `?from=<id>` to duplicate) and `/webhooks/:id`. */
export default function WebhookFormPage() {
  const { m } = useI18n();
  const { id = null } = useParams();
  const [search] = useSearchParams();
  const from = id === null ? search.get('from') : null;
  const source = useWebhook(id ?? from);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{m.form.back}</Link>
      </p>
      <PageHeading>{id && source.data ? m.form.titleEdit(source.data.name) : m.form.titleNew}</PageHeading>
      {source.isLoading && <Loading />}
      {source.isError && <ErrorNotice error={source.error} onRetry={() => void source.refetch()} />}
      {id === null && from === null && <WebhookEditor key="new" webhook={null} initial={emptyDraft()} />}
      {id !== null && source.data && (
        <WebhookEditor key={id} webhook={source.data} initial={fromWebhook(source.data)} />
      )}
      {from !== null && source.data && <Duplicate webhook={source.data} />}
    </>
  );
}

function Duplicate({ webhook }: { webhook: Webhook }) {
  const { m } = useI18n();
  const hasSecrets = webhook.headers.some((header) => header.secret);
  return (
    <WebhookEditor
      key={`copy-${webhook.id}`}
      webhook={null}
      initial={duplicateDraft(webhook, m.form.copyOf(webhook.name))}
      {...(hasSecrets ? { notice: m.form.secretsNotCopied } : {})}
    />
  );
}
