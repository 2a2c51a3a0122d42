import { currentLanguage } from './localize.js';

const rules = new Map<string, Intl.PluralRules>();

/**
 * Whether `n` takes the singular ("one") form in the current UI language (Intl.PluralRules): 1 in
 * English and German, 0 and 1 in French, never in Japanese. Pick between two whole messages with it,
 * each a `msg()` of its own, so every language gets a real sentence (no "account(s)"):
 *
 * @example
 * isOne(n) ? msg(str`${count} account`) : msg(str`${count} accounts`)
 */
export function isOne(n: number): boolean {
  const lang = currentLanguage();
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n) === 'one';
}
