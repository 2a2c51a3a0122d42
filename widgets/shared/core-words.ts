// What the headless core gives as data, in the UI language: the store's default undo labels
// (`HistoryLabelPart`) and default scenario names (`ScenarioNamePart`) — in English word for word the
// store's (src/store/labels.ts; test/widgets/undo-words.l10n.test.ts) — and the engine errors a user can
// cause (EngineError codes; any other error keeps its message). One on-demand chunk: the planner's
// widgets/shared/undo-label.ts loads it at the first default label, the panel's closed sections, the quota
// planner and the scenario comparison import it.
import { msg, str } from '@lit/localize';
import type { HistoryLabelPart, ScenarioNamePart } from '../../src/store/types.js';
import type { EngineError } from '../../src/engine/engine-error.js';
import type { Formatters } from './format.js';
import type { Words } from '../rep-assignment-panel/sections/words.js';
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

/**
 * The sentence to show for an error thrown by the engine: a coded `EngineError` worded in the UI
 * language (money and numbers in the locale's formats), anything else as its message.
 */
export function engineErrorText(error: unknown, f: Formatters): string {
  if (!(error instanceof Error)) return String(error);
  // An EngineError, or one rebuilt from a rebalance worker's reply (same name, code and params).
  const e = error as Partial<EngineError>;
  if (e.name !== 'EngineError' || !e.code) return error.message;
  const p = e.params ?? {};
  switch (e.code) {
    case 'rebalance-option':
      if (p.option === 'tolerance') return msg('Tolerance must be a percentage between 0 and 100.');
      if (p.option === 'maxMoves') return msg('Most accounts moved must be a whole number ≥ 0, or empty for no limit.');
      if (p.option === 'maxPotentialMoved') return msg('Most potential moved must be a number ≥ 0, or empty for no limit.');
      if (p.option === 'maxDistanceKm') return msg('Move accounts at most … km must be a distance above 0, or empty for no limit.');
      return e.message!;
    case 'quota-target':
      return msg('The team target must be a whole amount of 0 or more.');
    case 'quota-locked-over-target': {
      const locked = f.currency(Number(p.locked));
      const target = f.currency(Number(p.target));
      return msg(str`The locked quotas add up to ${locked}, more than the team target of ${target}. Unlock a quota or raise the target.`);
    }
    case 'quota-no-rep-left': {
      const rest = f.currency(Number(p.rest));
      return msg(str`${rest} of the target is left, and the quota of every active rep is locked. Unlock a quota to split it.`);
    }
  }
  return error.message;
}

/**
 * The UI-language helpers the panel's wording functions take (sections/words.ts `Words`), for the
 * scenario comparison's notes (explanationText): lists and plurals in the UI language.
 */
export const noteWords: Words = {
  // `msg` is a live binding that @lit/localize replaces when the runtime is configured: call it, don't copy it.
  msg: ((...args: Parameters<typeof msg>) => Reflect.apply(msg, undefined, args)) as typeof msg,
  str,
  isOne,
  listText: and,
  listSome(items, total, named, formatCount) {
    const shown = items.slice(0, named);
    const rest = total - shown.length;
    return and(rest > 0 ? [...shown, msg(str`${formatCount(rest)} more`)] : shown);
  },
};
