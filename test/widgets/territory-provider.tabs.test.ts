// Issue #13 items 1 and 2, end to end in the browser: unsaved work survives reloads (also edits made
// while the restore offer is open), and two "tabs" (same-origin iframes sharing localStorage,
// navigator.locks and BroadcastChannel) never overwrite each other's unsaved work.
import { expect, waitUntil } from '@open-wc/testing';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.js';
import { pendingChanges } from '../../src/store/selectors.js';
import { testAdapter } from '../helpers/plan-fixture.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import '../../widgets/territory-provider/territory-provider.js';

const PAGE = new URL('./fixtures/provider-page.html', import.meta.url).href;

type Frame = HTMLIFrameElement & { contentWindow: Window & { provider?: TkTerritoryProvider } };

const frames: Frame[] = [];

/** Opens the provider page in an iframe ("a tab") and waits until its plan is ready. */
async function openTab(adapter: string, delay = 60_000, extra = ''): Promise<Frame> {
  const frame = document.createElement('iframe') as Frame;
  frame.style.width = '600px';
  frame.style.height = '300px';
  frame.src = `${PAGE}?adapter=${encodeURIComponent(adapter)}&delay=${delay}${extra}`;
  document.body.append(frame);
  frames.push(frame);
  await ready(frame);
  return frame;
}

async function ready(frame: Frame): Promise<TkTerritoryProvider> {
  await waitUntil(() => frame.contentWindow?.provider?.state.status === 'ready', 'tab did not load', { timeout: 15_000 });
  const el = frame.contentWindow.provider!;
  await el.updateComplete;
  return el;
}

/** Reloads the tab (pagehide fires in the old page) and waits for the new page's plan. */
async function reload(frame: Frame): Promise<TkTerritoryProvider> {
  const old = frame.contentWindow.provider;
  frame.contentWindow.location.reload();
  await waitUntil(() => frame.contentWindow?.provider && frame.contentWindow.provider !== old, 'tab did not reload', { timeout: 15_000 });
  return ready(frame);
}

const shadow = (el: TkTerritoryProvider) => el.renderRoot as ShadowRoot;
const part = (el: TkTerritoryProvider, name: string) => shadow(el).querySelector(`[part~=${name}]`);
const button = (el: TkTerritoryProvider, text: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === text) as HTMLButtonElement | undefined;
const moves = (el: TkTerritoryProvider) => pendingChanges(el.state).map((c) => `${c.accountId}→${c.to}`);

afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

