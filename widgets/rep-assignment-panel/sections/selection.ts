import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { stepLabel } from '../../shared/undo-label.js';
import { section, type PanelCtx } from './context.js';

/**
 * Selection: what is selected, then (from the panel's on-demand chunk: nothing is selected at first
 * paint) "Distribute across reps" for a selection of several accounts, the best single reps,
 * assign/unassign; undo/redo.
 */
export function selectionSection(ctx: PanelCtx) {
  const { s, f } = ctx;
  const n = s.selection.length;
  return section(ctx, 'selection', msg('Selection'), () => {
    // A default label (the store's) is worded in the UI language once its chunk has arrived.
    const [undo, redo] = [s.past.at(-1), s.future[0]].map((e) => stepLabel(e, f.number, () => ctx.set({})));
    const history = ctx.edit
      ? html`<div class="row" role="group" aria-label=${msg('History')}>
          <button type="button" data-history="undo" ?disabled=${!undo} aria-keyshortcuts="Control+Z Meta+Z" title=${undo ? msg(str`Undo: ${undo}`) : msg('Nothing to undo')}
            @click=${() => ctx.a.undo() && ctx.announce(msg(str`Undone: ${undo}`))}>${msg('Undo')}</button>
          <button type="button" data-history="redo" ?disabled=${!redo} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" title=${redo ? msg(str`Redo: ${redo}`) : msg('Nothing to redo')}
            @click=${() => ctx.a.redo() && ctx.announce(msg(str`Redone: ${redo}`))}>${msg('Redo')}</button>
          ${undo ? html`<span class="weak">${msg(str`Last step: ${undo}`)}</span>` : nothing}
        </div>`
      : nothing;
    if (n === 0) {
      return html`<p class="weak" part="selection-empty">${msg("No accounts selected. Select accounts on the map, from a rep's row, or from an alert.")}</p>${history}`;
    }
    // What is selected and what to do with it: in the panel's on-demand chunk (nothing is selected at first paint).
    return html`${ctx.later ? ctx.later.selectionBody(ctx) : html`<p class="weak" aria-busy="true">${msg('Loading…')}</p>`}
      ${history}`;
  }, n ? f.number(n, 0) : undefined);
}
