// The Territory Planner LWC with the REAL static-resource bundle: `loadScript` (mocked) injects the
// built territory-kit-salesforce.iife.js as a <script>, as Lightning's loader does; the Apex methods
// are jest mocks answering like TerritoryKitController. Run by platform-checks/run.mjs, which builds
// the bundle and sets TK_SALESFORCE_BUNDLE.
import { createElement } from 'lwc';
import fs from 'fs';
import path from 'path';
import TerritoryKitPlanner from 'c/territoryKitPlanner';
import { loadScript } from 'lightning/platformResourceLoader';
import queryPage from '@salesforce/apex/TerritoryKitController.queryPage';
import updateRecords from '@salesforce/apex/TerritoryKitController.updateRecords';

jest.mock('lightning/platformResourceLoader', () => ({ loadScript: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TerritoryKitController.queryPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TerritoryKitController.updateRecords', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TerritoryKitController.createRecords', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TerritoryKitController.deleteRecords', () => ({ default: jest.fn() }), { virtual: true });
// The user's language and locale (the LWC passes them to the provider's `language` and `locale`).
jest.mock('@salesforce/i18n/lang', () => ({ default: 'de' }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'de-DE' }), { virtual: true });
// An org without the quotas extension (demo/salesforce/quotas): the controller refuses, quotas stay in the plan.
jest.mock('@salesforce/apex/TerritoryKitController.quotas', () => ({ default: jest.fn(() => Promise.reject({ status: 500, body: { message: JSON.stringify({ code: 'QUOTAS_UNAVAILABLE', message: 'quotas are not set up in this org' }), exceptionType: 'System.AuraHandledException' } })) }), { virtual: true });

const BUNDLE = process.env.TK_SALESFORCE_BUNDLE;
const ELEMENTS = ['tk-territory-provider', 'tk-territory-map', 'tk-workload-gauge', 'tk-rep-assignment-panel', 'tk-territory-card'];
const USER = '005000000000001AAA';

/** What TerritoryKitController.queryPage answers for a request (a tiny org: 2 reps, 3 accounts). */
function answer({ requestJson }) {
  const req = JSON.parse(requestJson);
  const rows = {
    accounts: [1, 2, 3].map((n) => ({ Id: `00100000000000${n}AAA`, Name: `Account ${n}`, OwnerId: n === 3 ? '005000000000002AAA' : USER, BillingLatitude: 40 + n, BillingLongitude: -100 + n, LastModifiedDate: '2026-01-01T00:00:00.000Z' })),
    activeUsers: [
      { Id: USER, Name: 'Rep One', Email: 'one@example.com', IsActive: true },
      { Id: '005000000000002AAA', Name: 'Rep Two', Email: 'two@example.com', IsActive: true },
    ],
    opportunities: [],
  };
  rows.accountStamps = rows.accounts.filter((a) => (req.params.ids || []).includes(a.Id));
  const found = rows[req.name] || [];
  return Promise.resolve(req.count ? { records: [], totalSize: found.length, nextLocator: null } : { records: found, nextLocator: null });
}

// jsdom (jest-environment-jsdom 29) lacks what every browser Lightning supports gives: ResizeObserver,
// AbortSignal.throwIfAborted, and fetch for the basemap files the static resource holds (served here
// from the built folder, as the resource URL would be).
beforeAll(() => {
  if (!AbortSignal.prototype.throwIfAborted) {
    AbortSignal.prototype.throwIfAborted = function throwIfAborted() {
      if (this.aborted) throw this.reason === undefined ? new DOMException('aborted', 'AbortError') : this.reason;
    };
  }
  // jsdom has no canvas (it would log "not implemented" and return null): the map's canvas layer
  // gets null here, as jsdom would give, without the noise.
  HTMLCanvasElement.prototype.getContext = () => null;
  global.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  global.fetch = jest.fn((url) => {
    const file = path.join(path.dirname(BUNDLE), 'assets', String(url).split('/assets/').pop());
    if (!String(url).includes('/assets/') || !fs.existsSync(file)) return Promise.resolve({ ok: false, status: 404, json: () => Promise.reject(new Error('404')) });
    const text = fs.readFileSync(file, 'utf8');
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(JSON.parse(text)), text: () => Promise.resolve(text) });
  });
});

/** Lightning's loadScript appends a <script> for the URL; here the URL's file is the built bundle. */
function injectBundle() {
  const script = document.createElement('script');
  script.textContent = fs.readFileSync(BUNDLE, 'utf8');
  document.head.appendChild(script);
  return Promise.resolve();
}

