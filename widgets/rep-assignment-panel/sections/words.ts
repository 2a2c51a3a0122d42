// Plural choice and name lists in the UI language (@lit/localize's current locale), for whole messages:
// `isOne(n) ? msg(str`${x} account`) : msg(str`${x} accounts`)`, never "account(s)".
import { msg, str } from '@lit/localize';
import { currentLanguage as getLocale } from '../../shared/localize.js';

const rules = new Map<string, Intl.PluralRules>();
const lists = new Map<string, Intl.ListFormat>();

/** Whether `n` takes the singular ("one") message in the UI language (Intl.PluralRules: French 0 too, Japanese never). */
export function isOne(n: number): boolean {
  const lang = getLocale();
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n) === 'one';
}

/** "A, B and C" in the UI language (Intl.ListFormat; English without the serial comma, as elsewhere in the UI). */
export function listText(items: readonly string[]): string {
  const lang = getLocale();
  let l = lists.get(lang);
  if (!l) lists.set(lang, (l = new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' })));
  return l.format(items);
}

/** "A, B, C and 4 more": the first `named` items, the rest (of `total`) counted. */
export function listSome(items: readonly string[], total: number, named: number, formatCount: (n: number) => string): string {
  const shown = items.slice(0, named);
  const rest = total - shown.length;
  return rest > 0 ? listText([...shown, msg(str`${formatCount(rest)} more`)]) : listText(shown);
}
