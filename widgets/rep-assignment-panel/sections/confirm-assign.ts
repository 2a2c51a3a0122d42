import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { accountsById } from '../../../src/store/selectors.js';
import type { PanelCtx, PendingAssign } from './context.js';
import { isOne, listSome } from './words.js';

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
  const count = f.number(n, 0);
  const { potential, ranked } = assignSummary(ctx, c);
  const to = c.repId === null ? msg('Unassigned') : ctx.repName(c.repId);
  const verb =
    c.repId === null
      ? isOne(n) ? msg(str`Unassign ${count} account`) : msg(str`Unassign ${count} accounts`)
      : isOne(n) ? msg(str`Assign ${count} account to ${to}`) : msg(str`Assign ${count} accounts to ${to}`);
  const money = f.currency(potential);
  const losers = listSome(ranked.slice(0, NAMED_REPS).map(([rep, k]) => `${rep === null ? msg('Unassigned') : ctx.repName(rep)} −${f.number(k, 0)}`), ranked.length, NAMED_REPS, (k) => f.number(k, 0));
  const affected = c.repId !== null ? msg(str`Reps affected: ${losers}; ${to} +${count}`) : msg(str`Reps affected: ${losers}`);
  const h = c.held.length;
  const held = f.number(h, 0);
  const cancel = () => {
    ctx.set({ confirm: null });
    ctx.announce(msg('Nothing was assigned'));
    ctx.focus('button[data-assign-menu]:not([disabled])', 'select[name=assignTo]');
  };
  return html`<div part="confirm" class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && cancel()}>
    <p id="confirm-title"><strong>${n ? msg(str`${verb}?`) : msg('Nothing can move')}</strong></p>
    <div id="confirm-body">
      ${n
        ? html`<ul>
            <li data-stat="confirm-accounts">${isOne(n) ? msg(str`${count} account changes hands`) : msg(str`${count} accounts change hands`)}</li>
            <li data-stat="confirm-potential">${msg(str`${money} potential moves`)}</li>
            <li data-stat="confirm-reps">${affected}</li>
          </ul>`
        : nothing}
      ${c.held.length
        ? html`<p data-stat="confirm-held">${isOne(h)
            ? msg(str`${held} locked account (or with a locked rep) is left out and stays where it is. Unlock it first to move it.`)
            : msg(str`${held} locked accounts (or with a locked rep) are left out and stay where they are. Unlock them first to move them.`)}</p>`
        : nothing}
    </div>
    <div class="row">
      ${n ? html`<button type="button" class="brand" @click=${() => doAssign(ctx, c.repId, c.ids)}>${verb}</button>` : nothing}
      <button type="button" @click=${cancel}>${msg('Cancel')}</button>
    </div>
  </div>`;
}