const flush = async (times = 5) => {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-territory-kit-planner on the built bundle', () => {
  it('has a bundle to load', () => {
    expect(BUNDLE).toBeTruthy();
    expect(fs.existsSync(BUNDLE)).toBe(true);
  });

  it('loads the bundle, defines the elements, closes their roots and wires the adapter to the Apex methods', async () => {
    loadScript.mockImplementation(injectBundle);
    queryPage.mockImplementation(answer);
    const el = createElement('c-territory-kit-planner', { is: TerritoryKitPlanner });
    el.recordId = '001000000000001AAA';
    document.body.appendChild(el);
    await flush(20);

    expect(loadScript).toHaveBeenCalledTimes(1);
    expect(loadScript.mock.calls[0][1]).toMatch(/territoryKit\/territory-kit-salesforce\.iife\.js$/);
    for (const name of ELEMENTS) expect(customElements.get(name)).toBeDefined();

    const root = el.shadowRoot;
    expect(root.querySelector('lightning-spinner')).toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    const provider = root.querySelector('tk-territory-provider');
    expect(provider).not.toBeNull();
    expect(provider instanceof customElements.get('tk-territory-provider')).toBe(true);
    expect(provider.shadowRoot).toBeNull(); // closed root: not reachable from outside (LWS needs closed roots)
    const map = root.querySelector('tk-territory-map');
    expect(map.shadowRoot).toBeNull();
    expect(map.getAttribute('basemap-url')).toMatch(/territoryKit\/assets\/$/);
    expect(map.getAttribute('focus-account')).toBe('001000000000001AAA');
    expect(provider.getAttribute('focus-account')).toBe('001000000000001AAA');
    expect(provider.getAttribute('language')).toBe('de'); // @salesforce/i18n/lang: the words
    expect(provider.getAttribute('locale')).toBe('de-DE'); // @salesforce/i18n/locale: numbers, money, dates
    // lwc:external: LWC sets the element's property (rebalanceWorker), not the attribute.
    expect(root.querySelector('tk-rep-assignment-panel').rebalanceWorker).toBe('never');

    // The adapter: built on the Apex transport, handed to the provider, which loads through it.
    expect(provider.adapter).toBeDefined();
    expect(provider.adapter.id).toBe('salesforce:lightning');
    const caps = await provider.adapter.capabilities();
    expect(caps).toMatchObject({ system: 'salesforce', mode: 'owner', canWrite: true });
    // The provider loaded the plan on its own, through the Apex methods.
    const asked = queryPage.mock.calls.map(([args]) => JSON.parse(args.requestJson).name);
    expect(asked).toEqual(['accounts', 'accounts', 'activeUsers', 'opportunities']); // COUNT(), page, reps, performance
    const loaded = await provider.adapter.load();
    expect(loaded.accounts.map((a) => a.id)).toEqual(['001000000000001AAA', '001000000000002AAA', '001000000000003AAA']);
    expect(loaded.reps).toHaveLength(2);
    expect(loaded.rejected).toEqual([]);
  });

  it('a handled Apex error reaches the adapter as a definite failure with its code, asked once', async () => {
    loadScript.mockImplementation(injectBundle);
    queryPage.mockImplementation(answer);
    updateRecords.mockRejectedValue({ status: 500, body: { message: JSON.stringify({ code: 'INSUFFICIENT_ACCESS', message: 'Account.OwnerId is not updateable for this user', field: 'Account.OwnerId' }) } });
    const el = createElement('c-territory-kit-planner', { is: TerritoryKitPlanner });
    document.body.appendChild(el);
    await flush(20);
    const adapter = el.shadowRoot.querySelector('tk-territory-provider').adapter;
    await adapter.load();
    queryPage.mockClear();
    const [outcome] = await adapter.save([{ accountId: '001000000000001AAA', from: USER, to: '005000000000002AAA' }]);
    expect(outcome).toMatchObject({ status: 'failed', code: 'INSUFFICIENT_ACCESS' });
    expect(updateRecords).toHaveBeenCalledTimes(1);
    expect(queryPage.mock.calls.map(([args]) => JSON.parse(args.requestJson).name)).toEqual(['accountStamps']); // re-read before writing; no re-read after
  });

  it('when loadScript fails: shows the error, and no spinner and no planner with it', async () => {
    loadScript.mockImplementation(() => Promise.reject(new Error('static resource not found')));
    const el = createElement('c-territory-kit-planner', { is: TerritoryKitPlanner });
    document.body.appendChild(el);
    await flush();

    const root = el.shadowRoot;
    const alert = root.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert.textContent).toBe('territory-kit could not start: static resource not found');
    expect(root.querySelector('lightning-spinner')).toBeNull();
    expect(root.querySelector('tk-territory-provider')).toBeNull();
  });

  it('shows the spinner, alone, while the bundle loads', async () => {
    loadScript.mockImplementation(() => new Promise(() => {}));
    const el = createElement('c-territory-kit-planner', { is: TerritoryKitPlanner });
    document.body.appendChild(el);
    await flush();
    expect(el.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect(el.shadowRoot.querySelector('[role="alert"]')).toBeNull();
  });
});
