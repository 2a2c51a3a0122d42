import { html, nothing } from 'lit';
import { redoLabel, undoLabel } from '../../../src/store/selectors.js';
import type { Recommendation } from '../../../src/engine/recommend-reps.js';
import { lockedRepIds, splitHeld } from '../../../src/store/locks.js';
import { selectedAccounts } from '../controllers/derived.js';
import { section, type PanelCtx } from './context.js';

/** Selected accounts listed by name; the rest are counted. */
const LISTED = 8;

/** An assignment moving more accounts than this asks first (so does one that touches a locked account). */
export const CONFIRM_OVER = 5;

const accountsText = (ctx: PanelCtx, n: number) => `${ctx.f.number(n, 0)} account${n === 1 ? '' : 's'}`;

/** Moves `ids` (already cleared of locked ones) as one undoable step; focus goes to Undo. */
export function doAssign(ctx: PanelCtx, repId: string | null, ids: readonly string[]): void {
  const what = accountsText(ctx, ids.length);
  const label = repId === null ? `Unassign ${what}` : `Assign ${what} to ${ctx.repName(repId)}`;
  ctx.set({ confirm: null });
  if (ids.length && ctx.a.assign(ids, repId, label)) {
    ctx.announce(`${label}. Undo with Ctrl+Z.`);
    ctx.focus('button[data-history=undo]');
  } else ctx.announce(repId === null ? 'Nothing to unassign' : `Already with ${ctx.repName(repId)}`);
}

/**
 * Assigns the selection to a rep (null unassigns). Locked accounts and accounts of locked reps are
 * left out; when that leaves some out, or more than {@link CONFIRM_OVER} accounts would move, the
 * panel asks first, saying what will happen.
 */
export function requestAssign(ctx: PanelCtx, repId: string | null): void {
  const s = ctx.s;
  if (s.selection.length === 0) return;
  if (repId !== null && lockedRepIds(s).has(repId)) {
    ctx.announce(`${ctx.repName(repId)} is locked and takes no accounts. Unlock the rep in the Reps list first.`);
    return;
  }
  const { movable, held } = splitHeld(s, s.selection);
  const ids = movable.filter((id) => (s.working[id] ?? null) !== repId);
  if (ids.length > CONFIRM_OVER || held.length) {
    ctx.set({ confirm: { repId, ids, held, basedOn: s.working, selection: s.selection } });
    ctx.focus('[part~=confirm] button.brand', '[part~=confirm] button');
    return;
  }
  doAssign(ctx, repId, ids);
}

function assign(ctx: PanelCtx, repId: string | null): void {
  requestAssign(ctx, repId);
}

function lockSelection(ctx: PanelCtx, locked: boolean): void {
  const ids = ctx.s.selection;
  if (!ctx.a.setLocked) return;
  const changed = ctx.s.accounts.filter((a) => ids.includes(a.id) && Boolean(a.locked) !== locked).length;
  if (ctx.a.setLocked({ accounts: ids }, locked)) {
    ctx.announce(`${locked ? 'Locked' : 'Unlocked'} ${accountsText(ctx, changed)}. ${locked ? 'They stay with their owners until unlocked.' : ''}`.trim());
  } else ctx.announce(`Already ${locked ? 'locked' : 'unlocked'}`);
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
          <button type="button" data-history="undo" ?disabled=${!undo} aria-keyshortcuts="Control+Z Meta+Z" title=${undo ? `Undo: ${undo}` : 'Nothing to undo'}
            @click=${() => ctx.a.undo() && ctx.announce(`Undone: ${undo}`)}>Undo</button>
          <button type="button" data-history="redo" ?disabled=${!redo} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z" title=${redo ? `Redo: ${redo}` : 'Nothing to redo'}
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
    // The ranking is in the panel's on-demand chunk: "Ranking reps…" in the moment before it arrives.
    const recs = ctx.edit ? (ctx.later ? ctx.later.recommendationsFor(s) : 'loading') : null;
    const lockedReps = lockedRepIds(s);
    const active = s.reps.filter((r) => r.active && !lockedReps.has(r.id));
    // No default: the user picks the rep (a silent first-rep default moved whole selections to one rep).
    const assignTo = active.some((r) => r.id === ctx.ui.assignTo) ? ctx.ui.assignTo : '';
    const lockedCount = selected.filter((a) => a.locked).length;
    const heldCount = splitHeld(s, s.selection).held.length;
    const c = ctx.ui.confirm;
    const confirm = c && c.basedOn === s.working && c.selection === s.selection ? c : null;
    return html`<p part="selection-summary">
        <strong>${f.number(n, 0)} account${n === 1 ? '' : 's'} selected</strong> · potential ${f.currency(potential)} · workload ${f.number(workload, 1)}
        ${heldCount ? html`<br /><span class="weak" data-stat="held">${f.number(heldCount, 0)} locked (or with a locked rep): they stay where they are</span>` : nothing}
      </p>
      <ul part="selection-list" aria-label="Selected accounts">
        ${selected.slice(0, LISTED).map((a) => html`<li>${a.name} <span class="weak">— ${ctx.repName(s.working[a.id] ?? null)}${a.locked ? ' · locked' : ''}</span></li>`)}
        ${selected.length > LISTED ? html`<li class="weak">and ${f.number(selected.length - LISTED, 0)} more</li>` : nothing}
      </ul>
      <div class="row">
        <button type="button" @click=${() => {
          ctx.a.select([]);
          ctx.focus('[data-section=selection] > summary');
        }}>Clear selection</button>
        ${ctx.edit && ctx.a.setLocked
          ? html`<button type="button" data-lock="selection" ?disabled=${lockedCount === n} @click=${() => lockSelection(ctx, true)}>Lock ${n === 1 ? 'account' : 'selected'}</button>
              <button type="button" data-unlock="selection" ?disabled=${lockedCount === 0} @click=${() => lockSelection(ctx, false)}>Unlock${lockedCount ? ` ${f.number(lockedCount, 0)}` : ''}</button>`
          : nothing}
      </div>
      ${recs
        ? html`<h3 id="recs-title">Recommended reps</h3>
            ${recs === 'loading'
              ? html`<p class="weak" aria-busy="true">Ranking reps…</p>`
              : recs.ok
              ? html`<ol part="recommendations" aria-labelledby="recs-title">${recs.value.map((r) => recommendation(ctx, r))}</ol>`
              : html`<p class="error" role="alert">Could not rank reps: ${recs.message}</p>`}
            <div class="row" part="assign-menu">
              <label>Assign to
                <select name="assignTo" .value=${assignTo} @change=${(e: Event) => ctx.set({ assignTo: (e.target as HTMLSelectElement).value })}>
                  <option value="" ?selected=${assignTo === ''}>Choose a rep…</option>
                  ${active.map((r) => html`<option value=${r.id} ?selected=${r.id === assignTo}>${r.name}</option>`)}
                </select>
              </label>
              <button type="button" data-assign-menu ?disabled=${!assignTo} @click=${() => assign(ctx, assignTo)}>Assign</button>
              <button type="button" data-unassign @click=${() => assign(ctx, null)}>Unassign</button>
            </div>
            ${confirm ? (ctx.later ? ctx.later.confirmBox(ctx, confirm, doAssign) : html`<p class="weak" aria-busy="true">Loading…</p>`) : nothing}`
        : nothing}
      ${history}`;
  }, n ? f.number(n, 0) : undefined);
}
