import { useId } from 'react';
import { useI18n } from './i18n-context';
import { LOCALES, type Locale } from './locale';

const NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

/** Switches the catalog and keeps `?lang=` in the address, so a reload or a shared link keeps it. */
export function LanguageSwitch() {
  const { m, locale, setLocale } = useI18n();
  const id = useId();
  function choose(next: Locale) {
    setLocale(next);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', url);
  }
  return (
    <div className="language-switch">
      <label htmlFor={id}>{m.app.language}</label>
      <select id={id} value={locale} onChange={(event) => choose(event.target.value as Locale)}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
