// A history step's label in the UI language, for the first load (the provider's toolbar, the panel's
// undo bar, the Ctrl+Z announcements): a caller's label as given; a label the store made (`labelParts`)
// worded by widgets/shared/core-words.ts, an on-demand chunk fetched at the first such label (its
// English `label` shows meanwhile, then `onLoad` renders again).
import type { HistoryEntry } from '../../src/store/types.js';
import type { CountFormat } from './core-words.js';

let words: typeof import('./core-words.js') | undefined;
let loading: Promise<unknown> | undefined;

/**
 * The label of a history step in the UI language, or null without a step.
 *
 * @param entry the step (`state.past.at(-1)` for undo, `state.future[0]` for redo)
 * @param num formats counts (the element's `fmt.number`)
 * @param onLoad called once the wording has arrived, when it was not there yet (to render again)
 */
export function stepLabel(entry: Pick<HistoryEntry, 'label' | 'labelParts'> | undefined, num?: CountFormat, onLoad?: () => void): string | null {
  const p = entry?.labelParts;
  if (!p || words) return p ? words!.historyLabelText(p, num) : (entry?.label ?? null);
  (loading ??= import('./core-words.js').then((m) => (words = m))).then(onLoad, () => (loading = undefined));
  return entry!.label;
}
