import { msg, str } from '@lit/localize';
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
import { isOne } from './words.js';

/** Prepares the territories as a GeoJSON download (the format the import reads back). */
export function offerTerritoriesGeoJson(ctx: PanelCtx): void {
  const r = resolution(ctx.s);
  const text = JSON.stringify(territoriesGeoJson(ctx.s.territories, r.ok ? r.value.counts : {}));
  ctx.offerDownload(text, 'territories.geojson', 'application/geo+json', msg('territories GeoJSON'));
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
  const n = r.imported;
  const count = ctx.f.number(n, 0);
  const applied = !r.error && n > 0 && ctx.a.setTerritories(r.territories, isOne(n) ? msg(str`Import ${count} territory`) : msg(str`Import ${count} territories`));
  ctx.set({ territoryImport: { imported: applied ? n : 0, rejected, ...(r.error ? { error: r.error } : {}) } });
  const name = file.name;
  const error = r.error;
  const k = applied ? n : 0;
  const done = ctx.f.number(k, 0);
  const refused = ctx.f.number(rejected.length, 0);
  const imported = isOne(k) ? msg(str`Imported ${done} territory from ${name}.`) : msg(str`Imported ${done} territories from ${name}.`);
  ctx.announce(error ? msg(str`Could not import ${name}: ${error}`) : rejected.length ? msg(str`${imported} Rejected: ${refused}.`) : imported);
}

/** One rejected territory: which (id, else position), the field and the reason (the reason is the importer's English text). */
function rejection(x: { id?: string; index: number; field: string; reason: string }): string {
  const field = x.field || msg('(record)');
  const reason = x.reason;
  if (x.id !== undefined) {
    const id = x.id;
    return msg(str`territory ${id}: ${field} ${reason}`);
  }
  const at = x.index + 1;
  return msg(str`territory at position ${at}: ${field} ${reason}`);
}

function importResult(ctx: PanelCtx) {
  const r = ctx.ui.territoryImport;
  if (!r) return nothing;
  const imported = ctx.f.number(r.imported, 0);
  const rejectedCount = ctx.f.number(r.rejected.length, 0);
  return html`<div part="territory-import-result" role="status">
    ${r.error
      ? html`<p class="error">${msg(str`Could not import: ${r.error}`)}</p>`
      : html`<p>${isOne(r.imported) ? msg(str`Imported ${imported} territory (one undo step).`) : msg(str`Imported ${imported} territories (one undo step).`)}</p>`}
    ${r.rejected.length
      ? html`<p class="failed">${msg(str`${rejectedCount} rejected:`)}</p>
          <ul part="territory-import-rejections">
            ${r.rejected.slice(0, 50).map((x) => html`<li>${rejection(x)}</li>`)}
          </ul>`
      : nothing}
  </div>`;
}

/** Export: the plan as CSV (injection-safe) and the territories as GeoJSON, through a Blob download link. */
export function exportSection(ctx: PanelCtx) {
  return section(ctx, 'export', msg('Export'), () => {
    const d = ctx.ui.download;
    return html`<div class="row">
        <button type="button" @click=${() => ctx.offerDownload(planCsv(ctx.s), 'territory-plan.csv', 'text/csv', msg('plan CSV'))}>${msg('Plan as CSV')}</button>
        <button type="button" @click=${() => ctx.offerDownload(planCsv(ctx.s, { changesOnly: true }), 'territory-changes.csv', 'text/csv', msg('changes CSV'))}>${msg('Changes only as CSV')}</button>
        <button type="button" @click=${() => offerTerritoriesGeoJson(ctx)}>${msg('Territories as GeoJSON')}</button>
        <button type="button" @click=${() => ctx.offerDownload(locksCsv(ctx.s), 'territory-locks.csv', 'text/csv', msg('locks CSV'))}>${msg('Locks as CSV')}</button>
      </div>
      ${d ? html`<p><a part="download" href=${d.url} download=${d.filename}>${msg(str`Download ${d.filename}`)}</a></p>` : nothing}
      ${ctx.edit
        ? html`<label class="row">${msg('Import territories (JSON/GeoJSON)')}
            <input part="territory-import" type="file" accept=".json,.geojson,application/json,application/geo+json" @change=${(e: Event) => void importFile(ctx, e.target as HTMLInputElement)} />
          </label>`
        : nothing}
      ${importResult(ctx)}`;
  });
}
