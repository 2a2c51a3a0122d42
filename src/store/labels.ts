// The store's default labels in English: undo labels (`HistoryLabelPart`) and scenario names
// (`ScenarioNamePart`). Widgets word the same data in the UI language (widgets/shared/core-words.ts),
// word for word the same in English (test/widgets/undo-words.l10n.test.ts).
import type { HistoryLabelPart, ScenarioNamePart } from './types.js';

/** "a and b", "a, b and c" (no serial comma, as the UI's lists; the items have no comma). */
const and = (items: readonly string[]) => items.join(', ').replace(/, (?=[^,]*$)/, ' and ');

/**
 * A default scenario name in English.
 *
 * @example
 * scenarioNameEnglish({ kind: 'copy', of: 'Working plan', ofParts: { kind: 'first' } }) // 'Working plan (copy)'
 */
export function scenarioNameEnglish(parts: ScenarioNamePart): string {
  switch (parts.kind) {
    case 'first':
      return 'Working plan';
    case 'copy':
      return `${parts.ofParts ? scenarioNameEnglish(parts.ofParts) : parts.of} (copy)`;
    case 'rebalanced': {
      const of = parts.ofParts ? scenarioNameEnglish(parts.ofParts) : parts.of;
      if (parts.objective === 'compactness') return `Compact from ${of}`;
      return parts.maxMoves !== null ? `Rebalanced (≤ ${parts.maxMoves} moves) from ${of}` : `Rebalanced from ${of}`;
    }
  }
}

/**
 * A default undo label in English.
 *
 * @example
 * historyLabelEnglish({ kind: 'assign', count: 3 }) // 'Assign 3 accounts'
 */
export function historyLabelEnglish(parts: HistoryLabelPart): string {
  switch (parts.kind) {
    case 'assign':
      return `Assign ${parts.count} account${parts.count === 1 ? '' : 's'}`;
    case 'set-quotas':
      return `Set ${parts.count} quota${parts.count === 1 ? '' : 's'} for ${parts.period}`;
    case 'discard':
      return 'Discard unsaved changes';
    case 'apply-scenario':
      // `name` is the English of `nameParts` (the store keeps a default name's English as the name).
      return `Apply scenario "${parts.name}"`;
    case 'restore': {
      const n = parts.changes;
      return `Restore ${and([n ? `${n} unsaved change${n === 1 ? '' : 's'}` : '', parts.territories ? 'territory edits' : '', parts.quotas ? 'quotas' : ''].filter(Boolean))}`;
    }
  }
}
