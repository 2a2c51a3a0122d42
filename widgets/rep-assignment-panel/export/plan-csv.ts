import type { PlanState } from '../../../src/store/types.js';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: numbers as they are; text prefixed with `'` when it starts with `=`, `+`, `-`, `@`,
 * tab or carriage return (so a spreadsheet never runs it as a formula), then quoted (RFC 4180) when it
 * holds a comma, a quote or a line break.
 *
 * @param value the cell value (null and undefined give an empty cell)
 * @returns the cell text
 * @example
 * csvCell('=HYPERLINK("x")'); // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface PlanCsvOptions {
  /** Only accounts whose working owner differs from the current one. Default false. */
  changesOnly?: boolean;
}

/** The header row of {@link planCsv}. */
export const PLAN_CSV_HEADER = ['account_id', 'account_name', 'from_rep_id', 'from_rep', 'to_rep_id', 'to_rep', 'potential', 'workload'] as const;

/**
 * The working plan as CSV: one row per account with its current ("from") and working ("to") rep, ids
 * and names, potential and workload. Every cell is injection-safe (see {@link csvCell}); lines end
 * with CRLF.
 *
 * @param state the plan state
 * @param options `changesOnly` (default false)
 * @returns the CSV text, header first
 * @example
 * const blob = new Blob([planCsv(state)], { type: 'text/csv' });
 */
export function planCsv(state: Pick<PlanState, 'accounts' | 'reps' | 'current' | 'working'>, options: PlanCsvOptions = {}): string {
  const names = new Map(state.reps.map((r) => [r.id, r.name]));
  const lines = [PLAN_CSV_HEADER.join(',')];
  for (const a of state.accounts) {
    const from = state.current[a.id] ?? null;
    const to = a.id in state.working ? (state.working[a.id] ?? null) : from;
    if (options.changesOnly && from === to) continue;
    const row = [a.id, a.name, from, from === null ? null : (names.get(from) ?? from), to, to === null ? null : (names.get(to) ?? to), a.potential, a.workload];
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
