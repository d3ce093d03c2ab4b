import { useI18n } from '../i18n/i18n-context';
import { errorMessage } from './error-message';

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <div role="alert" className="notice notice--error">
      <p>{m.common.failed(errorMessage(error))}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {m.common.tryAgain}
        </button>
      )}
    </div>
  );
}
