// A page for docs/images/territory2-save.mjs: the planner's Save section after saving territories
// through the Salesforce adapter in territory2 mode (apexTransport over the Apex class's TypeScript
// twin from test/emulators — no real org). The screenshot script edits and saves, then shoots.
import '../../widgets/index.js';
import { apexTransport, createSalesforceAdapter } from '../../src/adapters/salesforce/index.js';
import { OrgStore } from '../../test/emulators/salesforce/store.js';
import { seedOrg, seedTerritories } from '../../test/emulators/salesforce/seed.js';
import { apexMethodsFor } from '../../test/emulators/salesforce/apex-methods.js';

const store = new OrgStore();
const org = seedOrg(store, { users: 3, accounts: 12 });
const tm = seedTerritories(store, org, 3);
store.insert('Territory2Type', { MasterLabel: 'Sales', DeveloperName: 'Sales', Priority: 1 });
const adapter = createSalesforceAdapter({ transport: apexTransport(apexMethodsFor(store)), mode: 'territory2', performance: false });
const theme = new URLSearchParams(location.search).get('theme') ?? 'light';
document.body.style.background = theme === 'dark' ? '#111' : '#fff';
const provider = document.createElement('tk-territory-provider') as HTMLElement & { adapter: unknown; storage: unknown };
provider.storage = null;
provider.adapter = adapter;
provider.setAttribute('theme', theme);
provider.setAttribute('locale', 'en-US');
provider.append(document.createElement('tk-rep-assignment-panel'));
document.body.append(provider);
Object.assign(window, { tkDemo: { org, tm, store } });
