// The selection's body, in the panel's on-demand chunk (nothing is selected at first paint): what is
// selected, clear and lock, "Distribute across reps" (a <tk-distribute-preview> for the selection) for a
// selection of several accounts, the best single reps (recommendReps), the assign menu and the
// ask-first box of a bulk assignment.
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Recommendation } from '../../../src/engine/recommend-reps.js';
import { lockedRepIds, splitHeld } from '../../../src/store/locks.js';
import { recommendationsFor } from '../controllers/recommend.js';
import { confirmBox } from './confirm-assign.js';
import { fitReasonText } from '../../distribute-preview/fit-reason.js';
import { selectedAccounts } from '../controllers/derived.js';
import type { PanelCtx } from './context.js';
import type { Account } from '../../../src/model/account.js';
import { isOne } from './words.js';

/** Selected accounts listed by name; the rest are counted. */
const LISTED = 8;

/** "N accounts" as one message. */
const accountsText = (ctx: PanelCtx, n: number) => (n === 1 ? msg('1 account') : msg(str`${ctx.f.number(n, 0)} accounts`));

function lockSelection(ctx: PanelCtx, locked: boolean): void {
  const ids = ctx.s.selection;
  if (!ctx.a.setLocked) return;
  const changed = ctx.s.accounts.filter((a) => ids.includes(a.id) && Boolean(a.locked) !== locked).length;
  const what = accountsText(ctx, changed);
  if (ctx.a.setLocked({ accounts: ids }, locked)) {
    ctx.announce(locked ? msg(str`Locked ${what}. They stay with their owners until unlocked.`) : msg(str`Unlocked ${what}.`));
  } else ctx.announce(locked ? msg('Already locked') : msg('Already unlocked'));
}

/** An assignment moving more accounts than this asks first (so does one that touches a locked account). */
export const CONFIRM_OVER = 5;

/** From this many selected accounts, "Distribute across reps" is offered (first, before one rep for all). */
export const DISTRIBUTE_FROM = 2;

