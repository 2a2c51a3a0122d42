// The quota part of the Save section (issue #17): outcomes of the last quota save, or — where the CRM
// takes no quotas — a notice that they stay in the plan (exported as CSV by the quota planner). In the
// panel's later chunk (closed-sections.ts): nothing of it is needed before the plan has quotas. It
// imports nothing of the store, so the chunk splitting of the pages stays as it was.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { QuotaSaveOutcome } from '../../../src/adapters/crm-adapter.js';
import type { PanelCtx } from './context.js';
import { outcomeDetail } from './save.js';

/** Outcomes listed one by one; the rest are counted. */
const LISTED = 200;

/** Why quotas stay in the plan, per CRM without a quota API for territory-kit. */
function quotasStayWhy(system: string): string {
  if (system === 'hubspot') return msg('This HubSpot connection does not save goal targets (an administrator can turn it on: see the notice above, if any), so quotas stay in this plan: export them as CSV and import them as goal targets in HubSpot.');
  if (system === 'salesforce') return msg('Salesforce does not take quotas from this connection (see the notice above: forecasting, quota access or the Manage Quotas permission), so they stay in this plan.');
  return msg('This CRM connection does not take quotas, so they stay in this plan.');
}

/** A period's first day (YYYY-MM-DD) as a local date, so the formatter shows that day in every time zone. */
const localDay = (period: string) => {
  const [y, m, d] = period.split('-').map(Number);
  return new Date(y, m - 1, d);
};

const QUOTA_STATUS = (status: QuotaSaveOutcome['status']) => (status === 'saved' ? msg('Saved') : status === 'failed' ? msg('Failed') : msg('Conflict'));

/** Quota changes: their outcomes where the adapter writes them, else a notice that they stay in the plan (the planner exports them as CSV). `edits`: quota changes since loading. */
export function quotaPart(ctx: PanelCtx, edits: number) {
  const { s, f } = ctx;
  const plan = s.quotas ?? [];
  if (s.capabilities?.canWriteQuotas !== true) {
    if (!plan.length) return nothing;
    return html`<div part="quotas-local" class="notice" role="note">
      <p>${quotasStayWhy(s.capabilities?.system ?? '')}</p>
      <p>${edits === 1 ? msg('1 quota changed since loading is kept in this plan and this browser, and exported with it.') : msg(str`${f.number(edits, 0)} quotas changed since loading are kept in this plan and this browser, and exported with it.`)}</p>
      <p class="weak">${msg('Export them as CSV with the quota planner (Export quotas).')}</p>
    </div>`;
  }
  const last = s.lastQuotaSave ?? [];
  if (!last.length) return nothing;
  const count = (status: QuotaSaveOutcome['status']) => f.number(last.filter((o) => o.status === status).length, 0);
  return html`<div part="quota-outcomes" role="region" aria-label=${msg('Last quota save')}>
    <p>${msg('Quotas:')} <span class="ok">${msg(str`${count('saved')} saved`)}</span>,
      <span class="failed">${msg(str`${count('failed')} failed`)}</span>,
      <span class="conflict">${msg(str`${count('conflict')} in conflict`)}</span></p>
    <ul class="scroll" tabindex="0" aria-label=${msg('Outcome of each quota')}>
      ${last.slice(0, LISTED).map(
        (o) => html`<li part="quota-outcome outcome-${o.status}" class=${o.status} data-rep=${o.repId} data-period=${o.period} data-status=${o.status}>
          <span class="status">${QUOTA_STATUS(o.status)}</span>
          <span class="name">${msg(str`${ctx.repName(o.repId)}, period starting ${f.date(localDay(o.period))}`)}</span>
          ${outcomeDetail(ctx, o)}
          ${o.status === 'conflict' ? html`<span class="help">${msg('This quota was changed in the CRM since you loaded it — reload to see it.')}</span>` : nothing}
        </li>`,
      )}
      ${last.length > LISTED ? html`<li class="weak">${msg(str`and ${f.number(last.length - LISTED, 0)} more`)}</li>` : nothing}
    </ul>
  </div>`;
}

