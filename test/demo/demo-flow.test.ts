// End to end, on the real demo (`npm start` = demo/server.mjs): what a newcomer does on the planner
// (select accounts, see recommended reps with reasons, assign, watch the gauge move, rebalance with a
// move budget, preview, apply, undo, redo, save, see per-change outcomes), the same assign flow with
// the keyboard only, the read-only record page, and axe-core on both pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';
import { ROOT, deepFocus, need, openPage, snapshot, startDemo, textOf, until, type Demo } from './demo-server.js';

const MAP = 'tk-territory-map';
const PANEL = 'tk-rep-assignment-panel';
const OPTION = `${MAP} >>> [role="option"]`;
const RECS = `${PANEL} >>> [part~="recommendations"] [part~="recommendation"]`;
const OUTCOMES = `${PANEL} >>> [part~="outcomes"]`;

let demo: Demo;

before(async () => {
  demo = await startDemo();
});

after(async () => {
  await demo?.stop();
});

/** aria-valuenow of the team gauge's meter for a rep (workload). */
async function gaugeValue(page: Page, repName: string): Promise<number> {
  const meter = await need(page, `#team-gauge >>> [part~="track"][aria-label="${repName} workload"]`, `the team gauge's meter for ${repName}`);
  return Number(await meter.evaluate((m) => m.getAttribute('aria-valuenow')));
}

async function gaugeText(page: Page, repName: string): Promise<string> {
  const meter = await need(page, `#team-gauge >>> [part~="track"][aria-label="${repName} workload"]`, `the team gauge's meter for ${repName}`);
  return meter.evaluate((m) => m.getAttribute('aria-valuetext') ?? '');
}

/** The Undo / Redo buttons of the panel's selection section. */
function historyButton(which: 'Undo' | 'Redo'): string {
  return `${PANEL} >>> [part~="section-selection"] [role="group"][aria-label="History"] button[aria-keyshortcuts^="Control+${which === 'Undo' ? 'Z' : 'Shift+Z'}"]`;
}

/** Waits until the provider's working plan gives every account in `plan` the owner it names there. */
async function untilWorking(page: Page, what: string, plan: Record<string, string | null>): Promise<void> {
  await until(
    page,
    what,
    (w) => {
      const s = (document.querySelector('tk-territory-provider') as unknown as { state: { working: Record<string, string | null> } }).state;
      return Object.keys(w).every((id) => (s.working[id] ?? null) === (w[id] ?? null));
    },
    plan,
  );
}

/** The first element matching `selector` whose text is `text`. */
async function byText(page: Page, selector: string, text: string) {
  await need(page, selector, `a "${text}" element`);
  for (const el of await page.$$(selector)) if ((await el.evaluate((e) => e.textContent?.trim())) === text) return el;
  throw new Error(`no ${selector} with text "${text}"`);
}

async function waitEnabled(page: Page, selector: string, what: string): Promise<void> {
  const el = await need(page, selector, what);
  await until(page, `${what} to be enabled`, (e) => !(e as unknown as HTMLButtonElement).disabled, el as unknown as undefined);
}

