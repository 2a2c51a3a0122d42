import { copyAssignments } from '../model/assignments.js';
import type { Change, SaveOutcome } from '../adapters/crm-adapter.js';
import type { PlanState } from './types.js';
import { validateOutcomes } from '../adapters/validate-outcomes.js';

export { saveStarted } from './save-started.js';

/**
 * Pairs each change with its outcome, checked at the boundary (`validateOutcomes`): the outcome for
 * the same account, or a `failed` outcome (`NO_OUTCOME`, `INVALID_OUTCOME`) when the adapter gave
 * none or something unrecognised (every change ends saved, failed or conflict).
 */
export function matchOutcomes(changes: readonly Change[], outcomes: unknown): SaveOutcome[] {
  return validateOutcomes(changes, outcomes);
}

/**
 * Records a save's outcomes. `current` takes the new owner only for `saved` changes (and the
 * account's `ownerId` follows); failed and conflicting changes stay pending so they can be retried.
 * Edits made while the save ran are kept.
 *
 * @param state the latest state
 * @param changes the changes that were sent
 * @param outcomes the adapter's outcomes (matched to changes by account id)
 * @returns the new state with `lastSave` set and `saving` false
 */
export function saveFinished(state: PlanState, changes: readonly Change[], outcomes: unknown): PlanState {
  const matched = matchOutcomes(changes, outcomes);
  const saved = new Map<string, string | null>();
  matched.forEach((o, i) => {
    if (o.status === 'saved') saved.set(changes[i].accountId, changes[i].to);
  });
  if (saved.size === 0) return { ...state, saving: false, lastSave: matched };
  const current = copyAssignments(state.current);
  for (const [id, to] of saved) current[id] = to;
  const accounts = state.accounts.map((a) => (saved.has(a.id) ? { ...a, ownerId: saved.get(a.id)! } : a));
  return { ...state, saving: false, lastSave: matched, current, accounts };
}
