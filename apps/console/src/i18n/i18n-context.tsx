import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de } from './de';
import { en, type Messages } from './en';
import { createFormatters, type Formatters } from './format';
import { detectLocale, type Locale } from './locale';

const CATALOGS: Record<Locale, Messages> = { en, de };

interface I18n {
  locale: Locale;
  m: Messages;
  format: Formatters;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() =>
    detectLocale(window.location.search, navigator.languages ?? [navigator.language]),
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(
    () => ({ locale, m: CATALOGS[locale], format: createFormatters(locale), setLocale }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
