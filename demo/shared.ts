// What every demo page shares: a memory "CRM" with seeded demo data behind every <tk-territory-provider>
// on the page, and the locale and theme switches. Each page's script (demo.ts, record.ts) imports the
// elements it uses first, then this module.
import { createMemoryAdapter } from '../src/adapters/memory/index.js';
import { generateDemoData } from '../src/data/generate-demo-data.js';
import { applyTheme } from '../widgets/shared/themes.js';
import { localizeDemo } from './demo-messages.js';
import type { TkTerritoryProvider } from '../widgets/territory-provider/territory-provider.component.js';

performance.mark('tk-demo-start');
const data = generateDemoData({ seed: 42, accounts: 5000, reps: 25 });
performance.measure('tk-demo-generate', 'tk-demo-start');

// Two malformed rows, as a real CRM has: the provider lists them as rejected and loads the rest.
const badRows: unknown[] = [
  { id: 'acc-bad-1', name: 'Northwind (bad latitude)', lat: 'forty-one', lng: -87.6, potential: 1000, ownerId: null },
  { id: 'acc-bad-2', name: 'Contoso (negative potential)', lat: 41.9, lng: -87.6, potential: -5, ownerId: 'rep-01' },
];

/** The demo "CRM". It lives in this page: reloading the page resets it (unsaved edits are restored from localStorage). */
export const adapter = createMemoryAdapter({
  accounts: [...data.accounts, ...badRows],
  reps: data.reps,
  territories: data.territories,
  opportunities: data.opportunities,
  id: 'memory:demo-42',
  // 40 ms per request, like a CRM on a fast network: saves show "saving" before their outcome. The load
  // is three requests (reps, territories, every account in one page, as a bulk API returns them).
  latencyMs: 40,
  pageSize: 10_000,
});

/**
 * Connects every provider on the page to the demo CRM and wires the locale and theme switches. Each
 * page's script calls it after importing its elements: a call, not this module's top level, because
 * with code splitting the bundler does not promise to evaluate shared chunks in import order, and the
 * providers must be defined (upgraded) by then.
 */
export function startDemoPage(): TkTerritoryProvider[] {
  const providers = [...document.querySelectorAll('tk-territory-provider')] as TkTerritoryProvider[];
  for (const provider of providers) {
    provider.adapter = adapter;
  }
  // Time from module start to the first provider being ready (shown in the devtools Performance panel).
  void (async () => {
    const first = providers[0];
    if (!first) return;
    while (first.state?.status === 'idle' || first.state?.status === 'loading' || !first.state) await new Promise((r) => setTimeout(r, 20));
    performance.measure('tk-demo-ready', 'tk-demo-start');
  })();

  // The language picker (header): sets the elements' `locale` (the words and the number formats), the
  // page's `lang`, and the page's own words (demo-messages.ts, demo-only). `?lang=de` (or de-DE, fr,
  // ja…) picks it on load, and the links between the demo pages keep it.
  const locale = document.querySelector<HTMLSelectElement>('#locale');
  const useLocale = (tag: string) => {
    document.documentElement.lang = tag;
    localizeDemo();
    // Every element re-renders with the new formats (they would inherit the provider's, read at render time).
    for (const el of document.querySelectorAll('*')) if (el.localName.startsWith('tk-')) el.setAttribute('locale', tag);
    const url = new URL(location.href);
    if (tag === 'en-US') url.searchParams.delete('lang');
    else url.searchParams.set('lang', tag);
    history.replaceState(history.state, '', url);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('header.page a[href^="/demo/"]')) {
      const to = new URL(a.href);
      if (tag === 'en-US') to.searchParams.delete('lang');
      else to.searchParams.set('lang', tag);
      a.href = to.pathname + to.search;
    }
  };
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && locale) {
    const base = asked.toLowerCase().split(/[-_]/)[0];
    // The picker's entry for that language (de → de-DE), or the tag itself.
    const option = [...locale.options].find((o) => o.value.toLowerCase() === asked.toLowerCase()) ?? [...locale.options].find((o) => o.value.toLowerCase().split('-')[0] === base);
    if (option) locale.value = option.value;
    useLocale(option?.value ?? asked);
  }
  locale?.addEventListener('change', () => useLocale(locale.value));
  const theme = document.querySelector<HTMLButtonElement>('#theme');
  theme?.addEventListener('click', () => {
    const dark = theme.getAttribute('aria-pressed') !== 'true';
    theme.setAttribute('aria-pressed', String(dark));
    document.body.classList.toggle('dark', dark);
    applyTheme(document.body, dark ? 'dark' : 'light');
  });
  return providers;
}
