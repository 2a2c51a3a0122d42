// The panel's rebalance preview reaches the map through the store (state.previewAssignments): the map
// marks exactly the accounts the preview lists, and Discard / Apply take the marks away.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import type { TkTerritoryMap } from '../../widgets/territory-map/territory-map.component.js';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
interface PreviewInternals {
  preview: { moves: { position: number }[]; shown: number };
  ix: { accounts: { id: string }[] };
}

function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('rebalance preview on the map', () => {
  it('shows the panel’s proposed moves as map marks until Discard, and not after Apply', async () => {
    const data = generateDemoData({ seed: 3, accounts: 300, reps: 6 });
    const provider = await mountProvider(
      createMemoryAdapter(data),
      html`<tk-territory-map style="height:400px"></tk-territory-map><tk-rep-assignment-panel></tk-rep-assignment-panel>`,
    );
    const map = provider.querySelector('tk-territory-map') as TkTerritoryMap;
    const panel = provider.querySelector('tk-rep-assignment-panel')!;
    const before = provider.state.working;
    const maxMoves = rootOf(panel).querySelector<HTMLInputElement>('input[name=maxMoves]')!;
    maxMoves.value = '9';
    maxMoves.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(provider);
    button(rootOf(panel), 'Rebalance').click();
    await waitUntil(() => rootOf(panel).querySelector('[part~=preview]'), 'no preview', { timeout: 15_000 });
    await settle(provider);
    const listed = [...rootOf(panel).querySelectorAll<HTMLElement>('[part~=moves] li[data-account]')].map((li) => li.dataset.account!);
    expect(listed.length).to.be.within(1, 9);
    // The store holds the preview; the map draws one mark per listed move (all have coordinates here or are counted).
    expect(Object.keys(provider.state.previewAssignments ?? {})).to.have.members(listed);
    const internals = map as unknown as PreviewInternals;
    const marked = internals.preview.moves.map((m) => internals.ix.accounts[m.position].id);
    const located = listed.filter((id) => data.accounts.find((a) => a.id === id)!.lat !== null);
    expect(marked).to.have.members(located);
    expect(text(map.renderRoot.querySelector('[part~=preview-legend]'))).to.contain(`Rebalance preview: ${listed.length} account${listed.length === 1 ? '' : 's'} would move`);
    // A preview is not an edit.
    expect(provider.state.working).to.equal(before);
    expect(provider.state.past.length).to.equal(0);

    button(rootOf(panel), 'Discard').click();
    await settle(provider);
    expect(provider.state.previewAssignments).to.equal(null);
    expect(internals.preview.moves).to.deep.equal([]);
    expect(map.renderRoot.querySelector('[part~=preview-legend]')).to.equal(null);

    // Run again and apply: the marks go (the moves are now the plan).
    button(rootOf(panel), 'Rebalance').click();
    await waitUntil(() => rootOf(panel).querySelector('[part~=preview]'), 'no second preview', { timeout: 15_000 });
    await settle(provider);
    expect(internals.preview.moves.length).to.be.greaterThan(0);
    button(rootOf(panel), 'Apply').click();
    await settle(provider);
    expect(provider.state.past.length).to.equal(1);
    expect(internals.preview.moves).to.deep.equal([]);
  });
});

describe('rebalance preview over clusters', () => {
  interface Layer {
    shown: number;
    badges: { x: number; y: number; cx: number; cy: number; r: number; count: number }[];
    drawn: number[];
  }
  interface Internals {
    preview: { layer: Layer | null; moves: unknown[] };
    accountLayer: { marks: { x: number; y: number; r: number; count: number; leaves?: Uint32Array }[]; stats: { mode: string } };
  }

  it('badges a cluster’s moves on its rim (with their number), so the cluster’s count stays readable', async () => {
    const data = generateDemoData({ seed: 11, accounts: 2000, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-territory-map style="height:400px;width:400px;display:block"></tk-territory-map>`);
    const map = provider.querySelector('tk-territory-map') as TkTerritoryMap;
    const internals = map as unknown as Internals;
    await waitUntil(() => internals.accountLayer?.stats.mode === 'clusters' && internals.accountLayer.marks.some((m) => m.leaves), 'no clusters', { timeout: 10_000 });
    // Every 10th located account would go to another rep.
    const reps = provider.state.reps.map((r) => r.id);
    const preview: Record<string, string> = {};
    provider.state.accounts.forEach((a, k) => {
      if (k % 10 === 0 && a.lat !== null) preview[a.id] = reps.find((r) => r !== provider.state.working[a.id])!;
    });
    provider.actions.previewAssignments!(preview);
    await settle(provider);
    await waitUntil(() => internals.preview.layer && internals.preview.layer.shown > 0, 'preview not drawn', { timeout: 10_000 });
    const layer = internals.preview.layer!;
    const marks = internals.accountLayer.marks;
    // No single-account marker is drawn over a labelled cluster's count.
    for (let k = 0; k < layer.drawn.length; k += 3) {
      for (const m of marks) if (m.r >= 12) expect(Math.hypot(layer.drawn[k] - m.x, layer.drawn[k + 1] - m.y)).to.be.greaterThan(10);
    }
    expect(layer.badges.length).to.be.greaterThan(0);
    // A badge sits on its cluster's rim, clear of the count in the middle, and counts that cluster's moves.
    for (const b of layer.badges) {
      expect(Math.hypot(b.x - b.cx, b.y - b.cy)).to.be.at.least(b.r);
      const mark = marks.find((m) => m.x === b.cx && m.y === b.cy)!;
      const ix = (map as unknown as { ix: { accounts: { id: string }[] } }).ix;
      const moved = [...mark.leaves!].filter((i) => Object.hasOwn(preview, ix.accounts[i].id)).length;
      expect(b.count).to.equal(moved);
    }
    expect(layer.badges.reduce((s, b) => s + b.count, 0) + layer.drawn.length / 3).to.equal(layer.shown);
  });
});