describe('demo planner, end to end (npm start)', { timeout: 300_000 }, () => {
  it('select, recommend, assign, gauge, rebalance with a budget, preview, apply, undo, redo, save', async () => {
    const { page, errors, close } = await openPage(demo, '/demo/');
    try {
      await need(page, OPTION, "the map's keyboard list of accounts in view");
      await need(page, `${PANEL} >>> [part~="reps-table"]`, "the panel's reps table");

      // Select through the panel: a rep's row selects that rep's accounts; then clear.
      const before0 = await snapshot(page);
      const firstRep = before0.reps[0];
      const owned = Object.values(before0.working).filter((r) => r === firstRep.id).length;
      const selectRep = await need(page, `${PANEL} >>> [part~="reps-table"] button[aria-label="Select accounts of ${firstRep.name}"]`, `the Select button of ${firstRep.name}`);
      await selectRep.click();
      await until(page, `${owned} accounts of ${firstRep.name} selected`, (n) => (document.querySelector('tk-territory-provider') as unknown as { state: { selection: string[] } }).state.selection.length === n, owned);
      assert.match(await textOf(page, `${PANEL} >>> [part~="selection-summary"]`), new RegExp(`^${owned} accounts selected`), 'the panel summarises the rep selection');
      const clear = await byText(page, `${PANEL} >>> [part~="section-selection"] button`, 'Clear selection');
      await clear.click();
      await need(page, `${PANEL} >>> [part~="selection-empty"]`, 'the empty selection note after Clear selection');

      // Select three accounts by clicking options of the map's list.
      const options = await page.$$(OPTION);
      assert.ok(options.length >= 3, `the map lists at least 3 accounts in view (got ${options.length})`);
      for (const o of options.slice(0, 3)) await o.click();
      await until(page, '3 accounts selected from the map list', () => (document.querySelector('tk-territory-provider') as unknown as { state: { selection: string[] } }).state.selection.length === 3);
      const picked = await Promise.all(options.slice(0, 3).map((o) => o.evaluate((e) => e.getAttribute('aria-selected'))));
      assert.deepEqual(picked, ['true', 'true', 'true'], 'the clicked options show as selected (aria-selected)');
      assert.match(await textOf(page, `${PANEL} >>> [part~="selection-summary"]`), /^3 accounts selected/);

      // Recommended reps, each with a reason and an Assign button.
      await need(page, RECS, 'recommended reps for the selection');
      const recs = await page.$$eval(RECS, (items) =>
        items.map((li) => ({ rep: li.getAttribute('data-rep') ?? '', reason: li.querySelector('.reason')?.textContent?.trim() ?? '', button: !!li.querySelector('button[data-assign]') })),
      );
      assert.ok(recs.length >= 1, 'at least one recommended rep');
      for (const r of recs) {
        assert.ok(r.reason.length > 10, `recommendation ${r.rep} gives a reason (got "${r.reason}")`);
        assert.ok(r.button, `recommendation ${r.rep} has an Assign button`);
      }

      // Assign to a recommended rep who does not already own every selected account; the gauge moves.
      const s1 = await snapshot(page);
      const rec = recs.find((r) => s1.selection.some((id) => s1.working[id] !== r.rep));
      assert.ok(rec, 'a recommended rep who does not own all selected accounts');
      const repName = s1.reps.find((r) => r.id === rec.rep)!.name;
      const gained = s1.selection.filter((id) => s1.working[id] !== rec.rep).reduce((sum, id) => sum + s1.workload[id], 0);
      const gaugeBefore = await gaugeValue(page, repName);
      const textBefore = await gaugeText(page, repName);
      const assignBtn = await need(page, `${PANEL} >>> button[data-assign="${rec.rep}"]`, `the Assign to ${repName} button`);
      await assignBtn.click();
      await until(
        page,
        `the selected accounts to be assigned to ${rec.rep}`,
        ({ ids, rep }) => ids.every((id: string) => (document.querySelector('tk-territory-provider') as unknown as { state: { working: Record<string, string> } }).state.working[id] === rep),
        { ids: s1.selection, rep: rec.rep },
      );
      await until(
        page,
        `the team gauge of ${repName} to move from ${gaugeBefore}`,
        ({ name, was }) => {
          const gauge = document.querySelector('#team-gauge')!.shadowRoot!;
          const m = gauge.querySelector(`[part~="track"][aria-label="${name} workload"]`);
          return m && Number(m.getAttribute('aria-valuenow')) !== was;
        },
        { name: repName, was: gaugeBefore },
      );
      const gaugeAfter = await gaugeValue(page, repName);
      assert.ok(Math.abs(gaugeAfter - (gaugeBefore + gained)) < 0.02, `gauge of ${repName}: ${gaugeBefore} + ${gained.toFixed(2)} workload = ${gaugeAfter}`);
      assert.notEqual(await gaugeText(page, repName), textBefore, 'the gauge aria-valuetext changes');
      assert.match(await textOf(page, `${PANEL} >>> [part~="pending"]`), /^[1-3] unsaved changes?$/);

      // Rebalance with a move budget of 50.
      const maxMoves = await need(page, `${PANEL} >>> [part~="rebalance-form"] input[name="maxMoves"]`, 'the "Most accounts moved" field');
      await maxMoves.click();
      await maxMoves.type('50');
      await page.keyboard.press('Tab'); // commits the field (change event)
      const run = await need(page, `${PANEL} >>> [part~="rebalance-form"] button[type="submit"]`, 'the Rebalance button');
      await run.click();
      await need(page, `${PANEL} >>> [part~="preview"]`, 'the rebalance preview', 120_000).catch(async (e) => {
        const section = await textOf(page, `${PANEL} >>> [part~="section-rebalance"] [part~="body"]`);
        throw new Error(`${(e as Error).message}; the Rebalance section shows: "${section.slice(-300)}"; page errors: ${errors.join(' | ') || 'none'}`);
      });
      const moved = Number((await textOf(page, `${PANEL} >>> [part~="preview"] dd[data-stat="accounts"]`)).replace(/[^\d]/g, ''));
      assert.ok(moved >= 1 && moved <= 50, `accounts moved within the budget of 50 (got ${moved})`);
      const moves = await page.$$eval(`${PANEL} >>> [part~="moves"] li[data-account]`, (lis) => lis.map((li) => li.querySelector('.reason')?.textContent?.replace(/^[\s—]+/, '').trim() ?? ''));
      assert.equal(moves.length, moved, 'every move is listed');
      assert.ok(moves.every((r) => r.length > 5), `every move has a reason (got ${JSON.stringify(moves.slice(0, 3))}…)`);
      assert.ok(await page.$(`${PANEL} >>> [part~="preview-reps"]`), 'the preview lists the reps affected');

      // Apply: one step; the working plan changes by exactly the previewed moves.
      const beforeApply = (await snapshot(page)).working;
      const apply = await need(page, `${PANEL} >>> [part~="preview"] button.brand`, 'the Apply button of the preview');
      await apply.click();
      await until(page, 'the preview to close after Apply', () => !document.querySelector('tk-rep-assignment-panel')!.shadowRoot!.querySelector('[part~="preview"]'));
      const afterApply = (await snapshot(page)).working;
      const changed = Object.keys(afterApply).filter((id) => afterApply[id] !== beforeApply[id]);
      assert.equal(changed.length, moved, `apply changes exactly the ${moved} previewed accounts`);

      // Undo brings the working plan back; redo applies it again.
      await waitEnabled(page, historyButton('Undo'), 'the Undo button');
      await (await page.$(historyButton('Undo')))!.click();
      await untilWorking(page, 'undo to restore the working plan from before Apply', beforeApply);
      await waitEnabled(page, historyButton('Redo'), 'the Redo button');
      await (await page.$(historyButton('Redo')))!.click();
      await untilWorking(page, 'redo to re-apply the rebalance', afterApply);

      // Save to CRM: every pending change is written and listed with its outcome.
      const pending = (await snapshot(page)).pending;
      assert.ok(pending >= moved, `pending changes include the rebalance (${pending} ≥ ${moved})`);
      const save = await need(page, `${PANEL} >>> [part~="section-save"] button.brand`, 'the Save to CRM button');
      assert.equal(await save.evaluate((b) => b.textContent?.trim()), 'Save to CRM');
      await save.click();
      await need(page, OUTCOMES, 'the outcomes of the save');
      const s2 = await snapshot(page);
      assert.equal(s2.lastSave?.length, pending, 'one outcome per pending change');
      assert.ok(s2.lastSave!.every((o) => o.status === 'saved'), 'the memory CRM saves every change');
      assert.equal(s2.pending, 0, 'nothing is pending after the save');
      assert.match(await textOf(page, `${OUTCOMES} p`), new RegExp(`^${pending} saved, 0 failed, 0 in conflict`));
      const items = await page.$$(`${OUTCOMES} [part~="outcome-saved"]`);
      assert.equal(items.length, Math.min(pending, 200), 'each saved change is listed');
      await until(page, 'the page log to show tk-save-result', (n) => document.querySelector('#log')?.textContent?.includes(`tk-save-result: ${n} saved, 0 failed, 0 conflict`), pending);

      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await close();
    }
  });

  it('keyboard only: select in the map list, see recommendations, assign, save, see outcomes', async () => {
    const { page, errors, close } = await openPage(demo, '/demo/');
    try {
      await need(page, OPTION, "the map's keyboard list of accounts in view");
      const seen: string[] = [];
      /** Presses `key` until the focused element (through shadow roots) matches; fails naming the stops seen. */
      const tabTo = async (what: string, match: (f: Awaited<ReturnType<typeof deepFocus>>) => boolean, key: KeyInput = 'Tab', max = 150) => {
        seen.length = 0;
        for (let i = 0; i < max; i++) {
          await page.keyboard.press(key);
          const f = await deepFocus(page);
          if (match(f)) return f;
          seen.push(`${f.host}>${f.tag}${f.role ? `[${f.role}]` : ''} ${f.label || f.text}`.slice(0, 60));
        }
        throw new Error(`${key} never reached ${what} in ${max} presses; last stops: ${seen.slice(-8).join(' | ')}`);
      };

      await tabTo("the map's account listbox", (f) => f.host === MAP && f.role === 'listbox');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter'); // selects only the active account
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press(' '); // toggles the next one into the selection
      await until(page, 'two accounts selected with Enter and Space', () => (document.querySelector('tk-territory-provider') as unknown as { state: { selection: string[] } }).state.selection.length === 2);
      const listSelected = await page.$$eval(`${OPTION}[aria-selected="true"]`, (o) => o.length);
      assert.equal(listSelected, 2, 'the listbox marks both options selected');

      await need(page, RECS, 'recommended reps after a keyboard selection');
      // Shift+Tab back once and forward again: the list keeps the selection (no key selects on focus).
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      await tabTo('the listbox again', (f) => f.host === MAP && f.role === 'listbox');
      const focusNow = await snapshot(page);
      assert.equal(focusNow.selection.length, 2, 'moving focus does not change the selection');

      const assignFocus = await tabTo('an "Assign to" button of a recommended rep', (f) => f.host === PANEL && f.assign !== '');
      const rep = assignFocus.assign;
      const s1 = await snapshot(page);
      const expected = s1.selection.filter((id) => s1.working[id] !== rep).length;
      await page.keyboard.press('Enter');
      await until(
        page,
        `the two accounts to be assigned to ${rep} with Enter`,
        ({ ids, rep }) => ids.every((id: string) => (document.querySelector('tk-territory-provider') as unknown as { state: { working: Record<string, string> } }).state.working[id] === rep),
        { ids: s1.selection, rep },
      );
      assert.match(await textOf(page, `${PANEL} >>> [part~="status"]`), new RegExp(`^Assign ${expected} accounts? to .+\\. Undo with Ctrl\\+Z\\.$`), 'the panel announces the assignment');
      const pending = (await snapshot(page)).pending;
      assert.equal(pending, expected, `pending changes after assign (${expected} accounts changed owner)`);

      if (pending === 0) throw new Error('the recommended rep already owned both accounts; nothing to save');
      await tabTo('the panel\'s "Save to CRM" button', (f) => f.host === PANEL && f.tag === 'button' && f.text === 'Save to CRM');
      await page.keyboard.press(' ');
      await need(page, OUTCOMES, 'the outcomes of the keyboard save');
      assert.match(await textOf(page, `${OUTCOMES} p`), new RegExp(`^${pending} saved, 0 failed, 0 in conflict`));
      assert.equal((await page.$$(`${OUTCOMES} [part~="outcome-saved"]`)).length, pending);
      assert.equal((await snapshot(page)).pending, 0);
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await close();
    }
  });
});

