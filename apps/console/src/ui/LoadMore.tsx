import { useI18n } from '../i18n/i18n-context';

/** The next page of a cursor-paginated list, appended below the rows already shown. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { m } = useI18n();
  if (!hasMore) return null;
  return (
    <button type="button" className="button" onClick={onLoad} disabled={loading}>
      {loading ? m.common.loading : m.common.loadMore}
    </button>
  );
}
