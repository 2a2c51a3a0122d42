// Export (CSV with injection-safe quoting, GeoJSON) and alerts sections (quotas: rep-assignment-panel.goals.test.ts).
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep, smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { csvCell, planCsv } from '../../widgets/rep-assignment-panel/export/plan-csv.js';
import type { LoadResult } from '../../src/adapters/crm-adapter.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: Element, sel: string) => [...rootOf(el).querySelectorAll<T>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The panel's closed-at-first sections, confirmation box and recommendations come in a chunk loaded after first paint: wait for it. */
const partsLoaded = (panel: Element) => waitUntil(() => !rootOf(panel).querySelector('p[aria-busy=true]'), 'on-demand panel parts not loaded');

function buttonNamed(el: Element, name: string): HTMLButtonElement {
  const found = qa<HTMLButtonElement>(el, 'button').find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
  if (!found) throw new Error(`no button named ${name} in ${qa(el, 'button').map(text).join(' | ')}`);
  return found;
}

async function open(provider: TkTerritoryProvider, panel: TkRepAssignmentPanel, id: 'export' | 'quotas' | 'alerts'): Promise<void> {
  const summary = q(panel, `[data-section=${id}] summary`)!;
  summary.click();
  await new Promise((r) => setTimeout(r, 0)); // the toggle event is asynchronous
  await settle(provider);
  await partsLoaded(panel);
}

function dangerous(): LoadResult {
  const accounts = [
    account('a1', 'r1', { name: '=HYPERLINK("http://evil","x")', potential: 10, workload: 1 }),
    account('a2', 'r1', { name: '+cmd|" /C calc"!A0', potential: 20, workload: 2 }),
    account('a3', 'r2', { name: '-2+3', potential: 30, workload: 1.5 }),
    account('a4', 'r2', { name: '@SUM(A1:A9)', potential: 40, workload: 1 }),
    account('a5', null, { name: 'Comma, "Quoted"\nInc', potential: 0, workload: 0 }),
  ];
  const reps = [rep('r1', '=Evil Rep'), rep('r2', 'Ben Cole')];
  return { accounts, reps, territories: [], rejected: [] };
}

