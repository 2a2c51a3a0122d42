import { html, nothing } from 'lit';
import { quotasFor } from '../controllers/quotas.js';
import { optionalNumber, section, type PanelCtx } from './context.js';

/** Quotas: a team target split by suggestQuotas, with the fairness spread. */
export function quotasSection(ctx: PanelCtx) {
  const { s, f, ui } = ctx;
  return section(ctx, 'quotas', 'Quotas', () => {
    const typed = optionalNumber(ui.teamTarget);
    const fallback = s.reps.reduce((sum, r) => sum + (r.active ? (r.quota ?? 0) : 0), 0);
    const target = typed ?? fallback;
    const history = optionalNumber(ui.historyPct) ?? 0;
    const bad = Number.isNaN(target) ? 'The team target must be a number ≥ 0.' : Number.isNaN(history) || history > 100 ? 'History weight must be between 0 and 100%.' : '';
    const deferred = bad ? null : ctx.deferred.read('quotas', [s.accounts, s.reps, s.working, target, history], () => quotasFor(s, target, history / 100));
    const result = deferred?.value ?? null;
    return html`<div class="grid">
        <label>Team target
          <input type="number" name="teamTarget" min="0" step="any" placeholder=${String(fallback)} .value=${ui.teamTarget}
            @change=${(e: Event) => ctx.set({ teamTarget: (e.target as HTMLInputElement).value })} />
        </label>
        <label>History weight (%)
          <input type="number" name="historyWeight" min="0" max="100" step="5" .value=${ui.historyPct}
            @change=${(e: Event) => ctx.set({ historyPct: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      ${bad ? html`<p class="error" role="alert">${bad}</p>` : nothing}
      ${result && !result.ok ? html`<p class="error" role="alert">${result.message}</p>` : nothing}
      ${result && result.ok
        ? html`<p part="fairness">Fairness spread <strong data-stat="spread">${Number.isFinite(result.value.fairness.spread) ? `${f.number(result.value.fairness.spread, 2)}×` : '—'}</strong>
              <span class="weak">(hardest ÷ easiest quota per unit of potential; 1× is perfectly fair) · CV ${f.number(result.value.fairness.cv, 3)}</span></p>
            ${deferred?.stale ? html`<p class="weak" role="status">Updating…</p>` : nothing}
            <table part="quotas-table" aria-busy=${deferred?.stale ? 'true' : 'false'}>
              <caption class="visually-hidden">Suggested quotas for a team target of ${f.currency(target)}</caption>
              <thead><tr><th scope="col">Rep</th><th scope="col" class="num">Potential</th><th scope="col" class="num">Share</th><th scope="col" class="num">Current quota</th><th scope="col" class="num">Suggested quota</th></tr></thead>
              <tbody>
                ${result.value.quotas.map((q) => {
                  const rep = s.reps.find((r) => r.id === q.repId);
                  return html`<tr data-rep=${q.repId}>
                    <th scope="row">${ctx.repName(q.repId)}</th>
                    <td class="num" title=${f.currency(q.potential)}>${f.currencyCompact(q.potential)}</td>
                    <td class="num">${f.percent(q.potentialShare, 1)}</td>
                    <td class="num" title=${rep?.quota != null ? f.currency(rep.quota) : ''}>${rep?.quota != null ? f.currencyCompact(rep.quota) : '—'}</td>
                    <td class="num" title=${f.currency(q.quota)}>${f.currencyCompact(q.quota)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>`
        : nothing}`;
  });
}
