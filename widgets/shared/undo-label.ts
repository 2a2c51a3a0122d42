// A history step's label in the UI language, for the first load (the provider's toolbar, the panel's
// undo bar, the Ctrl+Z announcements): a caller's label as given; a label the store made (`labelParts`)
// worded by widgets/shared/undo-words.ts, an on-demand chunk fetched at the first such label (its
// English `label` shows meanwhile, then the waiting elements render again).
import type { HistoryEntry } from '../../src/store/types.js';
import type { CountFormat } from './undo-words.js';

type Words = typeof import('./undo-words.js');
let words: Words | null = null;
let loading: Promise<Words> | null = null;
const waiting = new Set<() => void>();

/** Loads the wording chunk (once); resolves with it. */
export function loadUndoWords(): Promise<Words> {
  return (loading ??= import('./undo-words.js').then(
    (m) => {
      words = m;
      const again = [...waiting];
      waiting.clear();
      for (const f of again) f();
      return m;
    },
    (error) => {
      loading = null;
      throw error;
    },
  ));
}

/**
 * The label of a history step in the UI language, or null without a step.
 *
 * @param entry the step (`state.past.at(-1)` for undo, `state.future[0]` for redo)
 * @param num formats counts (the element's `fmt.number`)
 * @param onLoad called once the wording has arrived, when it was not there yet (re-render)
 */
export function stepLabel(entry: Pick<HistoryEntry, 'label' | 'labelParts'> | undefined, num?: CountFormat, onLoad?: () => void): string | null {
  if (!entry) return null;
  if (!entry.labelParts) return entry.label;
  if (words) return words.historyLabelText(entry.labelParts, num);
  if (onLoad) waiting.add(onLoad);
  loadUndoWords().catch(() => undefined);
  return entry.label;
}
