import { expect, html } from '@open-wc/testing';
import '../../widgets/distribute-preview/distribute-preview.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
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
