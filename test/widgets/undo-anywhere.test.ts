// Ctrl+Z anywhere inside the planner (issue #14 "Undo that works"): after a click on a part that takes no
// focus (a section heading's text, the panel's background), focus must not fall to <body>, where the
// keys would do nothing.
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
    expect(document.activeElement, 'focus did not fall to <body>').to.not.equal(document.body);
    expect(provider.contains(document.activeElement) || document.activeElement === provider).to.equal(true);

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
    // Not in the tab order.
    expect(provider.getAttribute('tabindex')).to.equal('-1');
  });
});