describe('<tk-territory-provider> across reloads and tabs', () => {
  it('unsaved work survives reloads, including edits made while the restore offer is open', async () => {
    const adapter = `test:reload-${Math.random()}`;
    const tab = await openTab(adapter);
    let el = tab.contentWindow.provider!;
    el.actions.assign(['a1'], 'r2');
    // Reload at once: the debounce (60 s here) has not written anything; pagehide must.
    el = await reload(tab);
    expect(part(el, 'restore')?.textContent).to.match(/Restore 1 unsaved change from/);
    // The offer stays open; more work happens meanwhile.
    el.actions.assign(['a3'], 'r2');
    el.actions.assign(['a4'], 'r1');
    expect(moves(el)).to.deep.equal(['a3→r2', 'a4→r1']);
    el = await reload(tab);
    // Nothing made in between is lost: the offer holds the old change and the new ones.
    expect(part(el, 'restore')?.textContent).to.match(/Restore 3 unsaved changes from/);
    // Another edit, then restore: the offered changes apply, the newer edit of a3 wins.
    el.actions.assign(['a3'], null);
    button(el, 'Restore')!.click();
    await el.updateComplete;
    expect(moves(el)).to.deep.equal(['a1→r2', 'a3→null', 'a4→r1']);
    expect(part(el, 'restore-report')?.textContent).to.contain('Account a3: you changed it again since');
    el = await reload(tab);
    button(el, 'Restore')!.click();
    await el.updateComplete;
    expect(moves(el)).to.deep.equal(['a1→r2', 'a3→null', 'a4→r1']);
  });

  it('tampered storage never crashes the page or restores invalid changes', async () => {
    const adapter = `test:tamper-${Math.random()}`;
    const key = `territory-kit:plan:${adapter}:manager:-`;
    const tab = await openTab(adapter);
    const storage = localStorage; // same origin as the tab: the same storage
    for (const text of ['{nope', '[]', JSON.stringify({ version: 2 }), JSON.stringify({ version: 1, adapterId: adapter, savedAt: 'x', changes: [] })]) {
      storage.setItem(key, text);
      const el = await reload(tab);
      expect(part(el, 'restore'), text).to.equal(null);
      expect(el.state.status).to.equal('ready');
    }
    storage.setItem(
      key,
      JSON.stringify({
        version: 1,
        adapterId: adapter,
        savedAt: new Date().toISOString(),
        changes: [
          { accountId: 'a1', from: 'r1', to: 'r2' },
          { accountId: 'a2', from: 'r1', to: 'ghost-rep' },
          { accountId: 'nope', from: null, to: 'r1' },
          { accountId: '', from: null, to: 'r1' },
          { accountId: 'a3', from: 'r2', to: 'r1' },
          '<img src=x onerror=alert(1)>',
        ],
      }),
    );
    const el = await reload(tab);
    button(el, 'Restore')!.click();
    await el.updateComplete;
    expect(moves(el)).to.deep.equal(['a1→r2']);
  });

  it('a second tab opens read-only with a notice, takes over on request, and no edit is lost', async () => {
    const adapter = `test:tabs-${Math.random()}`;
    const one = await openTab(adapter);
    const a = one.contentWindow.provider!;
    a.actions.assign(['a1'], 'r2');
    const two = await openTab(adapter);
    let b = two.contentWindow.provider!;
    await waitUntil(() => part(b, 'other-tab'), 'no read-only notice');
    expect(part(b, 'other-tab')!.textContent).to.contain('Another tab is editing this plan, so it is read-only here');
    expect(b.state.readOnlyReason).to.equal('other-tab');
    expect(b.actions.assign(['a2'], 'r2')).to.equal(false);
    expect(part(b, 'toolbar')).to.equal(null);
    expect(part(a, 'other-tab')).to.equal(null);
    // The owner goes on editing (not yet persisted: a 60 s debounce), then the second tab takes over.
    a.actions.assign(['a4'], 'r1');
    button(b, 'Edit here instead')!.click();
    await waitUntil(() => a.state.readOnlyReason === 'other-tab', 'the owner did not hand over');
    await waitUntil(() => b.state.readOnlyReason === null && part(b, 'restore'), 'the second tab did not take over', { timeout: 15_000 });
    b = two.contentWindow.provider!;
    expect(part(b, 'restore')!.textContent).to.match(/Restore 2 unsaved changes/);
    button(b, 'Restore')!.click();
    await b.updateComplete;
    expect(moves(b)).to.deep.equal(['a1→r2', 'a4→r1']);
    await a.updateComplete;
    expect(part(a, 'other-tab')!.textContent).to.contain('read-only here');
    expect(a.actions.assign(['a2'], 'r2')).to.equal(false);
    // The editing tab closes: the first takes over by itself and gets everything back.
    b.actions.assign(['a2'], null);
    two.remove();
    await waitUntil(() => a.state.readOnlyReason === null && part(a, 'restore'), 'the first tab did not take over', { timeout: 15_000 });
    button(a, 'Restore')!.click();
    await a.updateComplete;
    expect(moves(a)).to.deep.equal(['a1→r2', 'a2→null', 'a4→r1']);
  });

  it('without navigator.locks, a BroadcastChannel handshake keeps the second tab read-only until the owner closes', async () => {
    const adapter = `test:nolocks-${Math.random()}`;
    const one = await openTab(adapter, 60_000, '&nolocks');
    expect(one.contentWindow.navigator.locks).to.equal(undefined);
    const a = one.contentWindow.provider!;
    a.actions.assign(['a1'], 'r2');
    const two = await openTab(adapter, 60_000, '&nolocks');
    const b = two.contentWindow.provider!;
    await waitUntil(() => part(b, 'other-tab'), 'no read-only notice');
    expect(b.actions.assign(['a2'], 'r2')).to.equal(false);
    a.actions.assign(['a4'], 'r1');
    one.remove(); // pagehide: the owner keeps its work, then says it is gone
    await waitUntil(() => b.state.readOnlyReason === null && part(b, 'restore'), 'the second tab did not take over', { timeout: 15_000 });
    button(b, 'Restore')!.click();
    await b.updateComplete;
    expect(moves(b)).to.deep.equal(['a1→r2', 'a4→r1']);
  });

  it('two providers on one page with the same plan: the second is read-only and its notice passes axe', async () => {
    const id = `test:same-page-${Math.random()}`;
    const mount = async () => {
      const el = document.createElement('tk-territory-provider');
      el.setAttribute('viewer-role', 'manager');
      el.adapter = testAdapter(id); // storage: the page's localStorage (the default)
      document.body.append(el);
      await waitUntil(() => el.state.status === 'ready', 'provider did not load');
      await el.updateComplete;
      return el;
    };
    const first = await mount();
    const second = await mount();
    try {
      expect(first.state.readOnlyReason).to.equal(null);
      expect(second.state.readOnlyReason).to.equal('other-tab');
      await expectNoAxeViolations(second);
      first.actions.assign(['a2'], 'r2');
      button(second, 'Edit here instead')!.click();
      await waitUntil(() => second.state.readOnlyReason === null && part(second, 'restore'), 'no take-over', { timeout: 15_000 });
      expect(first.state.readOnlyReason).to.equal('other-tab');
      button(second, 'Restore')!.click();
      expect(moves(second)).to.deep.equal(['a2→r2']);
    } finally {
      first.remove();
      second.remove();
      localStorage.removeItem(`territory-kit:plan:${id}:manager:-`);
    }
  });
});
