import type { QuotaEntry } from '../../src/model/quota.js';

/** Text a spreadsheet would run as a formula (OWASP CSV injection): prefixed with `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;
const cell = (value: string | number): string => {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The plan's quotas as CSV (rep_id, rep, period_start, amount, locked), injection-safe, CRLF lines.
 *
 * @example
 * quotasCsv(state.quotas ?? [], (id) => names.get(id) ?? id);
 */
export function quotasCsv(quotas: readonly QuotaEntry[], repName: (id: string) => string): string {
  const lines = ['rep_id,rep,period_start,amount,locked'];
  for (const q of quotas) lines.push([q.repId, repName(q.repId), q.period, q.amount, q.locked ? 'yes' : 'no'].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}
