import { expect, html } from '@open-wc/testing';
import { shadowRootOptions, setShadowRootMode } from '../../widgets/shared/shadow-root.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';

describe('shared switches and context sharing', () => {
  afterEach(() => setShadowRootMode('open'));

  it('setShadowRootMode("closed") makes new elements use closed shadow roots that still work', async () => {
    setShadowRootMode('closed');
    expect(shadowRootOptions.mode).to.equal('closed');
    const provider = await mountProvider(testAdapter(), html`<tk-workload-gauge rep-id="r1"></tk-workload-gauge>`);
    const gauge = provider.querySelector('tk-workload-gauge')!;
    expect(gauge.shadowRoot).to.equal(null);
    expect(provider.shadowRoot).to.equal(null);
    expect(rootOf(gauge).querySelector('[role=meter]')!.getAttribute('aria-valuenow')).to.equal('6');
  });

  it('siblings share one plan: a selection and an assignment from one provider reach every widget', async () => {
    const provider = await mountProvider(
      testAdapter(),
      html`<div><tk-workload-gauge rep-id="r1"></tk-workload-gauge></div>
        <section><tk-territory-card rep-id="r1" as-of="2026-11-27T00:00:00Z"></tk-territory-card></section>`,
    );
    const selections: string[][] = [];
    provider.addEventListener('tk-selection-change', (e) => selections.push([...e.selection]));
    provider.actions.select(['a1', 'a2']);
    expect(selections).to.deep.equal([['a1', 'a2']]);
    provider.actions.assign(['a1', 'a2', 'a3'], 'r2');
    await settle(provider);
    const gauge = provider.querySelector('tk-workload-gauge')!;
    const card = provider.querySelector('tk-territory-card')!;
    expect(rootOf(gauge).querySelector('[role=meter]')!.getAttribute('aria-valuenow')).to.equal('0');
    expect(rootOf(card).querySelector('[part~=totals] dd')!.textContent).to.match(/^0 /);
  });

  it('a selection change does not re-render widgets that do not show the selection; an assignment does', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-workload-gauge></tk-workload-gauge><tk-performance-board></tk-performance-board>`);
    const counts = new Map<Element, number>();
    for (const el of provider.querySelectorAll('tk-workload-gauge, tk-performance-board')) {
      const target = el as unknown as { render: () => unknown };
      const render = target.render.bind(target);
      counts.set(el, 0);
      target.render = () => {
        counts.set(el, counts.get(el)! + 1);
        return render();
      };
    }
    provider.actions.select(['a1']);
    await settle(provider);
    expect([...counts.values()]).to.deep.equal([0, 0]);
    provider.actions.assign(['a1'], 'r2');
    await settle(provider);
    expect([...counts.values()]).to.deep.equal([1, 1]);
  });
});
