import type { Change, SaveOutcome } from '../crm-adapter.js';
import { formatRejection, validateBatch } from '../../model/validate-batch.js';

/** A change that passed the checks, with its position in the caller's list. */
export interface Pending {
  index: number;
  change: Change;
}

const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * Checks a list of changes before any request: malformed changes, ids that are not Salesforce ids
 * and repeated accounts end `failed` at once (nothing is written for them).
 *
 * @returns the outcomes decided so far (holes for the rest) and the changes left to write
 * @example
 * const { outcomes, work } = preflight([{ accountId: 'x', from: null, to: null }]); // outcomes[0].code === 'INVALID_ID'
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
    const bad = (['accountId', 'from', 'to'] as const).find((k) => change[k] !== null && !SF_ID.test(change[k] as string));
    if (bad) {
      outcomes[index] = { accountId: change.accountId, status: 'failed', code: 'INVALID_ID', message: `change ${JSON.stringify(change.accountId)}: ${bad} ${JSON.stringify(change[bad])} is not a Salesforce id` };
      return;
    }
    const first = seen.get(change.accountId);
    if (first !== undefined) {
      outcomes[index] = { accountId: change.accountId, status: 'failed', code: 'DUPLICATE_CHANGE', message: `account ${change.accountId} is already changed at position ${first} of this save` };
      return;
    }
    seen.set(change.accountId, index);
    work.push({ index, change });
  });
  return { outcomes, work };
}
