import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../api/problem';
import { errorMessage } from '../ui/error-message';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

interface SignInPageProps {
  onSignIn: (apiKey: string) => Promise<void>;
  expired: boolean;
}

/**
 * The API key lives in this input only: on submit it is read, the input is cleared, and it is sent once
 * as a Bearer header. Nothing is written to storage or cookies; the server answers with its own
 * HttpOnly session cookie.
 */
export function SignInPage({ onSignIn, expired }: SignInPageProps) {
  const { m } = useI18n();
  const [apiKey, setApiKey] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = apiKey.trim();
    setApiKey('');
    if (!key) return;
    setPending(true);
    setError(null);
    try {
      await onSignIn(key);
    } catch (failure) {
      setError(isApiError(failure, 401) ? m.signIn.invalid : m.common.failed(errorMessage(failure)));
      setPending(false);
    }
  }

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <span className="brand">{m.app.name}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in__main">
        <h1>{m.signIn.title}</h1>
        {expired && <p role="status">{m.signIn.ended}</p>}
        <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={inputId}>{m.signIn.apiKey}</label>
            <input
              id={inputId}
              type="password"
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              required
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              aria-invalid={error ? true : undefined}
            />
            <p id={hintId} className="hint">
              {m.signIn.hint}
            </p>
            {error && (
              <p id={errorId} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button button--primary" disabled={pending}>
            {m.signIn.submit}
          </button>
        </form>
      </main>
    </div>
  );
}
