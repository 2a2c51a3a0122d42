import type { SaveOptions, TerritoryChange, TerritorySaveOutcome } from '../crm-adapter.js';
import { Territory } from '../../model/territory.js';
import { chunk } from '../shared/retry.js';
import { RELOAD_ADVICE } from '../shared/deadline.js';
import { say } from '../texts/adapter.js';
import { asSaid } from '../texts/said.js';
import type { Said } from '../crm-adapter.js';
import { queryAll, queryByIds } from './call.js';
import { toSalesforceError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { objectTerritoriesQuery, userTerritoriesQuery } from './queries.js';
import type { SfRecord } from './types.js';
import { writeWithRetry, type WriteItem, type WriteResult } from './write.js';
import { developerName, draftTerritory, type TerritoryDraft, type TerritoryNotice } from './territory-model-map.js';
import { assignmentRuleItemsQuery, assignmentRulesQuery, modelTerritoriesQuery, ruleTerritoriesQuery, territoryModelsQuery, territoryTypesQuery } from './territory-model-queries.js';

/** territory2 mode: how `saveTerritories` writes the plan into a Territory2 model in Planning state. */
export interface PlanningModelOptions {
  /**
   * DeveloperName of the models territory-kit creates: the first is `TerritoryKit_Plan`, then
   * `TerritoryKit_Plan_2`… (a name taken by an Active or Archived model is never reused). Default `TerritoryKit_Plan`.
   */
  developerName?: string;
  /** Label of a new model. Default `Territory Kit plan <YYYY-MM-DD>` (UTC, the day it is created). */
  name?: string;
  /** Territory2TypeId of new territories. Default: the org's first Territory2Type by Id. */
  territoryTypeId?: string;
  /** Account field a US state region is tested on (`equals` its two-letter code). Default `BillingState`. */
  stateField?: string;
  /** RoleInTerritory2 of assigned reps (a value of the org's picklist, e.g. `Owner`). Default none. */
  repRole?: string;
}

/** What the adapter keeps between territory saves. */
export interface PlanningState {
  /** The plan's territories as loaded, then as last saved: the planning model mirrors all of them. */
  territories: Map<string, Territory>;
  /** The planning model this adapter wrote to (so a later save goes on there, or refuses when it moved on). */
  modelId: string | null;
}

const MODEL = 'Territory2Model';
const T2 = 'Territory2';
const RULE = 'ObjectTerritory2AssignmentRule';
const ITEM = 'ObjectTerritory2AssignmentRuleItem';
const RULE_T = 'RuleTerritory2Association';
const OTA = 'ObjectTerritory2Association';
const UTA = 'UserTerritory2Association';
const DEV_NAME = /^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,78}[A-Za-z0-9]$|^[A-Za-z]$/;

/** A problem with one record written for a territory. */
interface Trouble {
  code: string;
  message: string;
  /** The write may or may not have happened. */
  unknown?: boolean;
}

/** A plan territory being written: its draft, its Territory2 in the planning model, what went wrong. */
interface Work {
  draft: TerritoryDraft;
  /** The Territory2 id in the planning model (existing or created). */
  tid: string | null;
  existing: SfRecord | null;
  troubles: Trouble[];
  /** A territory change of this save (else an unchanged plan territory copied into the model). */
  changed: boolean;
}

const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const stampMs = (v: unknown) => Date.parse(s(v).replace(/\+0000$/, 'Z'));

