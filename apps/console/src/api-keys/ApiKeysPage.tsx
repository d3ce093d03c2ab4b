import { useState } from 'react';
import { isApiError } from '../api/problem';
import type { ApiKey } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { LoadMore } from '../ui/LoadMore';
import { PageHeading } from '../ui/PageHeading';
import { SecretValue } from '../ui/SecretValue';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api-key-queries';

/** The account's API keys: a new key is shown once; the last active key cannot be revoked (409). */
export default function ApiKeysPage() {
  const { m, format } = useI18n();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const all = keys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="page-header">
        <PageHeading>{m.apiKeys.title}</PageHeading>
        <button
          type="button"
          className="button button--primary"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          {m.apiKeys.create}
        </button>
      </div>
      {create.data && <SecretValue label={m.apiKeys.created} value={create.data.key} />}
      {create.isError && <ErrorNotice error={create.error} />}
      {revoke.isError &&
        (isApiError(revoke.error, 409) ? (
          <p role="alert" className="notice notice--error">
            {m.apiKeys.lastKey}
          </p>
        ) : (
          <ErrorNotice error={revoke.error} />
        ))}
      {keys.isPending && <Loading />}
      {keys.isError && <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />}
      {all.length > 0 && (
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">{m.apiKeys.prefix}</th>
              <th scope="col">{m.apiKeys.created_at}</th>
              <th scope="col">{m.apiKeys.state}</th>
              <th scope="col">{m.apiKeys.actions}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((key) => (
              <tr key={key.id}>
                <th scope="row" data-label={m.apiKeys.prefix}>
                  <code>{key.prefix}…</code>
                </th>
                <td data-label={m.apiKeys.created_at}>{format.dateTime(key.created_at)}</td>
                <td data-label={m.apiKeys.state}>
                  {key.revoked_at ? m.apiKeys.revokedAt(format.dateTime(key.revoked_at)) : m.apiKeys.active}
                </td>
                <td data-label={m.apiKeys.actions}>
                  {!key.revoked_at && (
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      aria-label={m.apiKeys.revokeLabel(key.prefix)}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(key);
                      }}
                    >
                      {m.apiKeys.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore
        hasMore={keys.hasNextPage}
        loading={keys.isFetchingNextPage}
        onLoad={() => void keys.fetchNextPage()}
      />
      {revoking && (
        <ConfirmDialog
          title={m.apiKeys.confirmRevoke(revoking.prefix)}
          body={m.apiKeys.confirmRevokeBody}
          confirmLabel={m.apiKeys.confirmRevokeButton}
          onClose={() => setRevoking(null)}
          onConfirm={() => {
            revoke.mutate(revoking.id);
            setRevoking(null);
          }}
        />
      )}
    </>
  );
}
