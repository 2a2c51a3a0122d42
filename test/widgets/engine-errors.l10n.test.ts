// Issue #14: engine errors a user can cause (EngineError with a code) in the UI language — the quota
// planner's target and locked quotas, the panel's rebalance settings; any other error keeps its message.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../widgets/quota-planner/quota-planner.js';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { EngineError } from '../../src/engine/engine-error.js';
import { engineErrorText } from '../../widgets/shared/core-words.js';
import { formatters } from '../../widgets/shared/format.js';
import { currentLanguage } from '../../widgets/shared/localize.js';

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
function change(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('engine errors in the UI language', () => {
  it('in English: coded errors in plain words, any other error as its message', () => {
    expect(currentLanguage()).to.equal('en');
    const f = formatters('en-US', 'USD');
    expect(engineErrorText(new EngineError('quota-locked-over-target', 'x', { locked: 1500, target: 1000 }), f)).to.equal(
      'The locked quotas add up to $1,500, more than the team target of $1,000. Unlock a quota or raise the target.',
    );
    expect(engineErrorText(new EngineError('rebalance-option', 'x', { option: 'maxDistanceKm', value: 0 }), f)).to.equal('Move accounts at most … km must be a distance above 0, or empty for no limit.');
    expect(engineErrorText(new EngineError('rebalance-option', 'engine words', { option: 'other', value: 0 }), f)).to.equal('engine words');
    expect(engineErrorText(new Error('account "x": potential must be a finite number ≥ 0, got -1'), f)).to.equal('account "x": potential must be a finite number ≥ 0, got -1');
    expect(engineErrorText('text', f)).to.equal('text');
  });

  it('in German: the quota planner’s locked quotas above the target, nothing left to split, a negative target', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-quota-planner target="1000" period="2027-01-01"></tk-quota-planner>`, { locale: 'de-DE' });
    await waitUntil(() => currentLanguage() === 'de', 'German did not load');
    await settle(provider);
    const planner = provider.querySelector('tk-quota-planner')!;
    // Ben's quota agreed at 500 (typing it locks it), then Ana's locked at hers (500).
    change(q<HTMLInputElement>(planner, 'tr[data-rep=r2] input[type=number]')!, '500');
    await settle(provider);
    const ana = q<HTMLInputElement>(planner, 'tr[data-rep=r1] input[type=checkbox]')!;
    ana.checked = true;
    ana.dispatchEvent(new Event('change'));
    await settle(provider);
    const target = () => q<HTMLInputElement>(planner, 'input[name=target]')!;
    change(target(), '800');
    await settle(provider);
    expect(text(q(planner, '[part~=error]'))).to.match(/^Die gesperrten Quoten ergeben zusammen 1\.000\s\$, mehr als das Teamziel von 800\s\$\. Entsperren Sie eine Quote oder erhöhen Sie das Ziel\.$/);
    change(target(), '1200');
    await settle(provider);
    expect(text(q(planner, '[part~=error]'))).to.match(/^200\s\$ des Ziels sind übrig, und die Quote jedes aktiven Vertriebsmitarbeiters ist gesperrt\./);
    change(target(), '-5');
    await settle(provider);
    expect(text(q(planner, '[part~=error]'))).to.equal('Das Teamziel muss ein ganzer Betrag von 0 oder mehr sein.');
    // The way out: unlock the agreed quotas (the table is back once the target is valid).
    change(target(), '900');
    await settle(provider);
    q<HTMLButtonElement>(planner, '[part~=unlock-all]')!.click();
    await settle(provider);
    expect(q(planner, '[part~=error]')).to.equal(null);
    expect(q(planner, '[part~=table]')).to.exist;
  });

  it('in German: the panel’s rebalance with a distance limit of 0 km', async () => {
    const provider = await mountProvider(testAdapter(), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`, { locale: 'de-DE' });
    await waitUntil(() => currentLanguage() === 'de', 'German did not load');
    await settle(provider);
    const panel = provider.querySelector('tk-rep-assignment-panel')!;
    change(q<HTMLInputElement>(panel, 'input[name=maxDistanceKm]')!, '0');
    await settle(provider);
    q<HTMLButtonElement>(panel, '[part~=rebalance-form] button[type=submit]')!.click();
    await waitUntil(() => /fehlgeschlagen/.test(text(q(panel, '.error[role=alert]'))), 'no rebalance error shown', { timeout: 10_000 });
    await settle(provider);
    expect(text(q(panel, '.error[role=alert]'))).to.equal('Neu ausgleichen fehlgeschlagen: „Accounts höchstens verschieben um … km“ muss eine Entfernung über 0 sein oder leer für keine Grenze.');
  });
});
