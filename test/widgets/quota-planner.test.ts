import { expect, html } from '@open-wc/testing';
import '../../widgets/quota-planner/quota-planner.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';

const rows = (el: Element) =>
  [...rootOf(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => [tr.dataset.rep, tr.querySelector<HTMLInputElement>('input[type=number]')!.value, tr.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked]);

async function change(el: HTMLInputElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('change'));
}

describe('<tk-quota-planner>', () => {
  it('splits the target by potential, keeps an agreed quota, says who carries more, and applies as one undoable step', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-quota-planner target="1000" period="2027-01-01"></tk-quota-planner>`);
    const planner = provider.querySelector('tk-quota-planner')!;
    const root = rootOf(planner);
    // r1 holds potential 700, r2 300
    expect(rows(planner)).to.deep.equal([['r1', '700', false], ['r2', '300', false]]);
    expect(root.querySelector('[part~=sum]')!.textContent).to.contain('= target');
    expect(root.querySelector('[part~=fairness]')!.textContent).to.contain('Every rep is asked for at most 5% more');
    await expectNoAxeViolations(provider);

    // Ben's quota is agreed at 500: typing it locks it, Ana takes the rest
    await change(root.querySelector<HTMLInputElement>('tr[data-rep=r2] input[type=number]')!, '500');
    await settle(provider);
    expect(rows(planner)).to.deep.equal([['r1', '500', false], ['r2', '500', true]]);
    expect(root.querySelector('[part~=fairness]')!.textContent).to.contain('Ben Cole is asked for 67% more than their potential share ($500 against $300)');
    expect(root.querySelector('[part~=sum]')!.textContent).to.contain('= target');

    const before = provider.state.past.length;
    root.querySelector<HTMLButtonElement>('[part~=apply]')!.click();
    await settle(provider);
    expect(provider.state.quotas).to.deep.equal([
      { repId: 'r1', period: '2027-01-01', amount: 500 },
      { repId: 'r2', period: '2027-01-01', amount: 500, locked: true },
    ]);
    expect(provider.state.past.length).to.equal(before + 1);
    expect(root.querySelector('[role=status]')!.textContent).to.contain('applied to the plan');
    // the CRM here takes no quotas: the element says they stay in the plan, and exports them
    expect(root.querySelector('[part~=crm-note]')!.textContent).to.contain('stay in the plan');
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Export quotas'))!.click();
    await settle(provider);
    const link = root.querySelector<HTMLAnchorElement>('a[part~=download]')!;
    const csv = await (await fetch(link.href)).text();
    expect(csv).to.equal('rep_id,rep,period_start,amount,locked\r\nr1,Ana Ruiz,2027-01-01,500,no\r\nr2,Ben Cole,2027-01-01,500,yes\r\n');

    provider.actions.undo();
    await settle(provider);
    expect(provider.state.quotas).to.deep.equal([]);
  });

  it('says why a split is impossible, and offers no Apply to a rep', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-quota-planner target="100" period="2027-01-01"></tk-quota-planner>`, { role: 'rep', repId: 'r1' });
    const planner = provider.querySelector('tk-quota-planner')!;
    const root = rootOf(planner);
    expect(root.querySelector<HTMLButtonElement>('[part~=apply]')!.disabled).to.equal(true);
    await change(root.querySelector<HTMLInputElement>('tr[data-rep=r2] input[type=number]')!, '300');
    await settle(provider);
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('The locked quotas add up to $300, more than the team target of $100.');
  });

  it('with a CRM that takes quotas, drops the stays-in-the-plan note', async () => {
    const provider = await mountProvider(testAdapter('test:1', undefined, { canWriteQuotas: true }), html`<tk-quota-planner target="1000"></tk-quota-planner>`);
    expect(rootOf(provider.querySelector('tk-quota-planner')!).querySelector('[part~=crm-note]')).to.equal(null);
  });
});
