import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { isOne } from '../shared/plural.js';
import { styleProps } from '../shared/style-props.js';
import type { FieldOperator, Territory, TerritoryDefinition } from '../../src/model/territory.js';
import type { Account } from '../../src/model/account.js';
import { memoLast } from '../../src/store/memo.js';
import { PlanController } from '../shared/plan-controller.js';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { resolution } from '../rep-assignment-panel/controllers/derived.js';
import {
  FIELD_OPERATORS,
  colorInputValue,
  newTerritoryId,
  parsePredicate,
  parseRange,
  predicateText,
  updateTerritory,
  withRules,
} from './territory-edits.js';
import { styles } from './territory-editor.styles.js';

/** Named accounts listed; the rest are counted. */
const LISTED = 30;

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** Industries, custom-field names and account names of the loaded accounts (recomputed only when they are replaced). */
const vocabulary = memoLast((accounts: readonly Account[]) => ({
  industries: [...new Set(accounts.map((a) => a.industry).filter((x): x is string => !!x))].sort(),
  fieldNames: [...new Set(accounts.flatMap((a) => (a.fields ? Object.keys(a.fields) : [])))].sort().slice(0, 200),
  names: new Map(accounts.map((a) => [a.id, a.name])),
}));

/**
 * @summary The territories of the plan with their account counts, gaps, overlaps and accounts that
 * could not be placed, re-resolved live (resolveTerritories) on every edit; and an editor for a
 * territory's name, colour, priority, reps, attribute rules (industries, employee and revenue ranges,
 * custom-field predicates) and named-account includes/excludes. Every edit is one undoable step
 * through the provider's `setTerritories` (which fires `tk-plan-applied`). Read-only in the `rep` role.
 *
 * @csspart summary - Counts of territories, gaps, overlaps and skipped accounts.
 * @csspart list - The territory table.
 * @csspart editor - The form of the territory being edited.
 * @csspart error - A refused edit, with the reason.
 * @csspart empty - Shown outside a provider or before the plan loads.
 *
 * @cssproperty [--tk-color-brand=#0176d3] - Buttons and accents (every `--tk-*` token applies).
 *
 * Attributes: `territory-id` (the territory being edited), `locale`, `theme`.
 */
export class TkTerritoryEditor extends TkElement {
  static override styles = [tokens, styles];
  static override properties = {
    territoryId: { type: String, attribute: 'territory-id' },
    error: { state: true },
    draft: { state: true },
  };

  /** The territory being edited, or null. */
  declare territoryId: string | null;
  /** @internal The last refused edit's reason. */
  declare protected error: string;
  /** @internal The custom-field predicate being typed. */
  declare protected draft: { field: string; op: FieldOperator; value: string };
  private readonly plan = new PlanController(this);

  constructor() {
    super();
    this.territoryId = null;
    this.error = '';
    this.draft = { field: '', op: 'eq', value: '' };
  }