/**
 * territory2 mode: writes the plan's territories into a Territory2Model in *Planning* state — never
 * an Active or Archived one — for an admin to review and activate in Setup. The first save creates
 * the model (`TerritoryKit_Plan`, label `Territory Kit plan <date>`); later saves go on in it while it
 * is in Planning (found again by DeveloperName after a reload). Each plan territory is one Territory2
 * (DeveloperName from its id, parent, Territory2TypeId), its rule one ObjectTerritory2AssignmentRule
 * with AND-ed items and a RuleTerritory2Association, its named accounts manual
 * ObjectTerritory2Associations and its reps UserTerritory2Associations. Order: model → territories →
 * parents → rules → rule items → rule, account and user associations → removals. The model mirrors
 * the whole plan: plan territories not changed but missing from the model are copied too.
 *
 * One outcome per change, in order: `saved` (with `savedTo` the model, `notices` for what Territory2
 * cannot hold, `lastModified` the Territory2's stamp), `failed` (code and message naming the territory
 * and the record: a half-written territory is `failed` and a later save completes it), or `conflict`
 * (the model's copy changed after `lastModified`; not written). Refusals for all: MODEL_NOT_IN_PLANNING
 * (the model this adapter wrote to was activated or archived meanwhile: the next save starts a new
 * one), NO_TERRITORY_TYPE (the org has no Territory2Type).
 */
