import { expect, html } from '@open-wc/testing';
import '../../widgets/distribute-preview/distribute-preview.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep, testAdapter } from '../helpers/plan-fixture.js';
import type { LoadResult } from '../../src/adapters/crm-adapter.js';
import { distributeAccounts } from '../../src/engine/distribute-accounts.js';
import { formatters } from '../../widgets/shared/format.js';
import { keptText } from '../../widgets/distribute-preview/held-back.js';
import { expectNoAxeViolations } from '../helpers/axe.js';

const propose = (root: ShadowRoot | Element) => [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Propose owners'))!;

describe('<tk-distribute-preview>', () => {
  it('distributes a selection: preview with gains, balance and reasons, shown on the map, applied in one undoable step', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-distribute-preview></tk-distribute-preview>`);
    const el = provider.querySelector('tk-distribute-preview')!;
    const root = rootOf(el);
    expect(propose(root).disabled).to.equal(true);
    // Ana's whole book (workload 3 + 2 + 1) selected: targets are 4 each, Ben holds 2
    provider.actions.select(['a1', 'a2', 'a3']);
    await settle(provider);
    propose(root).click();
    await settle(provider);
    expect(root.querySelector('[part~=balance]')!.textContent).to.match(/1 of 3 accounts change owner/);
    expect(root.querySelector('[part~=balance]')!.textContent).to.match(/workload 50%\s*→\s*0%/);
    const gains = [...root.querySelectorAll<HTMLTableRowElement>('[part~=reps] tbody tr')].map((tr) => [tr.dataset.rep, tr.cells[1].textContent, tr.cells[2].textContent]);
    expect(gains).to.deep.equal([['r1', '—', '−1'], ['r2', '+1', '—']]);
    const proposal = root.querySelector<HTMLTableRowElement>('[part~=proposals] tbody tr')!;
    expect(proposal.dataset.account).to.equal('a2');
    expect(proposal.textContent).to.contain('Ana Ruiz → Ben Cole');
    expect(proposal.querySelector('.reason')!.textContent).to.match(/headroom after/);
    // the proposal reaches the other widgets (the map) as a preview, not an edit
    expect(provider.state.previewAssignments).to.deep.equal({ a2: 'r2' });
    expect(provider.state.working.a2).to.equal('r1');
    await expectNoAxeViolations(provider);

    const before = provider.state.past.length;
    root.querySelector<HTMLButtonElement>('[part~=apply]')!.click();
    await settle(provider);
    expect(provider.state.working.a2).to.equal('r2');
    expect(provider.state.past.length).to.equal(before + 1);
    expect(provider.state.past.at(-1)!.label).to.equal('Distribute 1 account');
    expect(provider.state.previewAssignments ?? null).to.equal(null);
    provider.actions.undo();
    await settle(provider);
    expect(provider.state.working.a2).to.equal('r1');
  });

  it("distributes a leaving rep's book to the others, keeping locked accounts", async () => {
    const adapter = testAdapter();
    adapter.data.accounts[0] = { ...adapter.data.accounts[0], locked: true };
    const provider = await mountProvider(adapter, html`<tk-distribute-preview from-rep-id="r1"></tk-distribute-preview>`);
    const root = rootOf(provider.querySelector('tk-distribute-preview')!);
    propose(root).click();
    await settle(provider);
    // Ana keeps the locked a1; a2 and a3 have only Ben to go to… and Ana herself (she is still active)
    expect(root.querySelector('[part~=balance]')!.textContent).to.contain('1 stay (1 locked)');
    expect(Object.values(provider.state.previewAssignments ?? {})).to.not.include('r1');
  });

  it('refuses a stale proposal after the plan changed', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-distribute-preview></tk-distribute-preview>`);
    const root = rootOf(provider.querySelector('tk-distribute-preview')!);
    provider.actions.select(['a1', 'a2', 'a3']);
    await settle(provider);
    propose(root).click();
    await settle(provider);
    provider.actions.assign(['a4'], 'r1');
    await settle(provider);
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('The plan changed');
    expect(root.querySelector<HTMLButtonElement>('[part~=apply]')!.disabled).to.equal(true);
  });
});

