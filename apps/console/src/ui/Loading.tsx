import { useI18n } from '../i18n/i18n-context';

export function Loading() {
  const { m } = useI18n();
  return (
    <p role="status" className="loading">
      {m.common.loading}
    </p>
  );
}