describe('demo record page (npm start)', { timeout: 120_000 }, () => {
  it('shows the rep their territory card and gauges, read-only', async () => {
    const { page, errors, close } = await openPage(demo, '/demo/record.html');
    try {
      // The page is Granite Concrete's record (focus-account="acc-00001"): the card shows that account,
      // its owner and the owner's territory, whoever the viewing rep is.
      const rep = await page.evaluate(() => {
        const p = document.querySelector('tk-territory-provider') as unknown as {
          state: { role: string; reps: { id: string; name: string }[]; accounts: { id: string; name: string }[]; working: Record<string, string | null> };
        };
        const owner = p.state.working['acc-00001'];
        return { role: p.state.role, name: p.state.reps.find((r) => r.id === owner)?.name ?? '', account: p.state.accounts.find((a) => a.id === 'acc-00001')?.name ?? '' };
      });
      assert.equal(rep.role, 'rep');
      assert.ok(rep.name && rep.account, 'acc-00001 and its owner are in the demo data');
      await need(page, 'tk-territory-card >>> [part~="title"]', "the card's title");
      assert.equal(await textOf(page, 'tk-territory-card >>> [part~="title"]'), rep.name, "the card names the account's owner");
      assert.match(await textOf(page, 'tk-territory-card >>> [part~="account"]'), new RegExp(`${rep.account}[\\s\\S]*Owner:\\s*${rep.name}`), 'the card shows the record\'s account and its owner');
      assert.ok((await textOf(page, 'tk-territory-card >>> [part~="totals"]')).length > 20, 'the card shows totals');
      await need(page, 'tk-territory-card >>> tk-territory-map >>> [part~="map"]', 'the small map in the card');

      const controls = await page.evaluate(() => {
        const found: string[] = [];
        const walk = (root: Document | ShadowRoot, where: string) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.matches('input, select, textarea, [contenteditable="true"], [role="listbox"], [part~="toolbar"], button:not(.leaflet-control-zoom *):not([data-sort]):not(.more)')) {
              found.push(`${where} <${el.localName}> ${(el.textContent ?? '').trim().slice(0, 30)}`);
            }
            if (el.shadowRoot) walk(el.shadowRoot, `${where}>${el.localName}`);
          }
        };
        const aside = document.querySelector('aside.sidebar tk-territory-provider')!;
        walk(aside.shadowRoot!, 'provider');
        for (const el of aside.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot, el.localName);
        return found;
      });
      assert.deepEqual(controls, [], 'no edit controls for the rep');

      const meters = await page.$$eval('tk-workload-gauge >>> [role="meter"]', (ms) =>
        ms.map((m) => ({ now: Number(m.getAttribute('aria-valuenow')), text: m.getAttribute('aria-valuetext') ?? '' })),
      );
      assert.equal(meters.length, 2, 'two gauges (workload, potential) for the rep');
      for (const m of meters) {
        assert.ok(m.now > 0, `a gauge has a value (got ${m.now})`);
        assert.ok(m.text.startsWith(`${rep.name}: `), `the gauge names the rep ("${m.text}")`);
      }
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await close();
    }
  });
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}
const show = (vs: Violation[]) => vs.map((v) => `${v.id} (${v.impact}: ${v.help}) at ${v.targets.join(', ')}`).join('\n');