describe('<tk-rep-assignment-panel> export', () => {
  it('csvCell neutralises formulas and quotes per RFC 4180', () => {
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('+1')).to.equal("'+1");
    expect(csvCell('-1')).to.equal("'-1");
    expect(csvCell('@x')).to.equal("'@x");
    expect(csvCell('\tx')).to.equal("'\tx");
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('=A1,"x"')).to.equal(`"'=A1,""x"""`);
    expect(csvCell(-5)).to.equal('-5');
    expect(csvCell(null)).to.equal('');
    expect(csvCell('plain')).to.equal('plain');
    // Issue #13 item 15: look-alikes after blanks and invisible characters, and full-width forms.
    for (const v of [' =1', '\u00A0=1', '\u200B+1', '\uFEFF@x', '\n-1', '\uFF1D1', '\uFF0B1', '\uFF0D1', '\uFF20x']) expect(csvCell(v).replace(/^"|"$/g, '')).to.equal(`'${v}`);
  });

  it('downloads the plan as injection-safe CSV through a Blob link, with from/to rep names', async () => {
    const provider = await mountProvider(testAdapter('test:csv', dangerous()), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    provider.actions.assign(['a3'], 'r1');
    await open(provider, panel, 'export');
    buttonNamed(panel, 'Plan as CSV').click();
    await settle(provider);
    const link = q<HTMLAnchorElement>(panel, 'a[part~=download]')!;
    expect(link.getAttribute('download')).to.equal('territory-plan.csv');
    expect(link.href).to.match(/^blob:/);
    const csv = await (await fetch(link.href)).text();
    expect(csv).to.equal(planCsv(provider.state));
    // Our import template (so the file imports back as this plan): working owner, then the current one.
    expect(csv.split('\r\n')).to.deep.equal([
      'account_id,account_name,owner_id,owner_name,previous_owner_id,previous_owner_name,lat,lng,street,city,state,postal_code,country,industry,employees,annual_revenue,potential,workload,locked',
      `a1,"'=HYPERLINK(""http://evil"",""x"")",r1,'=Evil Rep,r1,'=Evil Rep,40,-100,,,,,,,,,10,1,`,
      `a2,"'+cmd|"" /C calc""!A0",r1,'=Evil Rep,r1,'=Evil Rep,40,-100,,,,,,,,,20,2,`,
      `a3,'-2+3,r1,'=Evil Rep,r2,Ben Cole,40,-100,,,,,,,,,30,1.5,`,
      `a4,'@SUM(A1:A9),r2,Ben Cole,r2,Ben Cole,40,-100,,,,,,,,,40,1,`,
      `a5,"Comma, ""Quoted""\nInc",,,,,40,-100,,,,,,,,,0,0,`,
      '',
    ]);
    // No cell of the file starts a formula once unquoted.
    buttonNamed(panel, 'Changes only as CSV').click();
    await settle(provider);
    const changes = await (await fetch(q<HTMLAnchorElement>(panel, 'a[part~=download]')!.href)).text();
    expect(changes.trim().split('\r\n')).to.have.length(2);
    expect(changes).to.contain(`a3,'-2+3,r1,'=Evil Rep,r2,Ben Cole,40,-100,,,,,,,,,30,1.5,`);
  });

  it('downloads the territories as GeoJSON with their definitions and resolved counts', async () => {
    const data = smallLoad();
    data.territories = [
      { id: 't1', name: 'West', repIds: ['r1'], priority: 2, color: '#123456', definition: { geometry: { type: 'Polygon', coordinates: [[[-110, 30], [-90, 30], [-90, 50], [-110, 50], [-110, 30]]] } } },
      { id: 't2', name: 'Retail', repIds: [], priority: 0, definition: { rules: { industries: ['Retail'] }, include: ['a4'] } },
    ];
    const provider = await mountProvider(testAdapter('test:geo', data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await open(provider, panel, 'export');
    buttonNamed(panel, 'Territories as GeoJSON').click();
    await settle(provider);
    const link = q<HTMLAnchorElement>(panel, 'a[part~=download]')!;
    expect(link.getAttribute('download')).to.equal('territories.geojson');
    const geo = await (await fetch(link.href)).json();
    expect(geo.type).to.equal('FeatureCollection');
    expect(geo.features.map((f: { id: string }) => f.id)).to.deep.equal(['t1', 't2']);
    expect(geo.features[0].geometry.type).to.equal('Polygon');
    expect(geo.features[0].properties).to.include({ name: 'West', color: '#123456', priority: 2, accountCount: 4 });
    expect(geo.features[1].geometry).to.equal(null);
    expect(geo.features[1].properties.rules).to.deep.equal({ industries: ['Retail'] });
    expect(geo.features[1].properties.include).to.deep.equal(['a4']);
    expect(geo.features[1].properties.accountCount).to.equal(1);
  });
});

describe('<tk-rep-assignment-panel> alerts', () => {
  it('lists detectAlerts with the records named; choosing an alert selects its accounts', async () => {
    const data = smallLoad();
    data.accounts.push(account('big', null, { name: 'Whale Inc', potential: 5000, workload: 1 }));
    data.territories = [{ id: 't1', name: 'West', repIds: ['r1'], priority: 0, definition: { include: ['a1', 'a2', 'a3', 'a4', 'a5'] } }];
    const provider = await mountProvider(testAdapter('test:alerts', data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    await open(provider, panel, 'alerts');
    const kinds = qa(panel, '[part~=alerts] li').map((li) => li.dataset.kind);
    expect(kinds).to.include.members(['imbalance', 'unassigned-high-potential', 'territory-gap']);
    const unassigned = q(panel, 'li[data-kind=unassigned-high-potential] button')!;
    expect(text(unassigned)).to.contain('Whale Inc');
    unassigned.click();
    await settle(provider);
    expect(provider.state.selection).to.deep.equal(['big']);
    q<HTMLButtonElement>(panel, 'li[data-kind=territory-gap] button')!.click();
    await settle(provider);
    expect(provider.state.selection).to.deep.equal(['big']);
    const imbalance = qa<HTMLButtonElement>(panel, 'li[data-kind=imbalance] button');
    expect(imbalance.map(text).join(' ')).to.match(/Ana Ruiz|Ben Cole/);
    // Alerts follow the plan (in the task after the edit): once Whale Inc has an owner, its alert goes.
    provider.actions.assign(['big'], 'r2');
    await waitUntil(() => !q(panel, 'li[data-kind=unassigned-high-potential]'), 'the unassigned alert stayed');
    expect(q(panel, '[part~=alerts]')!.getAttribute('aria-busy')).to.equal('false');
    await expectNoAxeViolations(provider);
  });
});
