// Ctrl+Z anywhere inside the planner (issue #14 "Undo that works"): after a click on a part that takes no
// focus (a section heading's text, the panel's background) focus falls to <body>; the keys must still
// undo and redo there, and not after a click elsewhere on the page.
import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { mountProvider, settle } from '../helpers/mount.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { generateDemoData } from '../../src/data/generate-demo-data.js';
import '../../widgets/rep-assignment-panel/rep-assignment-panel.js';

describe('undo after a click on a part that takes no focus', () => {
  it('focus stays in the planner and Ctrl+Z / Ctrl+Y undo and redo', async () => {
    const data = generateDemoData({ seed: 5, accounts: 60, reps: 4 });
    const provider = await mountProvider(createMemoryAdapter(data), html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`);
    const id = provider.state.accounts[0].id;
    const to = provider.state.reps.find((r) => r.id !== provider.state.working[id])!.id;
    provider.actions.assign([id], to, 'Move one');
    await settle(provider);
    expect(provider.state.working[id]).to.equal(to);

    // A click on the panel's own text (not a button, not a field).
    const panel = provider.querySelector('tk-rep-assignment-panel')!;
    const r = panel.getBoundingClientRect();
    const at: [number, number] = [Math.round(r.left + 2), Math.round(r.top + 2)];
    const hit = panel.shadowRoot!.elementFromPoint(at[0], at[1]);
    expect(hit, `a part that takes no focus under the pointer (${hit?.outerHTML.slice(0, 80)})`).to.satisfy((el: Element | null) => !!el && (el === panel || (el as HTMLElement).tabIndex < 0));
    await sendMouse({ type: 'click', position: at });

    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await settle(provider);
    expect(provider.state.working[id], 'Ctrl+Z undid the step').to.not.equal(to);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'y' });
    await sendKeys({ up: 'Control' });
    await settle(provider);
    expect(provider.state.working[id], 'Ctrl+Y redid it').to.equal(to);
    // A click outside the planner disarms it: the keys on <body> then do nothing.
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere on the page';
    document.body.append(outside);
    const o = outside.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(o.left + 2), Math.round(o.top + 2)] });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await settle(provider);
    expect(provider.state.working[id], 'keys after a click elsewhere do not touch the plan').to.equal(to);
    outside.remove();
    // The provider stays out of the tab order (a tabindex on it would drop its shadow tree from Tab).
    expect(provider.hasAttribute('tabindex')).to.equal(false);
  });
});
