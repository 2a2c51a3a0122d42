// Plural choice and name lists in the UI language (@lit/localize's current locale), for whole messages:
// `isOne(n) ? msg(str`${x} account`) : msg(str`${x} accounts`)`, never "account(s)".
import { LOCALE_STATUS_EVENT, msg, str, type LocaleStatusEventDetail } from '@lit/localize';

const rules = new Map<string, Intl.PluralRules>();
const lists = new Map<string, Intl.ListFormat>();

/**
 * The UI language, followed through @lit/localize's status events (English, the source language, until
 * a catalogue is ready). Not read from widgets/shared/localize.ts: this module is shared by the panel's
 * first chunk and its on-demand sections, and importing that module here would make the bundler split it
 * (with the language list) into a chunk of its own, one request more on every page. Should this module
 * load after a catalogue was ready (the panel's code fetched late), it keeps English plural rules until
 * the next change: the same choice for German and Japanese (whose two messages read alike), "0 comptes"
 * rather than "0 compte" in French.
 */
let language = 'en';
if (typeof window !== 'undefined') {
  window.addEventListener(LOCALE_STATUS_EVENT, (e) => {
    const detail = (e as CustomEvent<LocaleStatusEventDetail>).detail;
    if (detail.status === 'ready') language = detail.readyLocale;
  });
}
const getLocale = () => language;

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

/**
 * The UI-language helpers as one value, handed to the rebalance preview: that on-demand chunk imports
 * only types (as it does for lit's `html`), so @lit/localize and this module stay in the chunks the page
 * loads anyway instead of being split into chunks of their own.
 */
export interface Words {
  msg: typeof msg;
  str: typeof str;
  isOne: typeof isOne;
  listText: typeof listText;
  listSome: typeof listSome;
}

// `msg` is a live binding that @lit/localize replaces when the runtime is configured: call it, don't copy it.
export const words: Words = { msg: ((...args: Parameters<typeof msg>) => Reflect.apply(msg, undefined, args)) as typeof msg, str, isOne, listText, listSome };
