import { html, nothing } from 'lit';
import { redoLabel, undoLabel } from '../../../src/store/selectors.js';
import type { Recommendation } from '../../../src/engine/recommend-reps.js';
import { recommendationsFor, selectedAccounts } from '../controllers/derived.js';
import { section, type PanelCtx } from './context.js';

/** Selected accounts listed by name; the rest are counted. */
const LISTED = 8;

function assign(ctx: PanelCtx, repId: string | null): void {
  const ids = ctx.s.selection;
  if (ids.length === 0) return;
  const n = ids.length;
  const what = `${ctx.f.number(n, 0)} account${n === 1 ? '' : 's'}`;
  const label = repId === null ? `Unassign ${what}` : `Assign ${what} to ${ctx.repName(repId)}`;
  if (ctx.a.assign(ids, repId, label)) ctx.announce(`${label}. Undo with Ctrl+Z.`);
  else ctx.announce(repId === null ? 'Nothing to unassign' : `Already with ${ctx.repName(repId)}`);
}

function recommendation(ctx: PanelCtx, r: Recommendation) {
  const f = ctx.f;
  const name = ctx.repName(r.repId);
  const b = r.breakdown;
  return html`<li part="recommendation" data-rep=${r.repId}>
    <div class="rec-head">
      <span class="name">${name}</span>
      <span class="score" title="Fit score">${f.percent(r.score, 0)}</span>
      ${ctx.edit
        ? html`<button type="button" class="brand" data-assign=${r.repId} @click=${() => assign(ctx, r.repId)}>Assign to ${name}</button>`
        : nothing}
    </div>
    <p class="reason">${r.reason}</p>
    <p class="breakdown weak">Skill ${f.percent(b.skill)} · Relationship ${f.percent(b.relationship)} · Proximity ${f.percent(b.proximity)} · Capacity ${f.percent(b.capacity)}</p>
  </li>`;
}

/** Selection: what is selected, the best reps for it, assign/unassign, undo/redo. */
export function selectionSection(ctx: PanelCtx) {
  const { s, f } = ctx;
  const n = s.selection.length;
  return section(ctx, 'selection', 'Selection', () => {
    const undo = undoLabel(s);
    const redo = redoLabel(s);
    const history = ctx.edit
      ? html`<div class="row" role="group" aria-label="History">
          <button type="button" ?disabled=${!undo} aria-keyshortcuts="Control+Z Meta+Z" title=${undo ? `Undo: ${undo}` : 'Nothing to undo'}
            @click=${() => ctx.a.undo() && ctx.announce(`Undone: ${undo}`)}>Undo</button>
          <button type="button" ?disabled=${!redo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" title=${redo ? `Redo: ${redo}` : 'Nothing to redo'}
            @click=${() => ctx.a.redo() && ctx.announce(`Redone: ${redo}`)}>Redo</button>
          ${undo ? html`<span class="weak">Last step: ${undo}</span>` : nothing}
        </div>`
      : nothing;
    if (n === 0) {
      return html`<p class="weak" part="selection-empty">No accounts selected. Select accounts on the map, from a rep's row, or from an alert.</p>${history}`;
    }
    const selected = selectedAccounts(s);
    let potential = 0;
    let workload = 0;
    for (const a of selected) {
      potential += a.potential;
      workload += a.workload;
    }
    const recs = ctx.edit ? recommendationsFor(s) : null;
    const active = s.reps.filter((r) => r.active);
    const assignTo = active.some((r) => r.id === ctx.ui.assignTo) ? ctx.ui.assignTo : (active[0]?.id ?? '');
    return html`<p part="selection-summary">
        <strong>${f.number(n, 0)} account${n === 1 ? '' : 's'} selected</strong> · potential ${f.currency(potential)} · workload ${f.number(workload, 1)}
      </p>
      <ul part="selection-list" aria-label="Selected accounts">
        ${selected.slice(0, LISTED).map((a) => html`<li>${a.name} <span class="weak">— ${ctx.repName(s.working[a.id] ?? null)}</span></li>`)}
        ${selected.length > LISTED ? html`<li class="weak">and ${f.number(selected.length - LISTED, 0)} more</li>` : nothing}
      </ul>
      <div class="row">
        <button type="button" @click=${() => ctx.a.select([])}>Clear selection</button>
      </div>
      ${recs
        ? html`<h3 id="recs-title">Recommended reps</h3>
            ${recs.ok
              ? html`<ol part="recommendations" aria-labelledby="recs-title">${recs.value.map((r) => recommendation(ctx, r))}</ol>`
              : html`<p class="error" role="alert">Could not rank reps: ${recs.message}</p>`}
            <div class="row" part="assign-menu">
              <label>Assign to
                <select .value=${assignTo} @change=${(e: Event) => ctx.set({ assignTo: (e.target as HTMLSelectElement).value })}>
                  ${active.map((r) => html`<option value=${r.id} ?selected=${r.id === assignTo}>${r.name}</option>`)}
                </select>
              </label>
              <button type="button" ?disabled=${!assignTo} @click=${() => assign(ctx, assignTo)}>Assign</button>
              <button type="button" @click=${() => assign(ctx, null)}>Unassign</button>
            </div>`
        : nothing}
      ${history}`;
  }, n ? f.number(n, 0) : undefined);
}
