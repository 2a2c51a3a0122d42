/**
 * Number, currency, percent and date formatting through Intl, per locale (cached). The one money
 * formatter of every element: money always carries its currency; `currencyCompact` ($46.4M) where
 * space is short (the side panel, cards, alert messages, the map), `currency` ($46,400,000) in wide
 * tables (the performance board) and exports. One table never mixes the two.
 */
export interface Formatters {
  locale: string;
  /** 1,234.5 */
  number(value: number, maximumFractionDigits?: number): string;
  /** 1.2K */
  compact(value: number): string;
  /** $1,235 (no cents) */
  currency(value: number): string;
  /** $1.2M */
  currencyCompact(value: number): string;
  /** 12% from 0.12 */
  percent(ratio: number, maximumFractionDigits?: number): string;
  /** +12% / −3% from 0.12 / −0.03 */
  signedPercent(ratio: number): string;
  /** Nov 27, 2026 from an ISO string or Date; '' for an invalid date */
  date(value: string | Date): string;
  /** Nov 27, 2026, 5:14 AM; '' for an invalid date */
  dateTime(value: string | Date): string;
}

const cache = new Map<string, Formatters>();

function resolveLocale(locale: string | undefined): string {
  const wanted = locale || (typeof document !== 'undefined' ? document.documentElement.lang : '') || undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf(wanted ? [wanted] : [])[0] ?? new Intl.NumberFormat().resolvedOptions().locale;
  } catch {
    return new Intl.NumberFormat().resolvedOptions().locale;
  }
}

function safeCurrency(currency: string): string {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return currency;
  } catch {
    return 'USD';
  }
}

/**
 * Formatters for a locale (falling back to the document's `lang`, then the browser's) and an ISO
 * 4217 currency code (default USD; an invalid one falls back to USD).
 *
 * @example
 * formatters('de-DE', 'EUR').currency(1234.5) // '1.235 €'
 */
export function formatters(locale?: string, currency = 'USD'): Formatters {
  const resolved = resolveLocale(locale);
  const cur = safeCurrency(currency);
  const key = `${resolved}|${cur}`;
  let f = cache.get(key);
  if (f) return f;
  const nf = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let x = nf.get(digits);
    if (!x) nf.set(digits, (x = new Intl.NumberFormat(resolved, { maximumFractionDigits: digits })));
    return x;
  };
  const compact = new Intl.NumberFormat(resolved, { notation: 'compact', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(resolved, { style: 'currency', currency: cur, maximumFractionDigits: 0 });
  const moneyCompact = new Intl.NumberFormat(resolved, { style: 'currency', currency: cur, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const pct = new Map<number, Intl.NumberFormat>();
  const percent = (digits: number) => {
    let x = pct.get(digits);
    if (!x) pct.set(digits, (x = new Intl.NumberFormat(resolved, { style: 'percent', maximumFractionDigits: digits })));
    return x;
  };
  const signed = new Intl.NumberFormat(resolved, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const dates = new Intl.DateTimeFormat(resolved, { dateStyle: 'medium' });
  const dateTimes = new Intl.DateTimeFormat(resolved, { dateStyle: 'medium', timeStyle: 'short' });
  const asDate = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);
  f = {
    locale: resolved,
    number: (v, d = 1) => num(d).format(v),
    compact: (v) => compact.format(v),
    currency: (v) => money.format(v),
    currencyCompact: (v) => moneyCompact.format(v),
    percent: (r, d = 0) => percent(d).format(r),
    signedPercent: (r) => signed.format(r),
    date: (v) => {
      const d = asDate(v);
      return Number.isNaN(d.getTime()) ? '' : dates.format(d);
    },
    dateTime: (v) => {
      const d = asDate(v);
      return Number.isNaN(d.getTime()) ? '' : dateTimes.format(d);
    },
  };
  cache.set(key, f);
  return f;
}
