// The store's default undo labels (`HistoryLabelPart`) and default scenario names (`ScenarioNamePart`)
// in the UI language. English is word for word the store's (src/store/labels.ts;
// test/widgets/undo-words.l10n.test.ts). An on-demand chunk for the planner (widgets/shared/undo-label.ts
// loads it at the first default label); the scenario comparison imports it directly.
import { msg, str } from '@lit/localize';
import type { HistoryLabelPart, ScenarioNamePart } from '../../src/store/types.js';
import { currentLanguage } from './localize.js';
import { isOne } from './plural.js';

/** Formats a count (the element's `fmt.number`); plain digits when not given. */
export type CountFormat = (n: number) => string;
const plain: CountFormat = (n) => String(n);

/** "a and b", "a, b and c" in the UI language (no serial comma in English, as the store's). */
function and(items: readonly string[]): string {
  const lang = currentLanguage();
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' }).format(items);
}

/** A scenario's name in the UI language: a default name worded, a typed one as typed. */
export function scenarioNameText(s: { name: string; nameParts?: ScenarioNamePart }, num: CountFormat = plain): string {
  const p = s.nameParts;
  if (!p) return s.name;
  if (p.kind === 'first') return msg('Working plan');
  const of = scenarioNameText({ name: p.of, nameParts: p.ofParts }, num);
  if (p.kind === 'copy') return msg(str`${of} (copy)`);
  if (p.objective === 'compactness') return msg(str`Compact from ${of}`);
  if (p.maxMoves === null) return msg(str`Rebalanced from ${of}`);
  const max = num(p.maxMoves);
  return msg(str`Rebalanced (≤ ${max} moves) from ${of}`);
}

/** A history step's default label in the UI language (`num` formats the counts). */
export function historyLabelText(p: HistoryLabelPart, num: CountFormat = plain): string {
  switch (p.kind) {
    case 'assign': {
      const n = num(p.count);
      return isOne(p.count) ? msg(str`Assign ${n} account`) : msg(str`Assign ${n} accounts`);
    }
    case 'set-quotas': {
      const n = num(p.count);
      const period = p.period;
      return isOne(p.count) ? msg(str`Set ${n} quota for ${period}`) : msg(str`Set ${n} quotas for ${period}`);
    }
    case 'discard':
      return msg('Discard unsaved changes');
    case 'apply-scenario': {
      const name = scenarioNameText(p, num);
      return msg(str`Apply scenario "${name}"`);
    }
    case 'restore': {
      const n = num(p.changes);
      const items = [
        p.changes ? (isOne(p.changes) ? msg(str`${n} unsaved change`) : msg(str`${n} unsaved changes`)) : '',
        p.territories ? msg('territory edits') : '',
        p.quotas ? msg('quotas') : '',
      ];
      const what = and(items.filter(Boolean));
      return msg(str`Restore ${what}`);
    }
  }
}