  /** Applies an edit as one undoable step; a refused or invalid edit shows its reason. */
  private commit(build: (list: readonly Territory[]) => Territory[], label: string): boolean {
    const s = this.plan.state;
    const a = this.plan.actions;
    if (!s || !a || !this.plan.canEdit) return false;
    try {
      const next = build(s.territories);
      this.error = '';
      return a.setTerritories(next, label);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  private edit(t: Territory, what: string, update: (t: Territory) => Territory): void {
    this.commit((list) => updateTerritory(list, t.id, update), msg(str`Edit territory "${t.name}": ${what}`));
  }

  private define(t: Territory, patch: Partial<TerritoryDefinition>): Territory {
    return { ...t, definition: { ...t.definition, ...patch } };
  }

  private create(): void {
    const s = this.plan.state!;
    const id = newTerritoryId(s.territories);
    const name = msg(str`New territory ${s.territories.length + 1}`);
    const t: Territory = { id, name, repIds: [], priority: 0, color: '#888888', definition: {} };
    if (this.commit((list) => [...list, t], msg(str`Create territory "${name}"`))) this.territoryId = id;
  }

  private deleteTerritory(t: Territory): void {
    if (this.commit((list) => list.filter((x) => x.id !== t.id), msg(str`Delete territory "${t.name}"`)) && this.territoryId === t.id) {
      this.territoryId = null;
    }
  }

  protected override render() {
    const s = this.plan.state;
    if (!s || s.status !== 'ready') return html`<p part="empty" class="weak">${s?.status === 'loading' ? msg('Loading…') : msg('No plan loaded')}</p>`;
    const f = this.fmt;
    const r = resolution(s);
    const canEdit = this.plan.canEdit;
    const editing = s.territories.find((t) => t.id === this.territoryId) ?? null;
    const overlapIds = r.ok ? r.value.overlaps.map((o) => o.accountId) : [];
    return html`
      ${r.ok
        ? html`<p part="summary" role="status">
            <span data-stat="territories">${isOne(s.territories.length) ? msg(str`${f.number(s.territories.length, 0)} territory`) : msg(str`${f.number(s.territories.length, 0)} territories`)}</span> ·
            <span data-stat="gaps" class=${r.value.gaps.length ? 'warn' : ''}>${msg(str`${f.number(r.value.gaps.length, 0)} in no territory`)}</span> ·
            <span data-stat="overlaps" class=${overlapIds.length ? 'warn' : ''}>${msg(str`${f.number(overlapIds.length, 0)} in several`)}</span> ·
            <span data-stat="skipped">${msg(str`${f.number(r.value.skipped.length, 0)} without coordinates`)}</span>
          </p>
          <div class="row">
            ${r.value.gaps.length ? html`<button type="button" @click=${() => this.plan.actions?.select(r.value.gaps)}>${msg('Select accounts in no territory')}</button>` : nothing}
            ${overlapIds.length ? html`<button type="button" @click=${() => this.plan.actions?.select(overlapIds)}>${msg('Select accounts in several')}</button>` : nothing}
            ${r.value.skipped.length ? html`<button type="button" @click=${() => this.plan.actions?.select(r.value.skipped.map((k) => k.accountId))}>${msg('Select accounts without coordinates')}</button>` : nothing}
          </div>`
        : html`<p part="error" class="error" role="alert">${msg(str`The territories cannot be resolved: ${r.message}`)}</p>`}
      <table part="list">
        <caption class="visually-hidden">${msg('Territories')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Territory')}</th>
            <th scope="col" class="num">${msg('Priority')}</th>
            <th scope="col" class="num">${msg('Accounts')}</th>
            <th scope="col">${msg('Reps')}</th>
            ${canEdit ? html`<th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${s.territories.map((t) => {
            const on = t.id === this.territoryId;
            return html`<tr data-territory=${t.id} class=${on ? 'editing' : ''}>
              <th scope="row"><span class="swatch" style=${styleProps({ background: colorInputValue(t.color) })}></span>${t.name}</th>
              <td class="num">${f.number(t.priority, 0)}</td>
              <td class="num" data-count>${r.ok ? f.number(r.value.counts[t.id] ?? 0, 0) : '—'}</td>
              <td>${t.repIds.map((id) => s.reps.find((x) => x.id === id)?.name ?? id).join(', ')}</td>
              ${canEdit
                ? html`<td class="actions">
                    <button type="button" aria-expanded=${on ? 'true' : 'false'} aria-label=${msg(str`Edit ${t.name}`)}
                      @click=${() => (this.territoryId = on ? null : t.id)}>${msg('Edit')}</button>
                    <button type="button" aria-label=${msg(str`Delete ${t.name}`)} @click=${() => this.deleteTerritory(t)}>${msg('Delete')}</button>
                  </td>`
                : nothing}
            </tr>`;
          })}
        </tbody>
      </table>
      ${canEdit ? html`<div class="row"><button type="button" @click=${() => this.create()}>${msg('New territory')}</button></div>` : nothing}
      ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
      ${canEdit && editing ? this.renderEditor(editing) : nothing}
    `;
  }

  private renderEditor(t: Territory) {
    const s = this.plan.state!;
    const rules = t.definition.rules ?? {};
    const vocab = vocabulary(s.accounts);
    const extra = (rules.industries ?? []).filter((i) => !vocab.industries.includes(i));
    const industries = extra.length ? [...vocab.industries, ...extra].sort() : vocab.industries;
    const chosen = new Set(rules.industries ?? []);
    const { fieldNames, names } = vocab;
    const selection = s.selection;
    const f = this.fmt;
    const range = (key: 'employees' | 'annualRevenue', label: string, what: string) => {
      const current = rules[key] ?? {};
      const set = (end: 'min' | 'max') => (e: Event) => {
        const min = end === 'min' ? value(e) : current.min === undefined ? '' : String(current.min);
        const max = end === 'max' ? value(e) : current.max === undefined ? '' : String(current.max);
        this.edit(t, what, (x) => this.define(x, { rules: withRules(x.definition.rules, { [key]: parseRange(label, min, max) }) }));
      };
      return html`<fieldset class="range">
        <legend>${label}</legend>
        <label>${msg('From')} <input type="number" name=${`${key}-min`} min="0" step="any" .value=${current.min === undefined ? '' : String(current.min)} @change=${set('min')} /></label>
        <label>${msg('To')} <input type="number" name=${`${key}-max`} min="0" step="any" .value=${current.max === undefined ? '' : String(current.max)} @change=${set('max')} /></label>
      </fieldset>`;
    };
    const named = (key: 'include' | 'exclude', title: string) => {
      const n = selection.length;
      const count = f.number(n, 0);
      const ids = t.definition[key] ?? [];
      const add = () => {
        const next = [...new Set([...ids, ...selection])];
        const other = key === 'include' ? 'exclude' : 'include';
        const otherIds = (t.definition[other] ?? []).filter((id) => !selection.includes(id));
        this.edit(t, key === 'include' ? msg(str`include ${count} accounts`) : msg(str`exclude ${count} accounts`), (x) => this.define(x, { [key]: next, [other]: otherIds }));
      };
      return html`<fieldset class="named" data-list=${key}>
        <legend>${title} (${ids.length})</legend>
        <ul>
          ${ids.slice(0, LISTED).map(
            (id) => html`<li>${names.get(id) ?? id}
              <button type="button" aria-label=${key === 'include' ? msg(str`Remove ${names.get(id) ?? id} from named accounts (always in)`) : msg(str`Remove ${names.get(id) ?? id} from excluded accounts (never in)`)}
                @click=${() => this.edit(t, key === 'include' ? msg('include −1') : msg('exclude −1'), (x) => this.define(x, { [key]: (x.definition[key] ?? []).filter((y) => y !== id) }))}>${msg('Remove')}</button></li>`,
          )}
          ${ids.length > LISTED ? html`<li class="weak">${msg(str`and ${f.number(ids.length - LISTED, 0)} more`)}</li>` : nothing}
        </ul>
        <button type="button" ?disabled=${selection.length === 0} @click=${add}>${isOne(n) ? msg(str`Add the ${count} selected account`) : msg(str`Add the ${count} selected accounts`)}</button>
      </fieldset>`;
    };
    return html`<form part="editor" aria-label=${msg(str`Edit territory ${t.name}`)} @submit=${(e: Event) => e.preventDefault()}>
      <div class="grid">
        <label>${msg('Name')} <input type="text" name="name" maxlength="255" .value=${t.name}
          @change=${(e: Event) => this.edit(t, msg('name'), (x) => ({ ...x, name: value(e).trim() || x.name }))} /></label>
        <label>${msg('Colour')} <input type="color" name="color" .value=${colorInputValue(t.color)}
          @change=${(e: Event) => this.edit(t, msg('colour'), (x) => ({ ...x, color: value(e) }))} /></label>
        <label>${msg('Priority')} <input type="number" name="priority" step="1" .value=${String(t.priority)}
          @change=${(e: Event) => {
            const p = Number(value(e));
            if (value(e).trim() === '' || !Number.isFinite(p)) this.error = msg(str`Priority of "${t.name}" must be a number`);
            else this.edit(t, msg('priority'), (x) => ({ ...x, priority: p }));
          }} /></label>
        <label>${msg('Reps')} <select name="reps" multiple size=${Math.min(5, Math.max(2, s.reps.length))}
          @change=${(e: Event) => this.edit(t, msg('reps'), (x) => ({ ...x, repIds: [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value) }))}>
          ${s.reps.map((r) => html`<option value=${r.id} ?selected=${t.repIds.includes(r.id)}>${r.name}</option>`)}
        </select></label>
      </div>
      <fieldset>
        <legend>${msg('Rules (every condition must hold)')}</legend>
        <label>${msg('Industries')} <select name="industries" multiple size=${Math.min(6, Math.max(2, industries.length))}
          @change=${(e: Event) => {
            const picked = [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value);
            this.edit(t, msg('industries'), (x) => this.define(x, { rules: withRules(x.definition.rules, { industries: picked }) }));
          }}>
          ${industries.map((i) => html`<option value=${i} ?selected=${chosen.has(i)}>${i}</option>`)}
        </select></label>
        <div class="grid">${range('employees', msg('Employees'), msg('employees'))} ${range('annualRevenue', msg('Annual revenue'), msg('annual revenue'))}</div>
        <fieldset class="predicates">
          <legend>${msg('Custom fields')}</legend>
          <ul>
            ${(rules.fields ?? []).map(
              (p, i) => html`<li>${predicateText(p)}
                <button type="button" aria-label=${msg(str`Remove condition ${predicateText(p)}`)}
                  @click=${() => this.edit(t, msg('custom field'), (x) => this.define(x, { rules: withRules(x.definition.rules, { fields: (x.definition.rules?.fields ?? []).filter((_, j) => j !== i) }) }))}>${msg('Remove')}</button></li>`,
            )}
          </ul>
          <div class="row">
            <label>${msg('Field')} <input type="text" name="field" list="tk-field-names" .value=${this.draft.field}
              @change=${(e: Event) => (this.draft = { ...this.draft, field: value(e) })} /></label>
            <datalist id="tk-field-names">${fieldNames.map((n) => html`<option value=${n}></option>`)}</datalist>
            <label>${msg('Condition')} <select name="op" .value=${this.draft.op} @change=${(e: Event) => (this.draft = { ...this.draft, op: value(e) as FieldOperator })}>
              ${FIELD_OPERATORS.map((o) => html`<option value=${o.op} ?selected=${o.op === this.draft.op}>${o.label()}</option>`)}
            </select></label>
            <label>${msg('Value')} <input type="text" name="value" .value=${this.draft.value} ?disabled=${this.draft.op === 'exists'}
              @change=${(e: Event) => (this.draft = { ...this.draft, value: value(e) })} /></label>
            <button type="button" @click=${() => {
              const d = this.draft;
              this.edit(t, msg('custom field'), (x) =>
                this.define(x, { rules: withRules(x.definition.rules, { fields: [...(x.definition.rules?.fields ?? []), parsePredicate(d.field, d.op, d.value)] }) }),
              );
              if (!this.error) this.draft = { field: '', op: 'eq', value: '' };
            }}>${msg('Add condition')}</button>
          </div>
        </fieldset>
      </fieldset>
      <div class="grid">${named('include', msg('Named accounts (always in)'))} ${named('exclude', msg('Excluded accounts (never in)'))}</div>
    </form>`;
  }
}
