// Rebalance results read right: headline matches the figures, plain words, no option names.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function run(provider: TkTerritoryProvider, maxMoves: string): Promise<Element> {
  const panel = panelOf(provider);
  const input = q<HTMLInputElement>(panel, 'input[name=maxMoves]')!;
  input.value = maxMoves;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(provider);
  q<HTMLButtonElement>(panel, 'form button[type=submit]')!.click();
  await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 20000 });
  await settle(provider);
  return q(panel, '[part~=preview]')!;
}

describe('<tk-rep-assignment-panel> rebalance in plain words', () => {
  it('a small budget: names the limit in words, says what was done and what remains', async () => {
    const data = generateDemoData({ seed: 42, accounts: 1500, reps: 12 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const preview = await run(provider, '20');
    const all = text(preview);
    expect(all).not.to.match(/maxMoves|maxPotentialMoved|budget-exhausted|local-optimum/);
    expect(text(preview.querySelector('[part~=preview-headline]'))).to.match(/^Stopped at the limit of 20 accounts moved: (better, )?not yet balanced\.$/);
    const lines = [...preview.querySelectorAll('[part~=preview-summary] li')].map(text);
    expect(lines[0]).to.match(/^Moves 20 accounts( \(\d+ had no active owner and were placed first\))?, \$[\d,]+ of potential\.$/);
    expect(lines[1]).to.match(/^Worst deviation from target: workload [\d.]+%, potential [\d.]+% before, workload [\d.]+%, potential [\d.]+% after\.$/);
    expect(lines.some((l) => /^Still outside ±5%: \d+ reps? \(/.test(l))).to.equal(true, lines.join(' | '));
    expect(lines).to.include('Raise the limit, or apply this and run again, to go further.');
  });

  it('without limits the headline says balanced only when every active rep is within tolerance', async () => {
    const data = generateDemoData({ seed: 7, accounts: 600, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const preview = await run(provider, '');
    const headline = text(preview.querySelector('[part~=preview-headline]'));
    const panel = panelOf(provider);
    const after = text(q(panel, '[data-stat=potential-deviation]')).split('→')[1].trim();
    const afterW = text(q(panel, '[data-stat=workload-deviation]')).split('→')[1].trim();
    const within = parseFloat(after) <= 5 && parseFloat(afterW) <= 5;
    if (within) expect(headline).to.match(/^Balanced: every active rep is within ±5%\.$/);
    else expect(headline).not.to.match(/Balanced/);
    expect(text(preview)).not.to.match(/maxMoves|Blocked by locks or inactive reps/);
  });
});
