import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/api-context';
import { unwrap } from '../api/problem';
import { ELEMENT_TYPES, type ElementType } from '../api/types';
import { DeliveryTable } from '../deliveries/DeliveryTable';
import { useI18n } from '../i18n/i18n-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { FiringTable } from './FiringTable';

function asElement(value: string | null): ElementType {
  return ELEMENT_TYPES.find((element) => element === value) ?? 'rsvp';
}

/** `?element=&id=`: an element's deliveries and, per webhook, whether it would fire now and why not. */
export default function ActivityPage() {
  const { m } = useI18n();
  const api = useApi();
  const formId = useId();
  const [params, setParams] = useSearchParams();
  const shown = { element: asElement(params.get('element')), id: params.get('id')?.trim() ?? '' };
  const [element, setElement] = useState<ElementType>(shown.element);
  const [elementId, setElementId] = useState(shown.id);

  const activity = useQuery({
    queryKey: ['activity', shown.element, shown.id],
    queryFn: () =>
      unwrap(
        api.GET('/v1/elements/{element}/{id}/activity', {
          params: { path: { element: shown.element, id: shown.id } },
        }),
      ),
    enabled: shown.id !== '',
  });
  const webhookNames = useMemo(
    () => new Map((activity.data?.webhooks ?? []).map((webhook) => [webhook.id, webhook.name])),
    [activity.data],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set('element', element);
    next.set('id', elementId.trim());
    setParams(next);
  }

  return (
    <>
      <PageHeading>{m.activity.title}</PageHeading>
      <p>{m.activity.intro}</p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${formId}-element`}>{m.activity.element}</label>
          <select
            id={`${formId}-element`}
            value={element}
            onChange={(event) => setElement(event.target.value as ElementType)}
          >
            {ELEMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {m.element[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor={`${formId}-id`}>{m.activity.elementId}</label>
          <input
            id={`${formId}-id`}
            type="text"
            spellCheck={false}
            required
            value={elementId}
            onChange={(event) => setElementId(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary">
          {m.activity.show}
        </button>
      </form>
      {activity.isLoading && <Loading />}
      {activity.isError && <ErrorNotice error={activity.error} onRetry={() => void activity.refetch()} />}
      {activity.data && (
        <>
          {!activity.data.exists && <p className="notice notice--info">{m.activity.gone}</p>}
          <h2>{m.activity.webhooksTitle}</h2>
          {activity.data.webhooks.length === 0 ? (
            <p>{m.activity.noWebhooks}</p>
          ) : (
            <FiringTable webhooks={activity.data.webhooks} />
          )}
          <h2>{m.activity.deliveriesTitle}</h2>
          {activity.data.deliveries.items.length === 0 ? (
            <p>{m.deliveries.empty}</p>
          ) : (
            <DeliveryTable deliveries={activity.data.deliveries.items} webhookNames={webhookNames} />
          )}
        </>
      )}
    </>
  );
}
