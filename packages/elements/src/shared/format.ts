/** Numbers, money and dates through `Intl`, per locale; formatters are cached. */
import type { Locale } from './i18n.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Credits: up to one decimal (half credits), grouping on. */
export function formatCredits(locale: Locale, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(value);
}

/** A plain integer or decimal count. */
export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Money in a currency (CNY by default): ¥1,234.50 / ¥1,234.50. */
export function formatMoney(locale: Locale, amount: number, currency = 'CNY'): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).format(amount);
}

/** A share 0..1 as a percentage. */
export function formatPercent(locale: Locale, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** An ISO date `YYYY-MM-DD` (or timestamp) as a localized date, read in UTC. */
export function formatDate(locale: Locale, iso: string): string {
  const key = `d|${locale}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    cache.set(key, format);
  }
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