/** Moves `ids` (already cleared of locked ones) as one undoable step; focus goes to Undo. */
export function doAssign(ctx: PanelCtx, repId: string | null, ids: readonly string[]): void {
  const what = accountsText(ctx, ids.length);
  const label = repId === null ? msg(str`Unassign ${what}`) : msg(str`Assign ${what} to ${ctx.repName(repId)}`);
  ctx.set({ confirm: null });
  if (ids.length && ctx.a.assign(ids, repId, label)) {
    ctx.announce(msg(str`${label}. Undo with Ctrl+Z.`));
    ctx.focus('button[data-history=undo]');
  } else ctx.announce(repId === null ? msg('Nothing to unassign') : msg(str`Already with ${ctx.repName(repId)}`));
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
    ctx.announce(msg(str`${ctx.repName(repId)} is locked and takes no accounts. Unlock the rep in the Reps list first.`));
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

function recommendation(ctx: PanelCtx, r: Recommendation, primary: boolean) {
  const f = ctx.f;
  const name = ctx.repName(r.repId);
  const b = r.breakdown;
  return html`<li part="recommendation" data-rep=${r.repId}>
    <div class="rec-head">
      <span class="name">${name}</span>
      <span class="score" title=${msg('Fit score')}>${f.percent(r.score, 0)}</span>
      <button type="button" class=${primary ? 'brand' : ''} data-assign=${r.repId} @click=${() => requestAssign(ctx, r.repId)}>${msg(str`Assign to ${name}`)}</button>
    </div>
    <p class="reason">${fitReasonText(f, r)}</p>
    <p class="breakdown weak">${msg(str`Skill ${f.percent(b.skill)} · Relationship ${f.percent(b.relationship)} · Proximity ${f.percent(b.proximity)} · Capacity ${f.percent(b.capacity)}`)}</p>
  </li>`;
}

/** "Distribute across reps": the button, then the preview (which proposes at once). */
function distributeBlock(ctx: PanelCtx, n: number) {
  const open = ctx.ui.distributing === true;
  return html`<div part="distribute" class="distribute">
    <h3 id="distribute-title">${msg('Distribute across reps')}</h3>
    <p class="weak">${msg(str`Proposes an owner for each of the ${ctx.f.number(n, 0)} accounts by skills, relationship, proximity and headroom, keeping every rep near target. Nothing changes until you apply.`)}</p>
    ${open
      ? html`<tk-distribute-preview source="selection" auto aria-labelledby="distribute-title" .tolerance=${ctx.tolerance}
            locale=${ctx.f.locale} currency=${ctx.currency ?? nothing} theme=${ctx.theme ?? nothing}></tk-distribute-preview>
          <div class="row"><button type="button" data-distribute-close @click=${() => {
            ctx.set({ distributing: false });
            ctx.focus('button[data-distribute]');
          }}>${msg('Close the proposal')}</button></div>`
      : html`<div class="row"><button type="button" class="brand" data-distribute @click=${() => ctx.set({ distributing: true })}>${msg(str`Distribute ${ctx.f.number(n, 0)} accounts across reps`)}</button></div>`}
  </div>`;
}

/** The selection's actions (editors only): distribute, one rep for all, the assign menu, the ask-first box. */
export function selectionActions(ctx: PanelCtx) {
  const s = ctx.s;
  const n = s.selection.length;
  const recs = recommendationsFor(s);
  const lockedReps = lockedRepIds(s);
  const active = s.reps.filter((r) => r.active && !lockedReps.has(r.id));
  // No default: the user picks the rep (a silent first-rep default moved whole selections to one rep).
  const assignTo = active.some((r) => r.id === ctx.ui.assignTo) ? ctx.ui.assignTo : '';
  const c = ctx.ui.confirm;
  const confirm = c && c.basedOn === s.working && c.selection === s.selection ? c : null;
  const several = n >= DISTRIBUTE_FROM;
  // For a large selection one rep is not the default answer: its buttons are not the primary ones.
  const primary = n <= CONFIRM_OVER && !ctx.ui.distributing;
  return html`${several ? distributeBlock(ctx, n) : nothing}
    <h3 id="recs-title">${several ? msg(str`Or one rep for all ${ctx.f.number(n, 0)}`) : msg('Recommended reps')}</h3>
    ${recs.ok
      ? html`<ol part="recommendations" aria-labelledby="recs-title">${recs.value.map((r) => recommendation(ctx, r, primary))}</ol>`
      : html`<p class="error" role="alert">${msg(str`Could not rank reps: ${recs.message}`)}</p>`}
    <div class="row" part="assign-menu">
      <label>${msg('Assign to')}
        <select name="assignTo" .value=${assignTo} @change=${(e: Event) => ctx.set({ assignTo: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${assignTo === ''}>${msg('Choose a rep…')}</option>
          ${active.map((r) => html`<option value=${r.id} ?selected=${r.id === assignTo}>${r.name}</option>`)}
        </select>
      </label>
      <button type="button" data-assign-menu ?disabled=${!assignTo} @click=${() => requestAssign(ctx, assignTo)}>${msg('Assign')}</button>
      <button type="button" data-unassign @click=${() => requestAssign(ctx, null)}>${msg('Unassign')}</button>
    </div>
    ${confirm ? confirmBox(ctx, confirm, doAssign) : nothing}`;
}

/** Accounts listed by name (the first {@link LISTED}; the rest counted), labelled by the line above them. */
function accountList(ctx: PanelCtx, part: string, labelledBy: string, accounts: readonly Account[]) {
  const { s, f } = ctx;
  return html`<ul part=${part} aria-labelledby=${labelledBy}>
    ${accounts.slice(0, LISTED).map((a) => html`<li>${a.name} <span class="weak">— ${ctx.repName(s.working[a.id] ?? null)}${a.locked ? msg(' · locked') : ''}</span></li>`)}
    ${accounts.length > LISTED ? html`<li class="weak">${msg(str`and ${f.number(accounts.length - LISTED, 0)} more`)}</li>` : nothing}
  </ul>`;
}

/**
 * What is selected (count, totals, the first accounts by name), clear and lock, then the actions (editors).
 * With locked accounts in the selection, the ones that stay are listed under the locked line and the
 * ones that can move under their own line, so a list never reads as the other.
 */
export function selectionBody(ctx: PanelCtx) {
  const { s, f } = ctx;
  const n = s.selection.length;
  const selected = selectedAccounts(s);
  let potential = 0;
  let workload = 0;
  for (const a of selected) {
    potential += a.potential;
    workload += a.workload;
  }
  const lockedCount = selected.filter((a) => a.locked).length;
  const held = new Set(splitHeld(s, s.selection).held);
  const heldCount = held.size;
  const free = heldCount ? selected.filter((a) => !held.has(a.id)) : selected;
  const freeCount = f.number(free.length, 0);
  return html`<p part="selection-summary" id="selection-title">
      <strong>${n === 1 ? msg('1 account selected') : msg(str`${f.number(n, 0)} accounts selected`)}</strong> · ${msg(str`potential ${f.currency(potential)} · workload ${f.number(workload, 1)}`)}
    </p>
    ${heldCount
      ? html`<p class="weak list-title" id="held-title" data-stat="held">${msg(str`${f.number(heldCount, 0)} locked (or with a locked rep): they stay where they are`)}</p>
          ${accountList(ctx, 'held-list', 'held-title', selected.filter((a) => held.has(a.id)))}
          ${free.length
            ? html`<p class="list-title" id="free-title" data-stat="free">${isOne(free.length)
                  ? msg(str`${freeCount} selected account can move:`)
                  : msg(str`${freeCount} selected accounts can move:`)}</p>
                ${accountList(ctx, 'selection-list', 'free-title', free)}`
            : nothing}`
      : accountList(ctx, 'selection-list', 'selection-title', selected)}
    <div class="row">
      <button type="button" @click=${() => {
        ctx.a.select([]);
        ctx.focus('[data-section=selection] > summary');
      }}>${msg('Clear selection')}</button>
      ${ctx.edit && ctx.a.setLocked
        ? html`<button type="button" data-lock="selection" ?disabled=${lockedCount === n} @click=${() => lockSelection(ctx, true)}>${n === 1 ? msg('Lock account') : msg('Lock selected')}</button>
            <button type="button" data-unlock="selection" ?disabled=${lockedCount === 0} @click=${() => lockSelection(ctx, false)}>${lockedCount ? msg(str`Unlock ${f.number(lockedCount, 0)}`) : msg('Unlock')}</button>`
        : nothing}
    </div>
    ${ctx.edit ? selectionActions(ctx) : nothing}`;
}