/** Runs axe-core in the page (it follows open shadow roots). */
async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 8).map((n) => JSON.stringify(n.target)) }));
  });
}

/** Switches the page to the dark theme with its header button and runs axe again. */
async function darkAxe(page: Page): Promise<Violation[]> {
  const button = await need(page, '#theme', 'the Dark theme button');
  await button.click();
  await until(page, 'the dark theme to apply', () => document.body.classList.contains('dark') && document.querySelector('#theme')?.getAttribute('aria-pressed') === 'true');
  // Let every element re-render with the dark tokens before measuring contrast.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return axe(page);
}

describe('demo pages pass axe-core (light and dark theme)', { timeout: 180_000 }, () => {
  const planner: Violation[] = [];
  it('planner, with a selection and its recommendations showing: no violations', async () => {
    const { page, close } = await openPage(demo, '/demo/');
    try {
      const option = await need(page, OPTION, "the map's list");
      await option.click();
      await need(page, RECS, 'recommendations');
      planner.push(...(await axe(page)));
      let v = planner;
      assert.deepEqual(v, [], `axe violations on the planner:\n${show(v)}`);
      const dark = await darkAxe(page);
      planner.push(...dark);
      v = dark;
      assert.deepEqual(v, [], `axe violations on the planner in the dark theme:\n${show(v)}`);
    } finally {
      await close();
    }
  });

  it('record page: no violations', async () => {
    const { page, close } = await openPage(demo, '/demo/record.html');
    try {
      await need(page, 'tk-territory-card >>> [part~="title"]', "the card's title");
      const v = await axe(page);
      assert.deepEqual(v, [], `axe violations on the record page:\n${show(v)}`);
      const dark = await darkAxe(page);
      assert.deepEqual(dark, [], `axe violations on the record page in the dark theme:\n${show(dark)}`);
    } finally {
      await close();
    }
  });
});
