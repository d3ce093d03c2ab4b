import type { Locale } from './locale';

export interface Formatters {
  dateTime: (iso: string) => string;
  percent: (fraction: number) => string;
  number: (value: number) => string;
}

export function createFormatters(locale: Locale): Formatters {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale);
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    percent: (fraction) => percent.format(fraction),
    number: (value) => number.format(value),
  };
}
