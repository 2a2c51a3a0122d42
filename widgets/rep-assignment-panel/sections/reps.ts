import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { planEvaluation } from '../../../src/store/selectors.js';
import { section, type PanelCtx } from './context.js';
import { isOne } from './words.js';

/** Reps: workload, potential, accounts and deviation from evaluatePlan on the working plan; focus a rep. */
export function repsSection(ctx: PanelCtx) {
  const { s, f } = ctx;
  return section(ctx, 'reps', msg('Reps'), () => {
    const ev = planEvaluation(s, ctx.tolerance);
    const locked = new Set(s.reps.filter((r) => r.locked).map((r) => r.id));
    const dev = (x: number) => (Number.isFinite(x) ? f.signedPercent(x) : '—');
    const tolerance = f.percent(ctx.tolerance, 1);
    const unassigned = f.number(ev.unassigned.count, 0);
    const unassignedPotential = f.currencyCompact(ev.unassigned.potential);
    const workloadDev = f.percent(ev.balance.workload.maxDeviation, 1);
    const potentialDev = f.percent(ev.balance.potential.maxDeviation, 1);
    const out = (x: number) => Number.isFinite(x) && Math.abs(x) > ctx.tolerance + 1e-9;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Reps table')}><table part="reps-table">
      <caption class="visually-hidden">${msg(str`Reps on the working plan, with deviation from target (tolerance ${tolerance})`)}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Rep')}</th>
          <th scope="col" class="num">${msg('Accounts')}</th>
          <th scope="col" class="num">${msg('Workload')}</th>
          <th scope="col" class="num">${msg('Potential')}</th>
          <th scope="col" class="num">${msg('Deviation')} <span class="weak">${msg('(workload / potential)')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${ev.reps.map((r) => {
          const name = ctx.repName(r.repId);
          const focused = s.focusRepId === r.repId;
          return html`<tr class=${focused ? 'focused' : ''} data-rep=${r.repId}>
            <th scope="row"><span class="rep-name">${name}</span>${r.active ? nothing : html` <span class="weak">${msg('(inactive)')}</span>`}${locked.has(r.repId) ? html` <span class="weak">${msg('(locked)')}</span>` : nothing}
              <div class="actions">

              <button type="button" aria-pressed=${focused ? 'true' : 'false'} aria-label=${msg(str`Focus ${name}`)}
                @click=${() => ctx.a.focusRep(focused ? null : r.repId)}>${msg('Focus')}</button>
              ${ctx.edit && ctx.a.setLocked
                ? html`<button type="button" data-lock-rep=${r.repId} aria-pressed=${locked.has(r.repId) ? 'true' : 'false'}
                    aria-label=${locked.has(r.repId) ? msg(str`Unlock ${name}`) : msg(str`Lock ${name}`)}
                    title=${locked.has(r.repId) ? msg('Locked: keeps its accounts and takes no new ones') : msg("Lock: keep this rep's accounts where they are")}
                    @click=${() => {
                      const now = !locked.has(r.repId);
                      if (ctx.a.setLocked?.({ reps: [r.repId] }, now)) {
                        ctx.announce(now ? msg(str`Locked ${name}: their accounts stay and they take no new ones`) : msg(str`Unlocked ${name}`));
                      }
                    }}>${locked.has(r.repId) ? msg('Unlock') : msg('Lock')}</button>`
                : nothing}
              <button type="button" ?disabled=${r.count === 0} aria-label=${msg(str`Select accounts of ${name}`)}
                @click=${() => {
                  const ids = s.accounts.filter((a) => s.working[a.id] === r.repId).map((a) => a.id);
                  ctx.a.select(ids);
                  const count = f.number(ids.length, 0);
                  ctx.announce(isOne(ids.length) ? msg(str`Selected ${count} account of ${name}`) : msg(str`Selected ${count} accounts of ${name}`));
                }}>${msg('Select')}</button>
              </div>
            </th>
            <td class="num">${f.number(r.count, 0)}</td>
            <td class="num">${f.number(r.workload, 1)}</td>
            <td class="num">${f.currencyCompact(r.potential)}</td>
            <td class="num dev">
              <span class=${out(r.deviation.workload) ? 'off' : ''}>${dev(r.deviation.workload)}</span><span class="sep"> / </span><span class=${out(r.deviation.potential) ? 'off' : ''}>${dev(r.deviation.potential)}</span>
            </td>
          </tr>`;
        })}
      </tbody>
    </table></div>
    ${ev.unassigned.count
      ? html`<p class="weak">${isOne(ev.unassigned.count)
            ? msg(str`${unassigned} unassigned account (${unassignedPotential} potential)`)
            : msg(str`${unassigned} unassigned accounts (${unassignedPotential} potential)`)}
          <button type="button" @click=${() => ctx.a.select(ev.unassigned.accountIds)}>${msg('Select unassigned')}</button></p>`
      : nothing}
    <p class="weak" part="balance">${msg(str`Max deviation: workload ${workloadDev}, potential ${potentialDev}`)}</p>`;
  }, f.number(s.reps.length, 0));
}
