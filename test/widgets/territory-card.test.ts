import { expect, html, waitUntil } from '@open-wc/testing';
import { smallLoad } from '../helpers/plan-fixture.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { untouchedAccounts } from '../../widgets/territory-card/untouched-accounts.js';
import { account, rep } from '../helpers/plan-fixture.js';

const text = (el: Element | ShadowRoot | null) => el!.textContent!.replace(/\s+/g, ' ').trim();
/** The card's alerts, untouched list and account table come in a chunk loaded after first paint: wait for them. */
const detailsLoaded = (root: ShadowRoot) => waitUntil(() => root.querySelector('[part~=untouched]') && !root.querySelector('[aria-busy=true]'), 'card details not loaded');

describe('<tk-territory-card>', () => {
  it("shows the provider's rep: territory, totals against target and quota, untouched accounts, and the map slot", async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-territory-card as-of="2026-11-27T00:00:00Z"></tk-territory-card>`, {
      role: 'rep',
      repId: 'r1',
    });
    const card = provider.querySelector('tk-territory-card')!;
    const root = rootOf(card);
    expect(text(root.querySelector('h2'))).to.equal('Ana Ruiz');
    expect(text(root.querySelector('header p'))).to.equal('West');
    const totals = [...root.querySelectorAll('[part~=totals] > div')].map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
    expect(totals).to.deep.equal([
      'Accounts: 3 of 3 (+20%)', // a whole-number target for a count
      'Workload: 6 of 4 (+50%)',
      'Potential: $700 of $500 (+40%)',
      'Pipeline: $60',
      'Closed won: $400 of $500 quota (80%)',
    ]);
    // High potential = at or above the 90th percentile of [0, 100, 200, 300, 400] = 360: only a1,
    // which has no activity recorded.
    await detailsLoaded(root);
    const items = [...root.querySelectorAll('[part~=untouched] li')].map((li) => text(li));
    expect(items).to.deep.equal(['Account a1 — $400 · no activity recorded']);
    const map = root.querySelector('tk-territory-map')!;
    expect(map.hasAttribute('compact')).to.equal(true);
    expect(map.getAttribute('rep-id')).to.equal('r1');
    await expectNoAxeViolations(provider);
  });

  it('rep-id overrides the provider and the card follows assignment changes', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-territory-card rep-id="r2" stale-days="20" potential-quantile="0.5" as-of="2026-11-27T00:00:00Z"></tk-territory-card>`);
    const card = provider.querySelector('tk-territory-card')!;
    expect(text(rootOf(card).querySelector('h2'))).to.equal('Ben Cole');
    provider.actions.assign(['a2'], 'r2');
    await settle(provider);
    await detailsLoaded(rootOf(card));
    const items = [...rootOf(card).querySelectorAll('[part~=untouched] li')].map((li) => text(li));
    expect(items).to.deep.equal(['Account a4 — $300 · no activity recorded', 'Account a2 — $200 · no activity for 26 days']);
  });

  it('says so when no rep is chosen', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-territory-card></tk-territory-card>`);
    expect(text(rootOf(provider.querySelector('tk-territory-card')!))).to.equal('No rep selected');
  });
});

describe('<tk-territory-card> on a record page (focus-account)', () => {
  function load() {
    const data = smallLoad();
    data.territories[0].definition = { include: ['a1', 'a2', 'a3'] };
    data.territories[1].definition = { include: ['a4', 'a5'] };
    return data;
  }

  it("shows the record's account with its owner and territory, not the viewer's, and highlights it in a sortable list", async () => {
    // The viewer is Ana (r1, West); the record page is a4, Ben's account in East.
    const provider = await mountProvider(testAdapter('test:rec', load()), html`<tk-territory-card focus-account="a4" as-of="2026-11-27T00:00:00Z"></tk-territory-card>`, { role: 'rep', repId: 'r1' });
    const card = provider.querySelector('tk-territory-card')!;
    const root = rootOf(card);
    await waitUntil(() => !text(root.querySelector('[part~=account]')).includes('…'), 'territory not resolved');
    await detailsLoaded(root);
    expect(text(root.querySelector('[part~=account] h3'))).to.equal('This account: Account a4');
    expect(text(root.querySelector('[part~=account] p'))).to.equal('Owner: Ben Cole · Territory: East');
    expect(text(root.querySelector('h2'))).to.equal('Ben Cole');
    const rows = () => [...root.querySelectorAll('[part~=my-accounts] tbody tr')] as HTMLElement[];
    expect(rows().map((r) => r.dataset.account)).to.deep.equal(['a4']);
    expect(rows()[0].getAttribute('aria-current')).to.equal('true');
    expect(root.querySelector('tk-territory-map')!.getAttribute('focus-account')).to.equal('a4');
    // No admin notice ("N records were rejected") for a rep.
    expect(provider.shadowRoot!.querySelector('[part~=rejections]')).to.equal(null);
    // The owner changes in the draft: the card follows the account.
    provider.viewerRole = 'admin';
    await settle(provider);
    provider.actions.assign(['a4'], 'r1');
    await settle(provider);
    expect(text(root.querySelector('[part~=account] p'))).to.equal('Owner: Ana Ruiz (in the CRM: Ben Cole) · Territory: East');
    expect(text(root.querySelector('h2'))).to.equal('Ana Ruiz');
    expect(rows().find((r) => r.dataset.account === 'a4')!.getAttribute('aria-current')).to.equal('true');
    await expectNoAxeViolations(provider);
  });

  it('says why by the region\'s name: "In Utah, a region of "West"", not its code ("Region 49 of …")', async () => {
    const data = load();
    data.territories[1].definition = { regions: ['49'] };
    data.accounts = data.accounts.map((a) => (a.id === 'a4' ? { ...a, regions: ['49'] } : a));
    const provider = await mountProvider(testAdapter('test:rec-region', data), html`<tk-territory-card focus-account="a4" as-of="2026-11-27T00:00:00Z"></tk-territory-card>`, { role: 'rep', repId: 'r1' });
    const root = rootOf(provider.querySelector('tk-territory-card')!);
    await waitUntil(() => root.querySelector('[part~=account] .why') && !text(root.querySelector('[part~=account] .why')).includes('…'), 'no reason shown');
    expect(text(root.querySelector('[part~=account] .why'))).to.equal('In Utah, a region of "East"');
  });

  it('sorts my accounts by potential, last activity and alerts from the headers', async () => {
    const provider = await mountProvider(testAdapter('test:rec2', load()), html`<tk-territory-card rep-id="r1" as-of="2026-11-27T00:00:00Z"></tk-territory-card>`);
    const card = provider.querySelector('tk-territory-card')!;
    const root = rootOf(card);
    const order = () => [...root.querySelectorAll('[part~=my-accounts] tbody tr')].map((r) => (r as HTMLElement).dataset.account);
    const header = (key: string) => root.querySelector(`[part~=my-accounts] button[data-sort=${key}]`) as HTMLButtonElement;
    await detailsLoaded(root);
    expect(order()).to.deep.equal(['a1', 'a2', 'a3']); // potential 400, 200, 100
    expect(header('potential').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    header('potential').click();
    await card.updateComplete;
    expect(order()).to.deep.equal(['a3', 'a2', 'a1']);
    header('lastActivity').click();
    await card.updateComplete;
    expect(order()[0]).to.equal('a2'); // the only one with activity comes first when newest first
    header('alerts').click();
    await card.updateComplete;
    expect(order()[0]).to.equal('a1'); // a1: high potential, no recent activity
    expect(text(root.querySelector('[part~=my-accounts] tbody tr td:last-child'))).to.equal('High potential, no recent activity');
  });

  it('a last-activity date stays on one line in a narrow card (Japanese "2026/10/30" broke as "2026/1 | 0/30")', async () => {
    const provider = await mountProvider(testAdapter('test:rec3', load()), html`<tk-territory-card rep-id="r1" style="display:block;width:300px"></tk-territory-card>`, { locale: 'ja-JP' });
    const root = rootOf(provider.querySelector('tk-territory-card')!);
    await detailsLoaded(root);
    const dated = () => [...root.querySelectorAll<HTMLElement>('[part~=my-accounts] td.date')].find((td) => /\d/.test(td.textContent!));
    await waitUntil(dated, 'no dated row');
    const date = dated()!;
    // One line box for the date's text (the cell itself is as tall as its row).
    const range = document.createRange();
    range.selectNodeContents(date);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    expect(tops.size).to.equal(1, `"${date.textContent}" wrapped`);
  });
});

describe('untouchedAccounts', () => {
  it("lists a rep's high-potential accounts idle for more than stale-days (or never touched), largest first, up to the limit", () => {
    const perf = (lastActivity: string | null) => ({ pipeline: 0, closedWon: 0, lastActivity });
    const accounts = [
      account('x', 'r', { potential: 50, performance: perf('2026-01-01T00:00:00Z') }),
      account('y', 'r', { potential: 90, performance: perf('2026-11-20T00:00:00Z') }),
      account('z', 'r', { potential: 70 }),
      account('w', 'r', { potential: 60, performance: perf(null) }),
      account('small', 'r', { potential: 1 }),
      account('other', 's', { potential: 80 }),
    ];
    const reps = [rep('r', 'R'), rep('s', 'S')];
    const assignments = Object.fromEntries(accounts.map((a) => [a.id, a.ownerId]));
    const list = untouchedAccounts(accounts, reps, assignments, 'r', { asOf: '2026-11-27T00:00:00Z', potentialQuantile: 0.2, limit: 2 });
    expect(list.map((u) => [u.account.id, u.days])).to.deep.equal([
      ['z', null],
      ['w', null],
    ]);
    const all = untouchedAccounts(accounts, reps, assignments, 'r', { asOf: '2026-11-27T00:00:00Z', potentialQuantile: 0.2, limit: 10 });
    expect(all.map((u) => [u.account.id, u.days])).to.deep.equal([
      ['z', null],
      ['w', null],
      ['x', 330],
    ]);
  });
});
