/** Private text helpers for engine messages (English, locale-independent output). */

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** 1234567 → "1.2M", 980 → "980", 0.5 → "0.5". */
export function formatAmount(value: number): string {
  return compact.format(value);
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** 46400000 → "$46.4M": money in engine messages when the caller gives no formatter. */
export function formatMoney(value: number): string {
  return usd.format(value);
}

/** 0.234 → "23%". */
export function formatShare(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** "1 account" / "3 accounts". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** ["A"] → "A"; ["A", "B"] → "A and B"; ["A", "B", "C"] → "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
