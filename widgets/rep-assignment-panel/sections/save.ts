import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { SaveOutcome } from '../../../src/adapters/crm-adapter.js';
import { pendingQuotaChanges } from '../../../src/store/quotas.js';
import { pendingChanges } from '../../../src/store/selectors.js';
import { pendingLocks } from '../../../src/store/locks.js';
import { pendingTerritoryChanges } from '../../../src/store/territory-changes.js';
import { offerTerritoriesGeoJson } from './export.js';
import { section, type PanelCtx } from './context.js';
import { isOne } from './words.js';

/** How the backing system is named in "not saved to …". */
const SYSTEM_NAMES: Record<string, () => string> = {
  salesforce: () => 'Salesforce',
  hubspot: () => 'HubSpot',
  rest: () => msg('the CRM'),
  memory: () => msg('the CRM'),
  file: () => msg('a CRM (the plan came from a file)'),
};

/** Territory changes: their count and outcomes where the adapter writes them, else a plain notice with export. */
function territoryPart(ctx: PanelCtx) {
  const { s, f } = ctx;
  const system = SYSTEM_NAMES[s.capabilities?.system ?? '']?.() ?? s.capabilities?.system ?? msg('the CRM');
  if (s.capabilities?.canWriteTerritories !== true) {
    if (!s.territories.length) return nothing;
    const d = ctx.ui.download?.label === 'territories GeoJSON' ? ctx.ui.download : null;
    const edits = pendingTerritoryChanges(s).length;
    return html`<div part="territories-local" class="notice" role="note">
      <p>${msg(str`Territories stay in this browser (not saved to ${system}): export them.`)}</p>
      ${edits ? html`<p part="local-territory-edits">${isOne(edits) ? msg(str`${f.number(edits, 0)} territory changed since loading, kept only here.`) : msg(str`${f.number(edits, 0)} territories changed since loading, kept only here.`)}</p>` : nothing}
      <div class="row">
        <button type="button" @click=${() => offerTerritoriesGeoJson(ctx)}>${msg('Export territories (GeoJSON)')}</button>
        ${d ? html`<a part="download" href=${d.url} download=${d.filename}>${msg(str`Download ${d.filename}`)}</a>` : nothing}
      </div>
      <p class="weak">${msg('Import them again from the Export section.')}</p>
    </div>`;
  }
  const last = s.lastTerritorySave ?? [];
  if (!last.length) return nothing;
  const names = new Map(s.territories.map((t) => [t.id, t.name]));
  // Where the CRM keeps them, when it says (Salesforce territory2 mode: a planning model the admin activates).
  const to = last.find((o) => o.status === 'saved' && o.savedTo)?.savedTo;
  return html`<div part="territory-outcomes" role="region" aria-label=${msg('Last territory save')}>
    <p>${msg('Territories:')} ${counts(ctx, last)}</p>
    ${to
      ? html`<p part="territories-saved-to">${to.kind === 'Territory2Model'
          ? msg(str`Territories saved to ${system} as planning model “${to.name}” — review and activate it in Setup.`)
          : msg(str`Territories saved to ${system}: ${to.name}.`)}</p>`
      : nothing}
    <ul class="scroll" tabindex="0" aria-label=${msg('Outcome of each territory')}>
      ${last.slice(0, LISTED).map(
        (o) => html`<li part="territory-outcome outcome-${o.status}" class=${o.status} data-territory=${o.territoryId} data-status=${o.status}>
          <span class="status">${statusText(o.status)}</span> <span class="name">${names.get(o.territoryId) ?? o.territoryId}</span>
          ${outcomeDetail(ctx, o)}
          ${o.status === 'conflict' ? html`<span class="help">${msg('This territory was changed in the CRM since you loaded it — reload to see it.')}</span>` : nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}

/** Outcomes listed one by one; the rest are counted. */
const LISTED = 200;

/** The outcome wording (outcome-text.ts), loaded when a save first has outcomes to list. */
let words: typeof import('./outcome-text.js') | null = null;
let wordsLoad: Promise<unknown> | null = null;
/** Panels waiting for it (their `set`, which renders them again). */
const waiting = new Set<PanelCtx['set']>();

/**
 * An outcome's "(code: why)" in the UI language; the code alone until the wording has loaded (the panel
 * renders again when it has). Shared with save-quotas.ts.
 */
export function outcomeDetail(ctx: PanelCtx, o: { code?: string; message?: string; key?: string; params?: SaveOutcome['params'] }) {
  if (!o.code && !o.message) return nothing;
  if (!words && !waiting.has(ctx.set)) {
    waiting.add(ctx.set);
    wordsLoad ??= import('./outcome-text.js').then(
      (m) => (words = m),
      (error) => {
        words = { outcomeText: (w: { message?: string }) => w.message ?? '' };
        console.warn('territory-kit: could not load the outcome wording', error);
      },
    );
    void wordsLoad.then(() => {
      waiting.delete(ctx.set);
      ctx.set({});
    });
  }
  const why = words ? words.outcomeText(o) : '';
  // Until the wording has loaded: the code alone, or nothing (never an empty "()").
  if (!o.code && !why) return nothing;
  return html`<span class="weak detail">(${o.code ?? ''}${o.code && why ? ': ' : ''}${why})</span>`;
}

const statusText = (status: SaveOutcome['status']): string =>
  status === 'saved' ? msg('Saved') : status === 'failed' ? msg('Failed') : msg('Conflict');

/** "N saved, N failed, N in conflict" for a list of outcomes. */
function counts(ctx: PanelCtx, last: readonly { status: SaveOutcome['status'] }[]) {
  const n = (status: SaveOutcome['status']) => ctx.f.number(last.filter((o) => o.status === status).length, 0);
  return html`<span class="ok">${msg(str`${n('saved')} saved`)}</span>, <span class="failed">${msg(str`${n('failed')} failed`)}</span>,
    <span class="conflict">${msg(str`${n('conflict')} in conflict`)}</span>`;
}


function outcomeItem(ctx: PanelCtx, o: SaveOutcome) {
  const { s } = ctx;
  const sent = ctx.ui.sent.get(o.accountId);
  const to = sent ? sent.to : o.status === 'saved' ? (s.current[o.accountId] ?? null) : (s.working[o.accountId] ?? null);
  const from = sent ? sent.from : o.status === 'saved' ? undefined : (s.current[o.accountId] ?? null);
  return html`<li part="outcome outcome-${o.status}" class=${o.status} data-account=${o.accountId} data-status=${o.status}>
    <span class="status">${statusText(o.status)}</span>
    <span class="name">${ctx.accountName(o.accountId)}</span>:
    ${from !== undefined ? html`${ctx.repName(from)} → ` : nothing}${ctx.repName(to)}
    ${outcomeDetail(ctx, o)}
    ${o.status === 'conflict' ? html`<span class="help">${msg('This account changed in the CRM since you loaded it — reload to see the new owner.')}</span>` : nothing}
  </li>`;
}

/** Save to CRM: pending count, save, per-change outcomes, retry failed, conflicts explained. */
export function saveSection(ctx: PanelCtx) {
  const { s, f } = ctx;
  const pending = pendingChanges(s).length;
  const territories = s.capabilities?.canWriteTerritories === true ? pendingTerritoryChanges(s).length : 0;
  const quotas = s.capabilities?.canWriteQuotas === true ? pendingQuotaChanges(s).length : 0;
  return section(ctx, 'save', msg('Save to CRM'), () => {
    const last = s.lastSave ?? [];
    const failed = last.filter((o) => o.status === 'failed').map((o) => o.accountId);
    const conflicts = last.filter((o) => o.status === 'conflict').length;
    const canWrite = s.capabilities?.canWrite !== false;
    const locks = pendingLocks(s).length;
    const writeLocks = s.capabilities?.canWriteLocks === true;
    return html`<p part="pending" role="status" tabindex="-1">${isOne(pending) ? msg(str`${f.number(pending, 0)} unsaved change`) : msg(str`${f.number(pending, 0)} unsaved changes`)}${territories ? html`, <span part="pending-territories">${isOne(territories) ? msg(str`${f.number(territories, 0)} territory`) : msg(str`${f.number(territories, 0)} territories`)}</span>` : nothing}${quotas ? html`, <span part="pending-quotas">${quotas === 1 ? msg('1 quota') : msg(str`${f.number(quotas, 0)} quotas`)}</span>` : nothing}</p>
      ${canWrite ? nothing : html`<p class="weak">${msg('This user may not write assignments to the CRM.')}</p>`}
      ${locks
        ? html`<p part="pending-locks" class="weak">${writeLocks
            ? isOne(locks) ? msg(str`${f.number(locks, 0)} lock change will be saved with the next save.`) : msg(str`${f.number(locks, 0)} lock changes will be saved with the next save.`)
            : isOne(locks)
              ? msg(str`${f.number(locks, 0)} lock change stays in this plan and this browser: the CRM has no lock field mapped for this connection.`)
              : msg(str`${f.number(locks, 0)} lock changes stay in this plan and this browser: the CRM has no lock field mapped for this connection.`)}</p>`
        : nothing}
      <div class="row">
        <button type="button" class="brand" ?disabled=${(pending === 0 && territories === 0 && quotas === 0 && !(locks && writeLocks)) || s.saving || s.status !== 'ready'} @click=${() => ctx.save()}>
          ${s.saving ? msg('Saving…') : msg('Save to CRM')}
        </button>
        <button type="button" ?disabled=${pending === 0 || s.saving} @click=${() => {
          if (ctx.a.discard()) ctx.announce(msg('Unsaved changes discarded. Undo with Ctrl+Z.'));
          ctx.focus('[part~=pending]');
        }}>${msg('Discard changes')}</button>
      </div>
      ${territoryPart(ctx)}
      ${ctx.later ? ctx.later.quotaPart(ctx, pendingQuotaChanges(s).length) : nothing}
      ${last.length
        ? html`<div part="outcomes" role="region" aria-label=${msg('Last save')}>
            <p>${counts(ctx, last)}${failed.length + conflicts ? ` ${msg('(still pending)')}` : ''}</p>
            <ul class="scroll tall" tabindex="0" aria-label=${msg('Outcome of each change')}>
              ${last.slice(0, LISTED).map((o) => outcomeItem(ctx, o))}
              ${last.length > LISTED ? html`<li class="weak">${msg(str`and ${f.number(last.length - LISTED, 0)} more`)}</li>` : nothing}
            </ul>
            <div class="row">
              ${failed.length
                ? html`<button type="button" ?disabled=${s.saving} @click=${() => ctx.save(failed)}>${msg(str`Retry failed (${f.number(failed.length, 0)})`)}</button>`
                : nothing}
              ${conflicts
                ? html`<button type="button" ?disabled=${s.saving} @click=${() => void ctx.a.reload()}>${msg('Reload from CRM')}</button>
                    <span class="weak">${isOne(pending) ? msg(str`Reloading drops the ${f.number(pending, 0)} unsaved change.`) : msg(str`Reloading drops the ${f.number(pending, 0)} unsaved changes.`)}</span>`
                : nothing}
            </div>
          </div>`
        : nothing}`;
  }, pending + territories + quotas ? f.number(pending + territories + quotas, 0) : undefined);
}
