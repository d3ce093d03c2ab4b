import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { LoadMore } from '../ui/LoadMore';
import { PageHeading } from '../ui/PageHeading';
import { useWebhookNames } from '../webhooks/webhook-queries';
import { BulkCancel } from './BulkCancel';
import { readFilters, writeFilters } from './delivery-filters';
import { DeliveryFiltersForm } from './DeliveryFiltersForm';
import { useDeliveryList } from './delivery-queries';
import { DeliveryTable } from './DeliveryTable';
import { ReplayRange } from './ReplayRange';

/** The account's deliveries; with `?webhook_id=` one webhook's, which can also be replayed. */
export default function DeliveriesPage() {
  const { m } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const list = useDeliveryList(filters);
  const names = useWebhookNames();
  const webhookNames = useMemo(
    () => new Map((names.data ?? []).map((webhook) => [webhook.id, webhook.name])),
    [names.data],
  );
  const deliveries = list.data?.pages.flatMap((page) => page.items) ?? [];
  const webhookName = filters.webhook_id ? webhookNames.get(filters.webhook_id) : undefined;
  const filterKey = params.toString();

  return (
    <>
      <PageHeading>{m.deliveries.title}</PageHeading>
      <DeliveryFiltersForm
        key={filterKey}
        filters={filters}
        onApply={(next) => {
          const lang = params.get('lang');
          const nextParams = writeFilters(next);
          if (lang) nextParams.set('lang', lang);
          setParams(nextParams);
        }}
      />
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && deliveries.length === 0 && <p>{m.deliveries.empty}</p>}
      {deliveries.length > 0 && <DeliveryTable deliveries={deliveries} webhookNames={webhookNames} />}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      <div className="panels">
        <BulkCancel
          key={`cancel-${filterKey}`}
          webhookId={filters.webhook_id}
          webhookName={webhookName}
          since={filters.since}
          until={filters.until}
        />
        {filters.webhook_id ? (
          <ReplayRange key={`replay-${filters.webhook_id}`} webhookId={filters.webhook_id} />
        ) : (
          <section className="panel">
            <h2>{m.deliveries.replayTitle}</h2>
            <p className="hint">{m.deliveries.replayChooseWebhook}</p>
          </section>
        )}
      </div>
    </>
  );
}
