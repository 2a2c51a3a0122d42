import type { PlanState } from '../../../src/store/types.js';
import { ACCOUNT_TEMPLATE_COLUMNS, accountsTemplateCsv, csvCell } from '../../../src/import/template.js';

export { csvCell };

export interface PlanCsvOptions {
  /** Only accounts whose working owner differs from the current one. Default false. */
  changesOnly?: boolean;
}

/** The header row of {@link planCsv}: our import template (`src/import/template.ts`). */
export const PLAN_CSV_HEADER = ACCOUNT_TEMPLATE_COLUMNS;

/**
 * The working plan as CSV in our import template: one row per account with its working owner
 * (`owner_id`, `owner_name`), its current owner (`previous_owner_id`, `previous_owner_name`), its
 * coordinates, address, industry, size, potential, workload and lock. Importing the file (the planner's
 * import, or `importAccounts`) gives the same accounts owned as in the plan: a plan round-trips. Every
 * cell is injection-safe (see {@link csvCell}); lines end with CRLF.
 *
 * @param state the plan state
 * @param options `changesOnly` (default false)
 * @returns the CSV text, header first
 * @example
 * const blob = new Blob([planCsv(state)], { type: 'text/csv' });
 */
export function planCsv(state: Pick<PlanState, 'accounts' | 'reps' | 'current' | 'working'>, options: PlanCsvOptions = {}): string {
  const from = (id: string) => state.current[id] ?? null;
  const to = (id: string) => (Object.hasOwn(state.working, id) ? (state.working[id] ?? null) : from(id));
  const accounts = options.changesOnly ? state.accounts.filter((a) => from(a.id) !== to(a.id)) : state.accounts;
  return accountsTemplateCsv(accounts, state.reps, { owner: (a) => to(a.id), previous: (a) => from(a.id) });
}