export async function saveTerritoryModel(o: ResolvedOptions, p: PlanningModelOptions, state: PlanningState, changes: readonly TerritoryChange[], options: SaveOptions): Promise<TerritorySaveOutcome[]> {
  const t = o.transport;
  const ctx = { retry: o.retry, signal: options.signal, timeoutMs: o.requestTimeoutMs };
  const out: (TerritorySaveOutcome | undefined)[] = new Array(changes.length);
  const all = (code: string, message: string) => changes.map((c, i) => out[i] ?? { territoryId: s(c?.id), status: 'failed' as const, code, message });
  const stem = p.developerName ?? 'TerritoryKit_Plan';
  if (!DEV_NAME.test(stem) || stem.length > 76) return all('INVALID_OPTION', `planningModel.developerName ${JSON.stringify(stem)} is not a Salesforce DeveloperName (letters, digits, single underscores; at most 76 characters)`);

  // 0. The changes, checked: a bad one fails alone, naming its field.
  const plan = new Map(state.territories);
  const valid: number[] = [];
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const id = s(c?.id);
    if (!c || typeof c.id !== 'string' || c.id === '') out[i] = { territoryId: id, status: 'failed', code: 'INVALID', ...say('tm.no-id') };
    else if (seen.has(id)) out[i] = { territoryId: id, status: 'failed', code: 'INVALID', ...say('tm.twice', { id }) };
    else if (c.territory === null) valid.push(i);
    else {
      const r = Territory.safeParse(c.territory);
      const issue = r.success ? null : r.error.issues[0];
      if (!r.success) out[i] = { territoryId: id, status: 'failed', code: 'INVALID', message: `territory ${id}, ${issue?.path.join('.') || 'territory'}: ${issue?.message ?? 'invalid'}` };
      else if (r.data.id !== id) out[i] = { territoryId: id, status: 'failed', code: 'INVALID', ...say('tm.id-mismatch', { id, other: r.data.id }) };
      else valid.push(i);
    }
    seen.add(id);
  });
  if (!valid.length) return all('INVALID', 'not written');
  for (const i of valid) {
    const c = changes[i];
    if (c.territory === null) plan.delete(c.id);
    else plan.set(c.id, Territory.parse(c.territory));
  }

  try {
    // 1. The model: the one this adapter wrote to, else ours still in Planning, else a new one.
    const models = await queryAll(t, territoryModelsQuery(), ctx);
    let model: SfRecord | undefined;
    if (state.modelId) {
      model = models.find((m) => s(m.Id) === state.modelId);
      if (!model || s(model.State) !== 'Planning') {
        const was = state.modelId;
        state.modelId = null;
        const said = model ? say('tm.not-planning', { model: JSON.stringify(s(model.Name)), id: was, state: s(model.State) }) : say('tm.gone', { id: was });
        return changes.map((c, i) => out[i] ?? { territoryId: s(c?.id), status: 'failed' as const, code: 'MODEL_NOT_IN_PLANNING', ...said });
      }
    } else {
      const ours = models.filter((m) => s(m.DeveloperName) === stem || new RegExp(`^${stem}_\\d+$`).test(s(m.DeveloperName)));
      model = ours.filter((m) => s(m.State) === 'Planning').at(-1);
    }

    // 2. A Territory2Type for new territories (setup data the admin creates).
    let typeId = p.territoryTypeId ?? null;
    if (!typeId) {
      const types = await queryAll(t, territoryTypesQuery(), ctx);
      typeId = types.length ? s(types[0].Id) : null;
      if (!typeId) return all('NO_TERRITORY_TYPE', 'Salesforce needs a Territory Type for every territory and this org has none: create one in Setup → Territory Types (Manage Territories permission), or set planningModel.territoryTypeId; nothing was written');
    }

    const write = async (op: 'create' | 'update' | 'destroy', object: string, items: WriteItem[], reread: () => Promise<SfRecord[]>, keyOf: (r: SfRecord) => string): Promise<Map<string, WriteResult>> => {
      const results = new Map<string, WriteResult>();
      for (const batch of chunk(items, o.batchSize)) {
        const got = await writeWithRetry(t, op, object, batch, {
          retry: o.retry,
          signal: options.signal,
          timeoutMs: o.requestTimeoutMs,
          verify: async (pending) => {
            const now = await reread();
            if (op === 'update') return new Map(pending.map((i) => [i.key, { state: 'absent' as const }])); // an update is safe to send again
            if (op === 'destroy') {
              const ids = new Set(now.map((r) => s(r.Id)));
              return new Map(pending.map((i) => [i.key, { state: ids.has(i.id!) ? ('absent' as const) : ('applied' as const) }]));
            }
            const byKey = new Map(now.map((r) => [keyOf(r), s(r.Id)]));
            return new Map(pending.map((i) => {
              const id = byKey.get(keyOf(i.record!));
              return [i.key, id ? { state: 'applied' as const, id } : { state: 'absent' as const }];
            }));
          },
        });
        for (const [k, v] of got) results.set(k, v);
      }
      return results;
    };

    let modelName: string;
    if (!model) {
      const taken = new Set(models.map((m) => s(m.DeveloperName)));
      let devName = stem;
      for (let n = 2; taken.has(devName); n++) devName = `${stem}_${n}`;
      modelName = (p.name ?? `Territory Kit plan ${new Date().toISOString().slice(0, 10)}`).slice(0, 80);
      const created = (await write('create', MODEL, [{ key: 'model', record: { attributes: { type: MODEL }, Name: modelName, DeveloperName: devName } }],
        () => queryAll(t, territoryModelsQuery(), ctx), (r) => s(r.DeveloperName))).get('model');
      if (!created?.ok || !created.id) {
        const why = created && !created.ok ? `${created.code}: ${created.message}` : 'no id returned';
        return all(created && !created.ok ? created.code : 'UNKNOWN_OUTCOME', `creating the planning Territory2Model ${devName} failed (${why}); Salesforce allows 2 territory models (Enterprise) or 4 (Performance, Unlimited) in all states but Archived — delete or archive one in Setup; nothing else was written`);
      }
      model = { Id: created.id, Name: modelName, DeveloperName: devName, State: 'Planning' };
    }
    const modelId = s(model.Id);
    modelName = s(model.Name);
    state.modelId = modelId;
    const savedTo = { kind: 'Territory2Model', id: modelId, name: modelName };

    // 3. What the model holds now.
    const readTerritories = () => queryAll(t, modelTerritoriesQuery(modelId), ctx);
    const readRules = () => queryAll(t, assignmentRulesQuery(modelId), ctx);
    const readRuleLinks = () => queryAll(t, ruleTerritoriesQuery(modelId), ctx);
    const readUsers = () => queryAll(t, userTerritoriesQuery(modelId), ctx);
    const readObjects = () => queryAll(t, objectTerritoriesQuery(modelId), ctx);
    const [territories, rules, ruleLinks, users, objects] = [await readTerritories(), await readRules(), await readRuleLinks(), await readUsers(), await readObjects()];
    const ourRules = rules.filter((r) => s(r.DeveloperName).startsWith('tkr_'));
    const readItems = () => (ourRules.length ? queryByIds(t, ourRules.map((r) => s(r.Id)), assignmentRuleItemsQuery, ctx) : Promise.resolve([] as SfRecord[]));
    const items = await readItems();
    const byId = new Map(territories.map((r) => [s(r.Id), r]));
    const byDevName = new Map(territories.map((r) => [s(r.DeveloperName), r]));

    // 4. Drafts of every plan territory; conflicts; the work: changed ones and copies of missing ones.
    const draftOptions = { fields: o.fields, stateField: p.stateField ?? 'BillingState', scope: modelId };
    const draftName = (id: string) => developerName('tk', id, modelId);
    const work = new Map<string, Work>();
    const changedIds = new Set(valid.map((i) => changes[i].id));
    for (const [id, terr] of plan) {
      const draft = draftTerritory(terr, draftOptions);
      const existing = byId.get(id) ?? byDevName.get(draft.developerName) ?? null;
      if (!changedIds.has(id) && existing) continue; // unchanged and already there
      work.set(id, { draft, tid: existing ? s(existing.Id) : null, existing, troubles: [], changed: changedIds.has(id) });
    }
    for (const i of valid) {
      const c = changes[i];
      const w = work.get(c.id);
      const existing = w ? w.existing : (byId.get(c.id) ?? byDevName.get(`${draftName(c.id)}`) ?? null);
      if (c.lastModified && existing && stampMs(existing.LastModifiedDate) > stampMs(c.lastModified)) {
        out[i] = { territoryId: c.id, status: 'conflict', code: 'STALE', ...say('tm.stale', { tid: s(existing.Id), model: JSON.stringify(modelName), at: s(existing.LastModifiedDate), seen: c.lastModified }) };
        work.delete(c.id);
      }
    }
    const tidOf = (planId: string | null | undefined): string | null => {
      if (!planId) return null;
      const w = work.get(planId);
      if (w) return w.tid;
      const terr = plan.get(planId);
      const e = byId.get(planId) ?? (terr ? byDevName.get(draftName(planId)) : undefined);
      return e ? s(e.Id) : null;
    };
    const fail = (w: Work, what: string, r: WriteResult | undefined) => {
      if (r && r.ok) return;
      const code = r ? (r as { code: string }).code : 'NO_RESULT';
      w.troubles.push({ code, message: `${what}: ${r ? (r as { message: string }).message : 'no result'}`, unknown: code === 'UNKNOWN_OUTCOME' });
    };

    // 5. Territories: create the missing ones (no parent yet), then names and parents.
    const creating = [...work.values()].filter((w) => !w.tid);
    const created = await write('create', T2, creating.map((w) => ({ key: w.draft.id, record: { attributes: { type: T2 }, Name: w.draft.name, DeveloperName: w.draft.developerName, Territory2ModelId: modelId, Territory2TypeId: typeId } })), readTerritories, (r) => s(r.DeveloperName));
    for (const w of creating) {
      const r = created.get(w.draft.id);
      if (r?.ok && r.id) w.tid = r.id;
      else fail(w, `creating Territory2 ${w.draft.developerName} (Territory2.Name ${JSON.stringify(w.draft.name)})`, r);
    }
    const updates: WriteItem[] = [];
    for (const w of work.values()) {
      if (!w.tid) continue;
      const parentPlanId = w.draft.parentId;
      const parentTid = tidOf(parentPlanId);
      if (parentPlanId && !plan.has(parentPlanId)) w.draft.notices.push({ code: 'PARENT_NOT_IN_PLAN', field: 'parentId', ...say('tm.territory-note', { name: JSON.stringify(w.draft.name), id: w.draft.id, field: 'parentId', why: say('tm.parent-not-in-plan', { parent: parentPlanId }) }) });
      else if (parentPlanId && !parentTid) w.troubles.push({ code: 'PARENT_NOT_WRITTEN', message: `Territory2.ParentTerritory2Id: parent ${parentPlanId} could not be written` });
      const rec: SfRecord = { attributes: { type: T2 }, Id: w.tid };
      if (w.existing ? s(w.existing.ParentTerritory2Id) !== s(parentTid) : parentTid !== null) rec.ParentTerritory2Id = parentTid;
      if (w.existing && s(w.existing.Name) !== w.draft.name) rec.Name = w.draft.name;
      if (Object.keys(rec).length > 2) updates.push({ key: w.draft.id, record: rec });
    }
    const updated = await write('update', T2, updates, readTerritories, (r) => s(r.Id));
    for (const u of updates) fail(work.get(u.key)!, `updating Territory2 ${s(u.record!.Id)} (${Object.keys(u.record!).filter((k) => k !== 'Id' && k !== 'attributes').map((k) => `Territory2.${k}`).join(', ')})`, updated.get(u.key));

    // Every record written belongs to one territory: its key says whose troubles a failure joins.
    const owners = new Map<string, Trouble[]>();
    let seq = 0;
    const keyFor = (troubles: Trouble[]) => {
      const k = `r${seq++}`;
      owners.set(k, troubles);
      return k;
    };
    const check = (list: WriteItem[], results: Map<string, WriteResult>, what: (it: WriteItem) => string) => {
      for (const it of list) {
        const r = results.get(it.key);
        if (r?.ok) continue;
        const code = r ? (r as { code: string }).code : 'NO_RESULT';
        owners.get(it.key)!.push({ code, message: `${what(it)}: ${r ? (r as { message: string }).message : 'no result'}`, unknown: code === 'UNKNOWN_OUTCOME' });
      }
    };

    // 6. Rules: ours (DeveloperName tkr_…) per territory; create, replace items, link, or remove.
    const withTid = [...work.values()].filter((w) => w.tid);
    const ruleOf = new Map<Work, SfRecord>();
    for (const w of withTid) {
      const link = ruleLinks.find((l) => s(l.Territory2Id) === w.tid && ourRules.some((r) => s(r.Id) === s(l.RuleId)));
      const rule = link ? ourRules.find((r) => s(r.Id) === s(link.RuleId)) : ourRules.find((r) => s(r.DeveloperName) === w.draft.rule?.developerName);
      if (rule) ruleOf.set(w, rule);
    }
    const needRule = withTid.filter((w) => w.draft.rule && !ruleOf.has(w));
    const ruleItems = needRule.map((w) => ({ key: keyFor(w.troubles), w, record: { attributes: { type: RULE }, DeveloperName: w.draft.rule!.developerName, MasterLabel: w.draft.rule!.masterLabel, ObjectType: 'Account', BooleanFilter: null, IsActive: true, Territory2ModelId: modelId } }));
    const rulesMade = await write('create', RULE, ruleItems, readRules, (r) => s(r.DeveloperName));
    check(ruleItems, rulesMade, (it) => `creating ObjectTerritory2AssignmentRule ${s(it.record!.DeveloperName)}`);
    const ruleIdOf = new Map<Work, string>([...ruleOf].map(([w, r]) => [w, s(r.Id)]));
    for (const it of ruleItems) {
      const r = rulesMade.get(it.key);
      if (r?.ok && r.id) ruleIdOf.set(it.w, r.id);
    }
    const sameItems = (ruleId: string, want: NonNullable<TerritoryDraft['rule']>) => {
      const have = items.filter((it) => s(it.RuleId) === ruleId).sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder));
      return have.length === want.items.length && have.every((h, k) => s(h.Field) === want.items[k].Field && s(h.Operation) === want.items[k].Operation && s(h.Value) === want.items[k].Value);
    };
    const staleItems: WriteItem[] = [];
    const newItems: WriteItem[] = [];
    const relabel: WriteItem[] = [];
    for (const w of withTid) {
      const ruleId = ruleIdOf.get(w);
      const existingRule = ruleOf.get(w);
      if (!w.draft.rule || !ruleId || (existingRule && sameItems(ruleId, w.draft.rule))) continue;
      if (existingRule) {
        for (const it of items.filter((x) => s(x.RuleId) === ruleId)) staleItems.push({ key: keyFor(w.troubles), id: s(it.Id) });
        if (s(existingRule.MasterLabel) !== w.draft.rule.masterLabel) relabel.push({ key: keyFor(w.troubles), record: { attributes: { type: RULE }, Id: ruleId, MasterLabel: w.draft.rule.masterLabel } });
      }
      w.draft.rule.items.forEach((it, k) => newItems.push({ key: keyFor(w.troubles), record: { attributes: { type: ITEM }, RuleId: ruleId, SortOrder: k + 1, ...it } }));
    }
    const itemKey = (r: SfRecord) => `${s(r.RuleId)}|${s(r.SortOrder)}|${s(r.Field)}|${s(r.Operation)}|${s(r.Value)}`;
    check(relabel, await write('update', RULE, relabel, readRules, (r) => s(r.Id)), (it) => `updating ObjectTerritory2AssignmentRule.MasterLabel of ${s(it.record!.Id)}`);
    check(staleItems, await write('destroy', ITEM, staleItems, readItems, (r) => s(r.Id)), (it) => `removing the old ObjectTerritory2AssignmentRuleItem ${it.id}`);
    check(newItems, await write('create', ITEM, newItems, readItems, itemKey), (it) => `creating ObjectTerritory2AssignmentRuleItem ${s(it.record!.Field)} ${s(it.record!.Operation)} ${JSON.stringify(s(it.record!.Value)).slice(0, 120)}`);

    // 7. Associations: rule ↔ territory, named accounts (manual), reps.
    const linkItems: WriteItem[] = [];
    for (const w of withTid) {
      const ruleId = ruleIdOf.get(w);
      if (w.draft.rule && ruleId && !ruleLinks.some((l) => s(l.RuleId) === ruleId && s(l.Territory2Id) === w.tid)) {
        linkItems.push({ key: keyFor(w.troubles), record: { attributes: { type: RULE_T }, RuleId: ruleId, Territory2Id: w.tid, IsInherited: false } });
      }
    }
    check(linkItems, await write('create', RULE_T, linkItems, readRuleLinks, (r) => `${s(r.RuleId)}|${s(r.Territory2Id)}`), (it) => `creating RuleTerritory2Association of rule ${s(it.record!.RuleId)}`);

    const assoc = (object: string, idField: 'ObjectId' | 'UserId', rows: SfRecord[], want: (w: Work) => string[], extra: SfRecord, removable: (r: SfRecord) => boolean) => {
      const add: WriteItem[] = [];
      const drop: WriteItem[] = [];
      for (const w of withTid) {
        const have = rows.filter((r) => s(r.Territory2Id) === w.tid);
        const wanted = new Set(want(w));
        for (const id of wanted) if (!have.some((r) => s(r[idField]) === id)) add.push({ key: keyFor(w.troubles), record: { attributes: { type: object }, [idField]: id, Territory2Id: w.tid, ...extra } });
        for (const r of have) if (!wanted.has(s(r[idField])) && removable(r)) drop.push({ key: keyFor(w.troubles), id: s(r.Id) });
      }
      return { add, drop };
    };
    const manual = (r: SfRecord) => s(r.AssociationCause) === 'Territory2Manual';
    const acc = assoc(OTA, 'ObjectId', objects, (w) => w.draft.accountIds, { AssociationCause: 'Territory2Manual' }, manual);
    const usr = assoc(UTA, 'UserId', users, (w) => w.draft.userIds, p.repRole ? { RoleInTerritory2: p.repRole } : {}, () => true);
    check(acc.add, await write('create', OTA, acc.add, readObjects, (r) => `${s(r.ObjectId)}|${s(r.Territory2Id)}`), (it) => `creating ObjectTerritory2Association (Territory2Manual) of Account ${s(it.record!.ObjectId)}`);
    check(usr.add, await write('create', UTA, usr.add, readUsers, (r) => `${s(r.UserId)}|${s(r.Territory2Id)}`), (it) => `creating UserTerritory2Association of User ${s(it.record!.UserId)}`);

    // 8. Removals: associations no longer in the plan, rules no longer wanted, deleted territories
    //    (their associations and our rules first, then the Territory2).
    check(acc.drop, await write('destroy', OTA, acc.drop, readObjects, (r) => s(r.Id)), (it) => `removing ObjectTerritory2Association ${it.id}`);
    check(usr.drop, await write('destroy', UTA, usr.drop, readUsers, (r) => s(r.Id)), (it) => `removing UserTerritory2Association ${it.id}`);
    const dropRules: { rule: string; troubles: Trouble[] }[] = [];
    for (const w of withTid) {
      const rule = ruleOf.get(w);
      if (rule && !w.draft.rule) dropRules.push({ rule: s(rule.Id), troubles: w.troubles });
    }
    const deleting = new Map<number, { tid: string; troubles: Trouble[] }>();
    const extras: WriteItem[] = [];
    for (const i of valid) {
      const c = changes[i];
      if (c.territory !== null || out[i]) continue;
      const e = byId.get(c.id) ?? byDevName.get(draftName(c.id));
      if (!e) continue;
      const d = { tid: s(e.Id), troubles: [] as Trouble[] };
      deleting.set(i, d);
      for (const r of [...users, ...objects.filter(manual)]) if (s(r.Territory2Id) === d.tid) extras.push({ key: keyFor(d.troubles), id: s(r.Id) });
      for (const l of ruleLinks) if (s(l.Territory2Id) === d.tid && ourRules.some((r) => s(r.Id) === s(l.RuleId))) dropRules.push({ rule: s(l.RuleId), troubles: d.troubles });
    }
    const uniqueRules = [...new Map(dropRules.map((d) => [d.rule, d])).values()];
    const ruleLinkDrops = uniqueRules.flatMap((d) => ruleLinks.filter((l) => s(l.RuleId) === d.rule).map((l) => ({ key: keyFor(d.troubles), id: s(l.Id) })));
    const ruleItemDrops = uniqueRules.flatMap((d) => items.filter((it) => s(it.RuleId) === d.rule).map((it) => ({ key: keyFor(d.troubles), id: s(it.Id) })));
    const ruleDrops = uniqueRules.map((d) => ({ key: keyFor(d.troubles), id: d.rule }));
    const userIds = new Set(users.map((r) => s(r.Id)));
    const userExtras = extras.filter((x) => userIds.has(x.id!));
    const objectExtras = extras.filter((x) => !userIds.has(x.id!));
    check(userExtras, await write('destroy', UTA, userExtras, readUsers, (r) => s(r.Id)), (it) => `removing UserTerritory2Association ${it.id} of the removed territory`);
    check(objectExtras, await write('destroy', OTA, objectExtras, readObjects, (r) => s(r.Id)), (it) => `removing ObjectTerritory2Association ${it.id} of the removed territory`);
    check(ruleLinkDrops, await write('destroy', RULE_T, ruleLinkDrops, readRuleLinks, (r) => s(r.Id)), (it) => `removing RuleTerritory2Association ${it.id}`);
    check(ruleItemDrops, await write('destroy', ITEM, ruleItemDrops, readItems, (r) => s(r.Id)), (it) => `removing ObjectTerritory2AssignmentRuleItem ${it.id}`);
    check(ruleDrops, await write('destroy', RULE, ruleDrops, readRules, (r) => s(r.Id)), (it) => `removing ObjectTerritory2AssignmentRule ${it.id}`);
    const territoryDrops = [...deleting.values()].filter((d) => d.troubles.length === 0).map((d) => ({ key: keyFor(d.troubles), id: d.tid }));
    check(territoryDrops, await write('destroy', T2, territoryDrops, readTerritories, (r) => s(r.Id)), (it) => `removing Territory2 ${it.id}`);

    // 9. Outcomes, with the Territory2 stamps as they are now.
    let stamps = new Map<string, string>();
    try {
      stamps = new Map((await readTerritories()).map((r) => [s(r.Id), s(r.LastModifiedDate)]));
    } catch {
      // the stamps are a convenience: without them a later save just cannot detect a conflict
    }
    const copies = [...work.values()].filter((w) => !w.changed && w.troubles.length);
    const incomplete: TerritoryNotice[] = copies.length
      ? [{ code: 'MODEL_INCOMPLETE', message: `planning model ${JSON.stringify(modelName)} lacks ${copies.length} unchanged plan territor${copies.length === 1 ? 'y' : 'ies'} that could not be copied: ${copies.slice(0, 5).map((w) => `${w.draft.name} (${w.troubles[0].code})`).join(', ')}; save again to retry` }]
      : [];
    const where = `planning model ${JSON.stringify(modelName)} (${modelId})`;
    valid.forEach((i, k) => {
      if (out[i]) return;
      const c = changes[i];
      const troubles = c.territory === null ? (deleting.get(i)?.troubles ?? []) : (work.get(c.id)?.troubles ?? [{ code: 'NO_RESULT', message: 'not written' }]);
      const notices = c.territory === null ? incomplete : [...work.get(c.id)!.draft.notices, ...incomplete];
      const tid = c.territory === null ? deleting.get(i)?.tid : work.get(c.id)?.tid;
      if (troubles.length) {
        const unknown = troubles.some((x) => x.unknown);
        out[i] = {
          territoryId: c.id,
          status: 'failed',
          code: troubles[0].code,
          message: `territory ${JSON.stringify(c.territory?.name ?? c.id)} in ${where}: ${troubles.slice(0, 3).map((x) => x.message).join('; ')}${troubles.length > 3 ? `; and ${troubles.length - 3} more` : ''}${unknown ? ` — ${RELOAD_ADVICE}` : ' — save again to complete it'}`,
          savedTo,
          ...(notices.length ? { notices } : {}),
        };
      } else {
        // The outcome is the territory's own line: its notices without the territory's name again.
        const prefix = c.territory ? `territory ${JSON.stringify(c.territory.name)} (${c.id}), ` : '';
        // Each notice without the territory's name again: "<field>: <why>"; the list as nested sentences.
        const notes = notices.map((n): Said | string => (prefix && n.key === 'tm.territory-note' && n.message.startsWith(prefix) && n.params ? say('tm.field-note', { field: n.params.field as string, why: n.params.why as Said }) : prefix && n.message.startsWith(prefix) ? n.message.slice(prefix.length) : asSaid(n)));
        const list = notes.reduceRight<Said | string | null>((rest, n) => (rest === null ? n : say('tm.notes', { first: n, rest })), null);
        const at = say('tm.where', { model: JSON.stringify(modelName), id: modelId });
        out[i] = {
          territoryId: c.id,
          status: 'saved',
          ...(c.territory === null ? say('tm.removed', { where: at }) : list === null ? say('tm.saved', { tid: String(tid), where: at }) : say('tm.saved-with', { tid: String(tid), where: at, notes: list })),
          savedTo,
          ...(notices.length ? { notices } : {}),
          ...(c.territory !== null && tid && stamps.get(tid) ? { lastModified: new Date(stampMs(stamps.get(tid))).toISOString() } : {}),
        };
        if (c.territory === null) state.territories.delete(c.id);
        else state.territories.set(c.id, plan.get(c.id)!);
      }
      options.onProgress?.({ done: k + 1, total: valid.length });
    });
    return out as TerritorySaveOutcome[];
  } catch (e) {
    const err = toSalesforceError(e);
    return all(options.signal?.aborted ? 'ABORTED' : err.code, `not written: ${err.message}${options.signal?.aborted ? '' : `; a territory may have been partly written — ${RELOAD_ADVICE}`}`);
  }
}
