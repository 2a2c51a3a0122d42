import { expect, html } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { rep, smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import type { TkWorkloadGauge } from '../../widgets/workload-gauge/workload-gauge.component.js';

const meters = (el: Element) => [...rootOf(el).querySelectorAll('[role=meter]')];

describe('<tk-workload-gauge>', () => {
  it('shows one rep as a meter with value, bounds, name and value text', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-workload-gauge rep-id="r1"></tk-workload-gauge>`);
    const gauge = provider.querySelector('tk-workload-gauge')!;
    const [meter] = meters(gauge);
    // r1 holds workload 6 of the team's 8, target 8/2 = 4 → 50% over.
    expect(meter.getAttribute('aria-valuenow')).to.equal('6');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(Number(meter.getAttribute('aria-valuemax'))).to.be.greaterThan(6);
    expect(meter.getAttribute('aria-label')).to.equal('Ana Ruiz workload');
    expect(meter.getAttribute('aria-valuetext')).to.equal('Ana Ruiz: workload 6 of target 4 (50% over)');
    expect(rootOf(gauge).querySelector('[part~=gauge]')!.classList.contains('over')).to.equal(true);
    await expectNoAxeViolations(provider);
  });

  it('follows the metric and tolerance attributes', async () => {
    const provider = await mountProvider(
      testAdapter(),
      html`<tk-workload-gauge rep-id="r2" metric="count" tolerance="0.6"></tk-workload-gauge>`,
    );
    const gauge = provider.querySelector('tk-workload-gauge')!;
    // r2 has 1 of 5 accounts, target 2.5 → 60% under, within a 0.6 tolerance.
    // Whole accounts: the 2.5 target reads 3 (the deviation stays exact).
    expect(meters(gauge)[0].getAttribute('aria-valuetext')).to.equal('Ben Cole: accounts 1 of target 3 (60% under, within tolerance)');
    gauge.metric = 'potential';
    await gauge.updateComplete;
    expect(meters(gauge)[0].getAttribute('aria-valuetext')).to.equal('Ben Cole: potential $300 of target $500 (40% under, within tolerance)');
  });

  it('updates live when a sibling assigns through the shared actions', async () => {
    const provider = await mountProvider(
      testAdapter(),
      html`<tk-workload-gauge rep-id="r2"></tk-workload-gauge><tk-workload-gauge></tk-workload-gauge>`,
    );
    const [one, team] = [...provider.querySelectorAll('tk-workload-gauge')] as TkWorkloadGauge[];
    expect(meters(one)[0].getAttribute('aria-valuenow')).to.equal('2');
    provider.actions.assign(['a2'], 'r2');
    await settle(provider);
    expect(meters(one)[0].getAttribute('aria-valuenow')).to.equal('4');
    expect(meters(one)[0].getAttribute('aria-valuetext')).to.contain('workload 4 of target 4 (on target)');
    expect(meters(team).map((m) => m.getAttribute('aria-valuenow'))).to.deep.equal(['4', '4']);
    expect(rootOf(team).querySelector('[part~=stats]')!.textContent).to.match(/Max deviation\s*0%/);
    provider.actions.undo();
    await settle(provider);
    expect(meters(one)[0].getAttribute('aria-valuenow')).to.equal('2');
  });

  it('team view: a meter per rep plus max deviation, CV and Gini from evaluatePlan', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-workload-gauge></tk-workload-gauge>`);
    const team = provider.querySelector('tk-workload-gauge')!;
    expect(meters(team).map((m) => m.getAttribute('aria-label'))).to.deep.equal(['Ana Ruiz workload', 'Ben Cole workload']);
    const stats = [...rootOf(team).querySelectorAll('[part~=stats] div')].map((d) => `${d.querySelector('dt')!.textContent}=${d.querySelector('dd')!.textContent}`);
    // ratios 6/4 = 1.5 and 2/4 = 0.5: max deviation 50%, CV 0.5, Gini 0.25.
    expect(stats).to.deep.equal(['Max deviation=50%', 'CV=0.5', 'Gini=0.25']);
    await expectNoAxeViolations(provider);
  });

  it('an inactive rep who still owns accounts reads "value · inactive rep", not "value / 0"', async () => {
    const load = smallLoad();
    load.reps = [rep('r1', 'Ana Ruiz'), rep('r2', 'Ben Cole', { active: false })];
    const provider = await mountProvider(testAdapter('test:gauge-inactive', load), html`<tk-workload-gauge></tk-workload-gauge>`);
    const team = provider.querySelector('tk-workload-gauge')!;
    const delta = (name: string) =>
      [...rootOf(team).querySelectorAll('[part~=gauge]')].find((g) => g.querySelector('.name')!.textContent!.trim() === name)!.querySelector('.delta')!.textContent!.trim();
    expect(delta('Ben Cole')).to.equal('2 · inactive rep');
    expect(delta('Ana Ruiz')).to.equal('6 / 8 · -25%');
  });

  it('renders a placeholder outside a provider', async () => {
    const el = document.createElement('tk-workload-gauge');
    document.body.append(el);
    await el.updateComplete;
    expect(rootOf(el).textContent).to.contain('No plan loaded');
    el.remove();
  });
});
