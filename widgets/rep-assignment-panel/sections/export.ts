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

/** Prepares the territories as a GeoJSON download (the format the import reads back). */
export function offerTerritoriesGeoJson(ctx: PanelCtx): void {
  const r = resolution(ctx.s);
  const text = JSON.stringify(territoriesGeoJson(ctx.s.territories, r.ok ? r.value.counts : {}));
  ctx.offerDownload(text, 'territories.geojson', 'application/geo+json', 'territories GeoJSON');
}

/** Reads a territories file (JSON/GeoJSON) and applies the valid ones as one undoable step; the model loads on demand. */
async function importFile(ctx: PanelCtx, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  const text = await file.text();
  input.value = '';
  const { importTerritories } = await import('../export/territories-import.js');
  const r = importTerritories(text, ctx.s.territories);
  const rejected = r.rejected.map((x) => ({ ...(x.id !== undefined ? { id: x.id } : {}), index: x.index, field: x.field, reason: x.reason }));
  const applied = !r.error && r.imported > 0 && ctx.a.setTerritories(r.territories, `Import ${r.imported} territor${r.imported === 1 ? 'y' : 'ies'}`);
  ctx.set({ territoryImport: { imported: applied ? r.imported : 0, rejected, ...(r.error ? { error: r.error } : {}) } });
  ctx.announce(r.error ? `Could not import ${file.name}: ${r.error}` : `Imported ${applied ? r.imported : 0} territories from ${file.name}${rejected.length ? `; ${rejected.length} rejected` : ''}.`);
}

function importResult(ctx: PanelCtx) {
  const r = ctx.ui.territoryImport;
  if (!r) return nothing;
  return html`<div part="territory-import-result" role="status">
    ${r.error ? html`<p class="error">Could not import: ${r.error}</p>` : html`<p>Imported ${ctx.f.number(r.imported, 0)} territor${r.imported === 1 ? 'y' : 'ies'} (one undo step).</p>`}
    ${r.rejected.length
      ? html`<p class="failed">${r.rejected.length} rejected:</p>
          <ul part="territory-import-rejections">
            ${r.rejected.slice(0, 50).map((x) => html`<li>territory ${x.id ?? `at position ${x.index + 1}`}: ${x.field || '(record)'} ${x.reason}</li>`)}
          </ul>`
      : nothing}
  </div>`;
}

/** Export: the plan as CSV (injection-safe) and the territories as GeoJSON, through a Blob download link. */
export function exportSection(ctx: PanelCtx) {
  return section(ctx, 'export', 'Export', () => {
    const d = ctx.ui.download;
    return html`<div class="row">
        <button type="button" @click=${() => ctx.offerDownload(planCsv(ctx.s), 'territory-plan.csv', 'text/csv', 'plan CSV')}>Plan as CSV</button>
        <button type="button" @click=${() => ctx.offerDownload(planCsv(ctx.s, { changesOnly: true }), 'territory-changes.csv', 'text/csv', 'changes CSV')}>Changes only as CSV</button>
        <button type="button" @click=${() => offerTerritoriesGeoJson(ctx)}>Territories as GeoJSON</button>
        <button type="button" @click=${() => ctx.offerDownload(locksCsv(ctx.s), 'territory-locks.csv', 'text/csv', 'locks CSV')}>Locks as CSV</button>
      </div>
      ${d ? html`<p><a part="download" href=${d.url} download=${d.filename}>Download ${d.filename}</a></p>` : nothing}
      ${ctx.edit
        ? html`<label class="row">Import territories (JSON/GeoJSON)
            <input part="territory-import" type="file" accept=".json,.geojson,application/json,application/geo+json" @change=${(e: Event) => void importFile(ctx, e.target as HTMLInputElement)} />
          </label>`
        : nothing}
      ${importResult(ctx)}`;
  });
}
