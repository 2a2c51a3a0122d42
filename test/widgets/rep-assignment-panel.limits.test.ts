// The rebalance's limits in the panel: a distance limit the user sets (and sees when it binds), the
// engine's proven limits in plain words with names, far moves with their distance.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { spyOnWorkers } from '../helpers/worker-spy.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import { haversineKm, sphericalCentroid } from '../../src/engine/geo.js';
import type { Account, Assignments, Rep, RebalanceResult } from '../../src/index.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => rootOf(el).querySelector<T>(sel);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The preview's result, as the panel's controller holds it. */
const resultOf = (panel: Element) => (panel as unknown as { rebalance: { phase: { kind: string; result?: RebalanceResult } } }).rebalance.phase.result!;

async function run(provider: TkTerritoryProvider, fields: Record<string, string>): Promise<Element> {
  const panel = panelOf(provider);
  for (const [name, value] of Object.entries(fields)) {
    const input = q<HTMLInputElement>(panel, `input[name=${name}]`)!;
    expect(input, `input ${name}`).to.exist;
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(provider);
  }
  q<HTMLButtonElement>(panel, 'form button[type=submit]')!.click();
  await waitUntil(() => q(panel, '[part~=preview]'), 'no preview', { timeout: 30000 });
  await settle(provider);
  return q(panel, '[part~=preview]')!;
}

/** Km from each account to the rep's anchor (home, else the workload-weighted centroid of its starting accounts). */
function anchorKm(accounts: readonly Account[], reps: readonly Rep[], start: Assignments) {
  const anchors = new Map<string, { lat: number; lng: number } | null>();
  for (const r of reps) {
    const own = accounts.filter((a) => start[a.id] === r.id && a.lat !== null && a.lng !== null);
    anchors.set(r.id, r.home ?? sphericalCentroid(own.map((a) => ({ lat: a.lat!, lng: a.lng!, weight: a.workload ?? 1 }))));
  }
  return (a: Account, repId: string) => {
    const p = anchors.get(repId);
    return p && a.lat !== null && a.lng !== null ? haversineKm(a.lat, a.lng, p.lat, p.lng) : 0;
  };
}

const startOf = (accounts: readonly Account[]) => Object.fromEntries(accounts.map((a) => [a.id, a.ownerId])) as Assignments;

