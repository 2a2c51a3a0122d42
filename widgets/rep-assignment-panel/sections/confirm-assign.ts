import { html, nothing } from 'lit';
import { accountsById } from '../../../src/store/selectors.js';
import type { PanelCtx, PendingAssign } from './context.js';

/** Reps named in the summary; the rest are counted. */
const NAMED_REPS = 6;

/** What a pending bulk assignment will do: accounts, potential, reps affected, locked ones left out. */
export function assignSummary(ctx: PanelCtx, c: PendingAssign) {
  const byId = accountsById(ctx.s);
  let potential = 0;
  const losers = new Map<string | null, number>();
  for (const id of c.ids) {
    potential += byId.get(id)?.potential ?? 0;
    const from = ctx.s.working[id] ?? null;
    losers.set(from, (losers.get(from) ?? 0) + 1);
  }
  const ranked = [...losers].sort((a, b) => b[1] - a[1]);
  return { potential, ranked };
}

/**
 * The ask-first box of a bulk assignment (role="alertdialog" inside the panel, not modal). `doAssign` is
 * the selection section's (passed in, so this on-demand chunk does not import the selection section).
 */
export function confirmBox(ctx: PanelCtx, c: PendingAssign, doAssign: (ctx: PanelCtx, repId: string | null, ids: readonly string[]) => void) {
  const { f } = ctx;
  const n = c.ids.length;
  const { potential, ranked } = assignSummary(ctx, c);
  const to = c.repId === null ? 'Unassigned' : ctx.repName(c.repId);
  const verb = c.repId === null ? `Unassign ${f.number(n, 0)} account${n === 1 ? '' : 's'}` : `Assign ${f.number(n, 0)} account${n === 1 ? '' : 's'} to ${to}`;
  const cancel = () => {
    ctx.set({ confirm: null });
    ctx.announce('Nothing was assigned');
    ctx.focus('button[data-assign-menu]:not([disabled])', 'select[name=assignTo]');
  };
  return html`<div part="confirm" class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && cancel()}>
    <p id="confirm-title"><strong>${n ? `${verb}?` : 'Nothing can move'}</strong></p>
    <div id="confirm-body">
      ${n
        ? html`<ul>
            <li data-stat="confirm-accounts">${f.number(n, 0)} account${n === 1 ? '' : 's'} change${n === 1 ? 's' : ''} hands</li>
            <li data-stat="confirm-potential">${f.currency(potential)} potential moves</li>
            <li data-stat="confirm-reps">Reps affected: ${ranked.slice(0, NAMED_REPS).map(([rep, k], i) => html`${i ? ', ' : ''}${ctx.repName(rep)} −${f.number(k, 0)}`)}${ranked.length > NAMED_REPS
                ? ` and ${f.number(ranked.length - NAMED_REPS, 0)} more`
                : ''}${c.repId !== null ? html`; ${to} +${f.number(n, 0)}` : nothing}</li>
          </ul>`
        : nothing}
      ${c.held.length
        ? html`<p data-stat="confirm-held">${f.number(c.held.length, 0)} locked account${c.held.length === 1 ? '' : 's'} (or with a locked rep) ${c.held.length === 1 ? 'is' : 'are'} left out and stay${c.held.length === 1 ? 's' : ''} where ${c.held.length === 1 ? 'it is' : 'they are'}. Unlock ${c.held.length === 1 ? 'it' : 'them'} first to move ${c.held.length === 1 ? 'it' : 'them'}.</p>`
        : nothing}
    </div>
    <div class="row">
      ${n ? html`<button type="button" class="brand" @click=${() => doAssign(ctx, c.repId, c.ids)}>${verb}</button>` : nothing}
      <button type="button" @click=${cancel}>Cancel</button>
    </div>
  </div>`;
}
