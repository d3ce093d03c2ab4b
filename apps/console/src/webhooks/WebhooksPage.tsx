import { useState } from 'react';
import { Link } from 'react-router';
import type { Webhook } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { LoadMore } from '../ui/LoadMore';
import { PageHeading } from '../ui/PageHeading';
import { WebhookRow } from './WebhookRow';
import { useDeleteWebhook, useWebhookList } from './webhook-queries';

export function WebhooksPage() {
  const { m } = useI18n();
  const list = useWebhookList();
  const remove = useDeleteWebhook();
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const webhooks = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="page-header">
        <PageHeading>{m.webhooks.title}</PageHeading>
        <Link to="/webhooks/new" className="button button--primary">
          {m.webhooks.new}
        </Link>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {list.isSuccess && webhooks.length === 0 && <p>{m.webhooks.empty}</p>}
      {webhooks.length > 0 && (
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">{m.webhooks.name}</th>
              <th scope="col">{m.webhooks.active}</th>
              <th scope="col">{m.webhooks.trigger}</th>
              <th scope="col">{m.webhooks.method}</th>
              <th scope="col">{m.webhooks.host}</th>
              <th scope="col">{m.webhooks.lastDelivery}</th>
              <th scope="col">{m.webhooks.successRate}</th>
              <th scope="col">{m.webhooks.actions}</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <WebhookRow key={webhook.id} webhook={webhook} onDelete={() => setDeleting(webhook)} />
            ))}
          </tbody>
        </table>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {deleting && (
        <ConfirmDialog
          title={m.webhooks.confirmDelete(deleting.name)}
          body={m.webhooks.confirmDeleteBody}
          confirmLabel={m.webhooks.confirmDeleteButton}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            remove.mutate(deleting.id);
            setDeleting(null);
          }}
        />
      )}
    </>
  );
}