describe('<tk-rep-assignment-panel> rebalance limits', () => {
  it('a distance limit: no move goes farther, and the preview says where it binds, with account names', async () => {
    const data = generateDemoData({ seed: 11, accounts: 600, reps: 8 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    // the field is there, empty (no limit) by default
    expect(q<HTMLInputElement>(panel, 'input[name=maxDistanceKm]')!.value).to.equal('');
    const preview = await run(provider, { maxDistanceKm: '200' });
    const result = resultOf(panel);
    expect(result.distanceLimit?.maxDistanceKm).to.equal(200);
    expect(result.distanceLimit?.binds).to.equal(true);
    const km = anchorKm(data.accounts, data.reps, startOf(data.accounts));
    const byId = new Map(data.accounts.map((a) => [a.id, a]));
    expect(result.moves.length).to.be.greaterThan(0);
    for (const m of result.moves) expect(km(byId.get(m.accountId)!, m.to), m.accountId).to.be.at.most(200 + 1e-6);

    const lines = [...preview.querySelectorAll('[part~=preview-summary] li')].map(text);
    const line = lines.find((l) => /could not move: every rep with room is farther than 200 km/.test(l));
    expect(line, lines.join(' | ')).to.exist;
    const count = result.distanceLimit!.accountCount;
    expect(line).to.match(new RegExp(`^${count} accounts? could not move: every rep with room is farther than 200 km \\(`));
    // the first accounts by name (not id), and the rest counted
    const named = result.distanceLimit!.accountIds.slice(0, 3).map((id) => byId.get(id)!.name);
    for (const name of named) expect(line).to.contain(name);
    expect(line).not.to.match(/acc-\d/);
    if (count > 3) expect(line).to.contain(`and ${count - 3} more`);
    // accounts without an owner that no rep within reach can take are named as such
    const unowned = result.unplacedAccountIds.filter((id) => !byId.get(id)!.locked);
    if (unowned.length) {
      const l = lines.find((x) => x.includes('without an active owner could not be placed'));
      expect(l).to.match(new RegExp(`^${unowned.length} accounts? without an active owner could not be placed: no active rep is within 200 km \\(${byId.get(unowned[0])!.name}`));
    }
    // the headline does not call it balanced while accounts are left unplaced or reps outside
    const headline = text(preview.querySelector('[part~=preview-headline]'));
    if (result.outsideToleranceRepIds.length || result.unplacedAccountIds.some((id) => !byId.get(id)!.locked)) expect(headline).not.to.match(/Balanced/);
    expect(text(preview)).not.to.match(/maxDistanceKm|maxMoves|outsideTolerance|large-account|local-optimum|infeasible/);
  });

  it('without a distance limit, far moves show their distance in the list', async () => {
    const data = generateDemoData({ seed: 11, accounts: 600, reps: 8 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const preview = await run(provider, {});
    const result = resultOf(panelOf(provider));
    expect(result.distanceLimit).to.equal(null);
    const km = anchorKm(data.accounts, data.reps, startOf(data.accounts));
    const byId = new Map(data.accounts.map((a) => [a.id, a]));
    const listed = [...preview.querySelectorAll<HTMLElement>('[part~=moves] li[data-account]')];
    let far = 0;
    for (const li of listed) {
      const m = result.moves.find((x) => x.accountId === li.dataset.account)!;
      const d = km(byId.get(m.accountId)!, m.to);
      const shown = li.querySelector<HTMLElement>('.far');
      if (d > 500.5) {
        far++;
        expect(shown, `${m.accountId} ${d} km`).to.exist;
        expect(Math.abs(Number(shown!.dataset.km) - d)).to.be.below(1);
        expect(text(shown)).to.match(/^\([\d,]+ km away\)$/);
      } else if (d < 499.5) expect(shown, `${m.accountId} ${d} km`).to.equal(null);
    }
    expect(far).to.be.greaterThan(0);
    expect([...preview.querySelectorAll('[part~=preview-summary] li')].map(text).some((l) => /farther than 500 km; the longest: .+ → .+, [\d,]+ km\. Set “Move accounts at most” to keep moves near\.$/.test(l))).to.equal(true);
  });

  it('a whale: the limit sentence names the account, its rep and the widened band', async () => {
    const data = generateDemoData({ seed: 11, accounts: 800, reps: 12 });
    for (const a of data.accounts) a.locked = false;
    for (const r of data.reps) r.capacity = 1;
    const total = data.accounts.reduce((s, a) => s + a.potential, 0);
    const whale = data.accounts.find((a) => a.ownerId)!;
    whale.potential = (total * 0.12) / 0.88; // 12% of all potential, with 12 reps of equal capacity (target 8.3%)
    const owner = data.reps.find((r) => r.id === whale.ownerId)!;
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const preview = await run(provider, {});
    const result = resultOf(panelOf(provider));
    const limit = result.limits.find((l) => l.cause === 'large-account');
    expect(limit, JSON.stringify(result.limits)).to.exist;
    const lines = [...preview.querySelectorAll('[part~=preview-summary] li')].map(text);
    const line = lines.find((l) => l.includes(whale.name));
    expect(line, lines.join(' | ')).to.match(
      new RegExp(`^${owner.name} holds ${whale.name}, 12% of all potential: ${owner.name}'s potential band is widened to ±[\\d.]+%( \\(now [\\d.]+%\\))?; every other rep keeps ±5%\\.$`),
    );
    expect(line).to.contain(`±${(Math.round(limit!.bound * 1000) / 10).toString()}%`);
    const headline = text(preview.querySelector('[part~=preview-headline]'));
    expect(headline).not.to.match(/Balanced/);
    expect(result.outsideToleranceRepIds).to.include(owner.id);
  });

  it('locks: the sentences name the rep holding locked accounts and the locked rep, with the band each is held to', async () => {
    const data = generateDemoData({ seed: 5, accounts: 400, reps: 6 });
    for (const a of data.accounts) a.locked = false;
    for (const r of data.reps) r.capacity = 1;
    const [r1, r2] = data.reps;
    let k = 0;
    for (const a of data.accounts) {
      if (k < 110 && a.ownerId !== r2.id) {
        a.ownerId = r1.id;
        a.locked = true;
        k++;
      }
    }
    r2.locked = true;
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const preview = await run(provider, {});
    const result = resultOf(panelOf(provider));
    const lockedLimit = result.limits.find((l) => l.cause === 'locked-accounts' && l.metric === 'workload')!;
    const repLimit = result.limits.find((l) => l.cause === 'locked-rep' && l.metric === 'workload')!;
    expect(lockedLimit.repIds).to.deep.equal([r1.id]);
    expect(repLimit.repIds).to.deep.equal([r2.id]);
    const byId = new Map(data.accounts.map((a) => [a.id, a]));
    const lines = [...preview.querySelectorAll('[part~=preview-summary] li')].map(text);
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    const first = lockedLimit.accountIds.slice(0, 3).map((id) => byId.get(id)!.name);
    expect(lines).to.include(
      `110 locked accounts (${first.join(', ')} and 107 more) alone put ${r1.name} over target on workload: their band is widened to ±${pct(lockedLimit.bound)}. Unlock them to let them move.`,
    );
    expect(lines).to.include(`${r2.name} is locked and stays ${pct(repLimit.reached)} off target on workload; unlock this rep to rebalance their accounts.`);
    const headline = text(preview.querySelector('[part~=preview-headline]'));
    expect(headline).to.equal(`Better, but locks keep ${result.outsideToleranceRepIds.length} reps outside ±5%.`);
  });

  it('only locked accounts left without an owner: "Balanced — N locked accounts have no owner"', async () => {
    const data = generateDemoData({ seed: 11, accounts: 600, reps: 8 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const preview = await run(provider, {});
    const result = resultOf(panelOf(provider));
    const byId = new Map(data.accounts.map((a) => [a.id, a]));
    // this data set ends with every rep within tolerance and its locked orphans unplaced
    expect(result.outsideToleranceRepIds).to.deep.equal([]);
    expect(result.unplacedAccountIds.length).to.be.greaterThan(0);
    expect(result.unplacedAccountIds.every((id) => byId.get(id)!.locked)).to.equal(true);
    const n = result.unplacedAccountIds.length;
    expect(text(preview.querySelector('[part~=preview-headline]'))).to.equal(`Balanced — ${n} locked account${n === 1 ? '' : 's'} ${n === 1 ? 'has' : 'have'} no owner.`);
  });

  it('the Worker path carries the distance limit to the engine', async () => {
    const posted: unknown[] = [];
    const original = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: unknown) {
      posted.push(message);
      return (original as (m: unknown, t?: unknown) => void).call(this, message, transfer);
    };
    try {
      const data = generateDemoData({ seed: 11, accounts: 600, reps: 8 });
      const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
      await run(provider, { maxDistanceKm: '150' });
      const options = posted.map((m) => (m as { options?: { maxDistanceKm?: number } }).options).filter(Boolean);
      expect(options.length).to.be.greaterThan(0);
      expect(options[0]!.maxDistanceKm).to.equal(150);
      expect(resultOf(panelOf(provider)).distanceLimit?.maxDistanceKm).to.equal(150);
    } finally {
      Worker.prototype.postMessage = original;
    }
  });

  it('the main-thread path carries it too, and an unreadable distance is refused with a clear error', async () => {
    const data = generateDemoData({ seed: 11, accounts: 300, reps: 6 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel rebalance-worker="never"></tk-rep-assignment-panel>`);
    const panel = panelOf(provider);
    const input = q<HTMLInputElement>(panel, 'input[name=maxDistanceKm]')!;
    input.value = '-3';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(provider);
    q<HTMLButtonElement>(panel, 'form button[type=submit]')!.click();
    await settle(provider);
    expect(text(q(panel, '[data-section=rebalance] .error'))).to.match(/^Move accounts at most … km must be a distance ≥ 0, or empty for no limit\.$/);
    const spy = spyOnWorkers();
    try {
      await run(provider, { maxDistanceKm: '250' });
    } finally {
      spy.restore();
    }
    expect(spy.messages.length, 'no worker ran').to.equal(0);
    expect(resultOf(panel).distanceLimit?.maxDistanceKm).to.equal(250);
  });
});