/** Ana in Boston, Ben in Denver, Cy in Chicago with ten accounts each at home; selected: a Denver clinic, a Boston power company, a Chicago store and an Atlanta mill (no rep within 900 km). */
function spreadLoad(): LoadResult {
  const homes = { r1: ['Ana Ruiz', 42.36, -71.06, 'Healthcare'], r2: ['Ben Cole', 39.74, -104.99, 'Retail'], r3: ['Cy Dunn', 41.88, -87.63, 'Energy'] } as const;
  const reps = Object.entries(homes).map(([id, [name, lat, lng, skill]]) => rep(id, name, { home: { lat, lng }, skills: [skill] }));
  const accounts = Object.entries(homes).flatMap(([id, [, lat, lng]]) => Array.from({ length: 10 }, (_, i) => account(`${id}b${i}`, id, { lat: lat + 0.05 * (i % 3), lng: lng + 0.05 * Math.floor(i / 3) })));
  accounts.push(
    account('f1', null, { name: 'Denver Clinic', lat: 39.7, lng: -104.95, industry: 'Healthcare' }),
    account('f2', null, { name: 'Boston Power', lat: 42.3, lng: -71.1, industry: 'Energy' }),
    account('f3', null, { name: 'Chicago Store', lat: 41.9, lng: -87.7, industry: 'Retail' }),
    account('g1', null, { name: 'Atlanta Mill', lat: 33.75, lng: -84.39, industry: 'Retail' }),
  );
  return { accounts, reps, territories: [], rejected: [] };
}

describe('<tk-distribute-preview> distance', () => {
  it('shows each hand-over’s distance, lets the user set a distance limit and reports what it held back and why', async () => {
    const provider = await mountProvider(testAdapter('test:spread', spreadLoad()), html`<tk-distribute-preview source="selection" .tolerance=${0.15}></tk-distribute-preview>`);
    const el = provider.querySelector('tk-distribute-preview')!;
    const root = rootOf(el);
    provider.actions.select(['f1', 'f2', 'f3', 'g1']);
    await settle(provider);
    const limit = root.querySelector<HTMLInputElement>('[part~=distance] input[name=maxDistanceKm]')!;
    expect(limit.value).to.equal('');
    expect(limit.placeholder).to.equal('no limit');
    propose(root).click();
    await settle(provider);
    // no limit: each account goes to the rep in its city; the mill goes to the nearest rep, over 500 km, and the preview says so
    const rows = (): Record<string, [string, string]> => Object.fromEntries([...root.querySelectorAll<HTMLTableRowElement>('[part~=proposals] tbody tr')].map((tr) => [tr.dataset.account, [tr.cells[0].textContent, tr.querySelector<HTMLElement>('.km')!.textContent!.trim()] as [string, string]]));
    expect(provider.state.previewAssignments).to.deep.equal({ f1: 'r2', f2: 'r1', f3: 'r3', g1: 'r3' });
    expect(rows().f1[1]).to.equal('6 km');
    expect(rows().g1[1]).to.equal('948 km');
    expect(root.querySelector('[data-stat=far]')!.textContent).to.match(/^1 hand-over is over 500 km/);
    expect(root.querySelector('[part~=held-back]')).to.equal(null);

    // a limit of 300 km: proposed again at once; the mill stays unassigned, reported with the reason
    limit.value = '300';
    limit.dispatchEvent(new Event('change'));
    await settle(provider);
    expect(provider.state.previewAssignments).to.deep.equal({ f1: 'r2', f2: 'r1', f3: 'r3' });
    const held = root.querySelector('[part~=held-back]')!;
    expect(held.textContent).to.contain('1 account held back by the distance limit of 300 km: it stays where it is.');
    const item = held.querySelector<HTMLLIElement>('li[data-account=g1]')!;
    expect(item.textContent!.replace(/\s+/g, ' ')).to.equal('Atlanta Mill (unassigned): No other rep within 300 km (the nearest, Cy Dunn, is 948 km away)');
    expect(root.querySelector('[part~=balance]')!.textContent).to.contain('1 stay (1 beyond the distance limit)');
    expect(root.querySelector('[data-stat=far]')).to.equal(null);
    expect(Object.values(rows()).every(([, km]) => parseInt(km, 10) <= 300)).to.equal(true);
    await expectNoAxeViolations(provider);

    // a bad limit is refused with a message; the last good one stays
    limit.value = '-5';
    limit.dispatchEvent(new Event('change'));
    await settle(provider);
    expect(root.querySelector('[data-error=distance]')!.textContent).to.contain('must be a distance above 0');
    expect(el.maxDistanceKm).to.equal(300);
    // emptied: no limit again
    limit.value = '';
    limit.dispatchEvent(new Event('change'));
    await settle(provider);
    expect(el.maxDistanceKm).to.equal(null);
    expect(root.querySelector('[data-error=distance]')).to.equal(null);
    expect(provider.state.previewAssignments!.g1).to.equal('r3');
  });

  it('in English, the held-back wording is the engine’s text word for word (rep names for ids)', () => {
    const load = spreadLoad();
    const assignments = Object.fromEntries(load.accounts.map((a) => [a.id, a.ownerId]));
    const r = distributeAccounts({ accounts: load.accounts, reps: load.reps, assignments, accountIds: ['f1', 'g1'] }, { maxDistanceKm: 250 });
    expect(r.kept.length).to.equal(1);
    for (const k of r.kept) expect(keptText(formatters('en-US'), k, 250, (id) => id).replace(/(\d),(?=\d{3}\b)/g, '$1')).to.equal(k.text);
  });
});
