export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

function asLocale(tag: string | null | undefined): Locale | null {
  const language = tag?.toLowerCase().split('-')[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

/** `?lang=` wins, then the browser's preferred languages in order; English otherwise. */
export function detectLocale(search: string, preferred: readonly string[]): Locale {
  const requested = asLocale(new URLSearchParams(search).get('lang'));
  if (requested) return requested;
  for (const tag of preferred) {
    const locale = asLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
