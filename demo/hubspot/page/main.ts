/**
 * The page the HubSpot card (demo/hubspot/card) opens in an iframe modal. HubSpot cards run React in
 * a sandboxed web worker with no DOM, so territory-kit's elements live here, on a page of your own.
 * The HubSpot adapter talks to HubSpot only through your proxy (demo/hubspot/proxy), which holds the
 * private-app token; its URL is the page's `<meta name="territory-kit-proxy">`.
 *
 * URL parameters, set by the card: `view` (`planner` | `card`), `companyId` (the open company), and
 * the HubSpot user's `lang` (the planner's words: German, French, Japanese, else English) and `locale`
 * (numbers, money, dates), from the card's `context.user`.
 * They only choose what to show. Anyone can open this URL with any values, so they are no proof of
 * who is asking: the proxy must check its callers itself (its `authorize` option).
 */
import '../../../widgets/index.js';
import { createHubSpotAdapter } from '../../../src/adapters/hubspot/index.js';
import type { TkTerritoryProvider } from '../../../widgets/territory-provider/territory-provider.component.js';

const params = new URLSearchParams(location.search);
const view = params.get('view') === 'card' ? 'card' : 'planner';
const companyId = params.get('companyId');

const provider = document.getElementById('provider') as TkTerritoryProvider;
// The user's language and locale, before the elements render: the words, then the formats.
const lang = params.get('lang');
const locale = params.get('locale');
if (lang) {
  document.documentElement.lang = lang.replace('_', '-');
  provider.setAttribute('language', lang);
}
if (locale) provider.setAttribute('locale', locale);
const note = document.getElementById('note') as HTMLElement;
const proxyMeta = document.querySelector<HTMLMetaElement>('meta[name="territory-kit-proxy"]')?.content;
// A path (e.g. the demo server's `/hubspot-emulator`) is on this page's origin.
const proxy = proxyMeta ? new URL(proxyMeta, location.href).href.replace(/\/+$/, '') : undefined;
// Set by the demo server (`npm start` without HUBSPOT_PROXY): the proxy in front of a local HubSpot emulator.
const emulated = document.querySelector<HTMLMetaElement>('meta[name="territory-kit-emulated"]')?.content;
const banner = document.getElementById('emulated') as HTMLElement | null;
if (emulated && banner) {
  banner.textContent = emulated;
  banner.hidden = false;
}

/** Resolves once the provider has loaded (true) or failed (false; it shows the error itself). */
function loaded(p: TkTerritoryProvider): Promise<boolean> {
  return new Promise((resolve) => p.addEventListener('tk-load', (e) => resolve(e.status === 'ready'), { once: true }));
}

/** The goal holding quotas: `?goal=`, else the emulated portal's (same name as DEMO_GOAL in emulated-hubspot.ts). */
const goal = params.get('goal') ?? (emulated ? 'Quarterly revenue (demo)' : null);

async function start(): Promise<void> {
  if (!proxy) {
    note.textContent = 'No proxy configured: set <meta name="territory-kit-proxy"> to your HubSpot proxy.';
    return;
  }
  if (view === 'card') provider.viewerRole = 'rep';
  (document.getElementById(view) as HTMLElement).hidden = false;
  const ready = loaded(provider); // listen before the adapter starts the load
  provider.adapter = createHubSpotAdapter({
    // Your session cookie goes to your proxy; the token never comes to the browser.
    fetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
    baseUrl: proxy,
    // Earned history from deals, and lock flags in a boolean company property (when the portal has it
    // and the proxy lets it be written: WRITABLE_PROPERTIES); without them the planner says so.
    deals: true,
    lockProperty: 'territory_locked',
    // Quotas as the targets of a HubSpot goal (scopes crm.objects.goals.read/write; the proxy's
    // GOAL_WRITES=1): `?goal=<goal name>` for your portal, the emulated portal's demo goal otherwise.
    ...(goal ? { goals: { name: goal, write: true } } : {}),
  });
  if (!(await ready) || !companyId) return;
  const company = provider.state.accounts.find((a) => a.id === companyId);
  if (!company) {
    note.textContent = `Company ${companyId} is not in the loaded plan (see the rejected records, if any).`;
    return;
  }
  if (view === 'card') {
    // The company owner's territory, read-only.
    if (company.ownerId) document.querySelector('tk-territory-card')?.setAttribute('rep-id', company.ownerId);
    else note.textContent = `${company.name} has no owner yet.`;
  } else {
    // Select the open company: the panel recommends reps for it.
    provider.actions.select([company.id]);
  }
}

void start();
