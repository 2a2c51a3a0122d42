/**
 * The UI language of the territory-kit elements (@lit/localize, runtime mode).
 *
 * Strings are wrapped in `msg()` in the elements; `npm run localize:extract` writes them to
 * xliff/<locale>.xlf, translators fill the `<target>`s, and `npm run localize:build` turns the
 * catalogues into widgets/locales/<locale>.ts, which load on demand (one small chunk per language).
 *
 * The language follows, in order: the element's `locale` attribute, the nearest ancestor's (usually
 * `<tk-territory-provider locale="…">`, which a Salesforce or HubSpot host fills from the user's
 * language), the document's `lang`, then the browser's. `de-DE`, `de_AT` and `DE` all pick German;
 * a language without a catalogue falls back to English. @lit/localize keeps one language per page.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../locales/locale-codes.js';

type Catalogue = Parameters<Parameters<typeof configureLocalization>[0]['loadLocale']>[0];

const catalogues: Record<string, () => Promise<unknown>> = {
  de: () => import('../locales/de.js'),
  fr: () => import('../locales/fr.js'),
  ja: () => import('../locales/ja.js'),
};

let runtime: ReturnType<typeof configureLocalization> | undefined;
/** Whether a `locale` attribute has chosen the language (then a page default no longer overrides it). */
let chosen = false;

function localization(): ReturnType<typeof configureLocalization> {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale: Catalogue) => catalogues[locale]() as never,
  });
  return runtime;
}

/** The catalogue for a BCP 47 tag or a Salesforce language key (`de`, `de-DE`, `fr_CA`, `ja`): its base language, or English. */
export function uiLanguage(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (targetLocales as readonly string[]).includes(base) ? base : sourceLocale;
}

/** The page's UI language now. */
export function currentLanguage(): string {
  return localization().getLocale();
}

/**
 * Switch the page's UI language (resolved with `uiLanguage`); resolves when the catalogue has loaded
 * and every element has re-rendered in it.
 */
export async function useLanguage(tag: string | null | undefined): Promise<void> {
  chosen = true;
  const wanted = uiLanguage(tag);
  const { getLocale, setLocale } = localization();
  if (getLocale() !== wanted) await setLocale(wanted);
}

/**
 * The page default (document `lang`, else the browser's language), used by an element that has no
 * `locale` of its own or on an ancestor, unless a `locale` attribute has already chosen.
 */
export async function usePageLanguage(): Promise<void> {
  if (chosen || typeof document === 'undefined') return;
  const wanted = uiLanguage(document.documentElement.lang || (typeof navigator !== 'undefined' ? navigator.language : ''));
  const { getLocale, setLocale } = localization();
  if (getLocale() !== wanted) await setLocale(wanted);
}
