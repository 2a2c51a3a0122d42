// Quotas: the quota planner (<tk-quota-planner>, defined by the panel's on-demand chunk, closed-sections.ts):
// a team target for a period split by potential, history, capacity or by hand, agreed locks, fairness
// in words, Apply into the plan (undoable).
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { section, type PanelCtx } from './context.js';

export function quotasSection(ctx: PanelCtx) {
  return section(ctx, 'quotas', msg('Quotas'), () => {
    return html`<tk-quota-planner locale=${ctx.f.locale} currency=${ctx.currency ?? nothing} theme=${ctx.theme ?? nothing}></tk-quota-planner>`;
  });
}
