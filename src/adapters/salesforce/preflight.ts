import type { Change, SaveOutcome } from '../crm-adapter.js';
import { say } from '../texts/adapter.js';
import { formatRejection, validateBatch } from '../../model/validate-batch.js';

/** A change that passed the checks, with its position in the caller's list. */
export interface Pending {
  index: number;
  change: Change;
}

/**
 * Checks a list of changes before any request: malformed changes and repeated accounts end
 * `failed` at once (nothing is written for them). Ids go into SOQL only as escaped literals (REST)
 * or bind variables (Apex), so any id string is safe; unknown ones end `failed` with NOT_FOUND.
 *
 * @returns the outcomes decided so far (holes for the rest) and the changes left to write
 * @example
 * const { outcomes, work } = preflight([{ accountId: '', from: null, to: null }]); // outcomes[0].code === 'INVALID_CHANGE'
 */
export function preflight(changes: readonly Change[]): { outcomes: (SaveOutcome | undefined)[]; work: Pending[] } {
  const outcomes: (SaveOutcome | undefined)[] = new Array(changes.length).fill(undefined);
  const { rejected } = validateBatch('change', changes);
  for (const r of rejected) {
    const c = changes[r.index] as Partial<Change> | undefined;
    outcomes[r.index] = { accountId: typeof c?.accountId === 'string' ? c.accountId : '', status: 'failed', code: 'INVALID_CHANGE', message: formatRejection(r) };
  }
  const seen = new Map<string, number>();
  const work: Pending[] = [];
  changes.forEach((change, index) => {
    if (outcomes[index]) return;
    const first = seen.get(change.accountId);
    if (first !== undefined) {
      outcomes[index] = { accountId: change.accountId, status: 'failed', code: 'DUPLICATE_CHANGE', ...say('save.duplicate-account', { id: change.accountId, first }) };
      return;
    }
    seen.set(change.accountId, index);
    work.push({ index, change });
  });
  return { outcomes, work };
}
