import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { SaveOutcome } from '../../../src/adapters/crm-adapter.js';
import { pendingQuotaChanges } from '../../../src/store/quotas.js';
import { pendingChanges } from '../../../src/store/selectors.js';
import { pendingLocks } from '../../../src/store/locks.js';
import { pendingTerritoryChanges } from '../../../src/store/territory-changes.js';
import { offerTerritoriesGeoJson } from './export.js';
import { section, type PanelCtx } from './context.js';

/** How the backing system is named in "not saved to …". */
const SYSTEM_NAMES: Record<string, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot', rest: 'the CRM', memory: 'the CRM', file: 'a CRM (the plan came from a file)' };

/** Territory changes: their count and outcomes where the adapter writes them, else a plain notice with export. */
function territoryPart(ctx: PanelCtx) {
  const { s, f } = ctx;
  const system = SYSTEM_NAMES[s.capabilities?.system ?? ''] ?? s.capabilities?.system ?? 'the CRM';
  if (s.capabilities?.canWriteTerritories !== true) {
    if (!s.territories.length) return nothing;
    const d = ctx.ui.download?.label === 'territories GeoJSON' ? ctx.ui.download : null;
    const edits = pendingTerritoryChanges(s).length;
    return html`<div part="territories-local" class="notice" role="note">
      <p>Territories stay in this browser (not saved to ${system}): export them.</p>
      ${edits ? html`<p part="local-territory-edits">${f.number(edits, 0)} territor${edits === 1 ? 'y' : 'ies'} changed since loading, kept only here.</p>` : nothing}
      <div class="row">
        <button type="button" @click=${() => offerTerritoriesGeoJson(ctx)}>Export territories (GeoJSON)</button>
        ${d ? html`<a part="download" href=${d.url} download=${d.filename}>Download ${d.filename}</a>` : nothing}
      </div>
      <p class="weak">Import them again from the Export section.</p>
    </div>`;
  }
  const last = s.lastTerritorySave ?? [];
  if (!last.length) return nothing;
  const names = new Map(s.territories.map((t) => [t.id, t.name]));
  // Where the CRM keeps them, when it says (Salesforce territory2 mode: a planning model the admin activates).
  const to = last.find((o) => o.status === 'saved' && o.savedTo)?.savedTo;
  return html`<div part="territory-outcomes" role="region" aria-label="Last territory save">
    <p>Territories: <span class="ok">${f.number(last.filter((o) => o.status === 'saved').length, 0)} saved</span>,
      <span class="failed">${f.number(last.filter((o) => o.status === 'failed').length, 0)} failed</span>,
      <span class="conflict">${f.number(last.filter((o) => o.status === 'conflict').length, 0)} in conflict</span></p>
    ${to
      ? html`<p part="territories-saved-to">${to.kind === 'Territory2Model'
          ? `Territories saved to ${system} as planning model “${to.name}” — review and activate it in Setup.`
          : `Territories saved to ${system}: ${to.name}.`}</p>`
      : nothing}
    <ul class="scroll" tabindex="0" aria-label="Outcome of each territory">
      ${last.slice(0, LISTED).map(
        (o) => html`<li part="territory-outcome outcome-${o.status}" class=${o.status} data-territory=${o.territoryId} data-status=${o.status}>
          <span class="status">${STATUS_TEXT[o.status]}</span> <span class="name">${names.get(o.territoryId) ?? o.territoryId}</span>
          ${o.code || o.message ? html`<span class="weak detail">(${o.code ?? ''}${o.code && o.message ? ': ' : ''}${o.message ?? ''})</span>` : nothing}
          ${o.status === 'conflict' ? html`<span class="help">This territory was changed in the CRM since you loaded it — reload to see it.</span>` : nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}

/** Outcomes listed one by one; the rest are counted. */
const LISTED = 200;

const STATUS_TEXT: Record<SaveOutcome['status'], string> = { saved: 'Saved', failed: 'Failed', conflict: 'Conflict' };

/** The conflict explanation shown under every conflicting change. */
export const CONFLICT_HELP = 'changed in the CRM since you loaded it — reload to see the new owner';

function outcomeItem(ctx: PanelCtx, o: SaveOutcome) {
  const { s } = ctx;
  const sent = ctx.ui.sent.get(o.accountId);
  const to = sent ? sent.to : o.status === 'saved' ? (s.current[o.accountId] ?? null) : (s.working[o.accountId] ?? null);
  const from = sent ? sent.from : o.status === 'saved' ? undefined : (s.current[o.accountId] ?? null);
  return html`<li part="outcome outcome-${o.status}" class=${o.status} data-account=${o.accountId} data-status=${o.status}>
    <span class="status">${STATUS_TEXT[o.status]}</span>
    <span class="name">${ctx.accountName(o.accountId)}</span>:
    ${from !== undefined ? html`${ctx.repName(from)} → ` : nothing}${ctx.repName(to)}
    ${o.code || o.message ? html`<span class="weak detail">(${o.code ?? ''}${o.code && o.message ? ': ' : ''}${o.message ?? ''})</span>` : nothing}
    ${o.status === 'conflict' ? html`<span class="help">This account ${CONFLICT_HELP}.</span>` : nothing}
  </li>`;
}

/** Save to CRM: pending count, save, per-change outcomes, retry failed, conflicts explained. */
export function saveSection(ctx: PanelCtx) {
  const { s, f } = ctx;
  const pending = pendingChanges(s).length;
  const territories = s.capabilities?.canWriteTerritories === true ? pendingTerritoryChanges(s).length : 0;
  const quotas = s.capabilities?.canWriteQuotas === true ? pendingQuotaChanges(s).length : 0;
  return section(ctx, 'save', 'Save to CRM', () => {
    const last = s.lastSave ?? [];
    const failed = last.filter((o) => o.status === 'failed').map((o) => o.accountId);
    const conflicts = last.filter((o) => o.status === 'conflict').length;
    const saved = last.length - failed.length - conflicts;
    const canWrite = s.capabilities?.canWrite !== false;
    const locks = pendingLocks(s).length;
    const writeLocks = s.capabilities?.canWriteLocks === true;
    return html`<p part="pending" role="status" tabindex="-1">${f.number(pending, 0)} unsaved change${pending === 1 ? '' : 's'}${territories ? html`, <span part="pending-territories">${f.number(territories, 0)} territor${territories === 1 ? 'y' : 'ies'}</span>` : nothing}${quotas ? html`, <span part="pending-quotas">${quotas === 1 ? msg('1 quota') : msg(str`${f.number(quotas, 0)} quotas`)}</span>` : nothing}</p>
      ${canWrite ? nothing : html`<p class="weak">This user may not write assignments to the CRM.</p>`}
      ${locks
        ? html`<p part="pending-locks" class="weak">${f.number(locks, 0)} lock change${locks === 1 ? '' : 's'}
            ${writeLocks ? 'will be saved with the next save.' : `${locks === 1 ? 'stays' : 'stay'} in this plan and this browser: the CRM has no lock field mapped for this connection.`}</p>`
        : nothing}
      <div class="row">
        <button type="button" class="brand" ?disabled=${(pending === 0 && territories === 0 && quotas === 0 && !(locks && writeLocks)) || s.saving || s.status !== 'ready'} @click=${() => ctx.save()}>
          ${s.saving ? 'Saving…' : 'Save to CRM'}
        </button>
        <button type="button" ?disabled=${pending === 0 || s.saving} @click=${() => {
          if (ctx.a.discard()) ctx.announce('Unsaved changes discarded. Undo with Ctrl+Z.');
          ctx.focus('[part~=pending]');
        }}>Discard changes</button>
      </div>
      ${territoryPart(ctx)}
      ${ctx.later ? ctx.later.quotaPart(ctx, pendingQuotaChanges(s).length) : nothing}
      ${last.length
        ? html`<div part="outcomes" role="region" aria-label="Last save">
            <p><span class="ok">${f.number(saved, 0)} saved</span>, <span class="failed">${f.number(failed.length, 0)} failed</span>,
              <span class="conflict">${f.number(conflicts, 0)} in conflict</span>${failed.length + conflicts ? ' (still pending)' : ''}</p>
            <ul class="scroll tall" tabindex="0" aria-label="Outcome of each change">
              ${last.slice(0, LISTED).map((o) => outcomeItem(ctx, o))}
              ${last.length > LISTED ? html`<li class="weak">and ${f.number(last.length - LISTED, 0)} more</li>` : nothing}
            </ul>
            <div class="row">
              ${failed.length
                ? html`<button type="button" ?disabled=${s.saving} @click=${() => ctx.save(failed)}>Retry failed (${f.number(failed.length, 0)})</button>`
                : nothing}
              ${conflicts
                ? html`<button type="button" ?disabled=${s.saving} @click=${() => void ctx.a.reload()}>Reload from CRM</button>
                    <span class="weak">Reloading drops the ${f.number(pending, 0)} unsaved change${pending === 1 ? '' : 's'}.</span>`
                : nothing}
            </div>
          </div>`
        : nothing}`;
  }, pending + territories + quotas ? f.number(pending + territories + quotas, 0) : undefined);
}
