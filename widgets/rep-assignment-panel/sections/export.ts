import { html, nothing } from 'lit';
import { csvCell, planCsv } from '../export/plan-csv.js';
import type { PlanState } from '../../../src/store/types.js';

/** The locked accounts and reps as CSV (kind, id, name, locked), so locks travel with an export. */
export function locksCsv(state: Pick<PlanState, 'accounts' | 'reps'>): string {
  const lines = ['kind,id,name,locked'];
  for (const a of state.accounts) if (a.locked) lines.push(['account', a.id, a.name, 'true'].map(csvCell).join(','));
  for (const r of state.reps) if (r.locked) lines.push(['rep', r.id, r.name, 'true'].map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}
import { territoriesGeoJson } from '../export/territories-geojson.js';
import { resolution } from '../controllers/derived.js';
import { section, type PanelCtx } from './context.js';

/** Export: the plan as CSV (injection-safe) and the territories as GeoJSON, through a Blob download link. */
export function exportSection(ctx: PanelCtx) {
  return section(ctx, 'export', 'Export', () => {
    const d = ctx.ui.download;
    return html`<div class="row">
        <button type="button" @click=${() => ctx.offerDownload(planCsv(ctx.s), 'territory-plan.csv', 'text/csv', 'plan CSV')}>Plan as CSV</button>
        <button type="button" @click=${() => ctx.offerDownload(planCsv(ctx.s, { changesOnly: true }), 'territory-changes.csv', 'text/csv', 'changes CSV')}>Changes only as CSV</button>
        <button type="button" @click=${() => {
          const r = resolution(ctx.s);
          const text = JSON.stringify(territoriesGeoJson(ctx.s.territories, r.ok ? r.value.counts : {}));
          ctx.offerDownload(text, 'territories.geojson', 'application/geo+json', 'territories GeoJSON');
        }}>Territories as GeoJSON</button>
        <button type="button" @click=${() => ctx.offerDownload(locksCsv(ctx.s), 'territory-locks.csv', 'text/csv', 'locks CSV')}>Locks as CSV</button>
      </div>
      ${d ? html`<p><a part="download" href=${d.url} download=${d.filename}>Download ${d.filename}</a></p>` : nothing}`;
  });
}
