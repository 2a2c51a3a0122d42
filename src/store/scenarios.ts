// Scenarios: named plans side by side, as plain data in PlanState with pure updaters.
import type { Change } from '../adapters/crm-adapter.js';
import { assignedTo, copyAssignments } from '../model/assignments.js';
import type { Assignments } from '../model/plan.js';
import { canEdit } from './edit.js';
import { commit, HISTORY_LIMIT } from './history.js';
import type { PlanState, Scenario, ScenarioNamePart } from './types.js';

/**
 * The id and name the working plan gets when the first scenario is made from it (a default name:
 * widgets word `nameParts` in the UI language).
 */
export const FIRST_SCENARIO: { readonly id: 'plan'; readonly name: string; readonly nameParts: ScenarioNamePart } = {
  id: 'plan',
  name: 'Working plan',
  nameParts: { kind: 'first' },
};

/** Longest scenario name, in characters. */
export const SCENARIO_NAME_MAX = 80;

/** A scenario as kept with the unsaved work: its changes against the CRM's owners. */
export interface StoredScenario {
  id: string;
  name: string;
  /** How a default name was made (see `Scenario.nameParts`). */
  nameParts?: ScenarioNamePart;
  createdAt: string;
  note: string;
  changes: Change[];
}

function checkName(name: string, where: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw new RangeError(`${where}: scenario name must not be empty`);
  if (trimmed.length > SCENARIO_NAME_MAX) throw new RangeError(`${where}: scenario name is longer than ${SCENARIO_NAME_MAX} characters`);
  return trimmed;
}

function find(state: PlanState, id: string): Scenario | undefined {
  return state.scenarios.find((s) => s.id === id);
}

/** The scenarios, or the working plan as the only one while none was made (read-only view for widgets). */
export function listScenarios(state: PlanState): readonly Scenario[] {
  if (state.scenarios.length) return state.scenarios;
  return [{ ...FIRST_SCENARIO, assignments: state.working, createdAt: '', note: '' }];
}

/** The id of the scenario being edited (the first one while none was made). */
export function activeScenarioId(state: PlanState): string {
  return state.activeScenarioId ?? FIRST_SCENARIO.id;
}

/** A scenario's assignments: the working plan for the active one, else what it keeps. */
export function scenarioAssignments(state: PlanState, id: string): Assignments | undefined {
  if (id === activeScenarioId(state)) return state.working;
  return find(state, id)?.assignments;
}

/** An id not used by any scenario: `s2`, `s3`, … */
export function nextScenarioId(state: PlanState): string {
  const used = new Set(listScenarios(state).map((s) => s.id));
  let n = used.size + 1;
  while (used.has(`s${n}`)) n++;
  return `s${n}`;
}

/** The working plan as the first scenario, when none was made yet. */
function materialise(state: PlanState, now: Date): PlanState {
  if (state.scenarios.length) return state;
  const first: Scenario = { ...FIRST_SCENARIO, assignments: state.working, createdAt: now.toISOString(), note: '' };
  return { ...state, scenarios: [first], activeScenarioId: first.id };
}

/**
 * Adds a scenario (not made active): a copy of the working plan with `options.assignments` over it
 * (accounts they leave out keep their working owner). `options.name` is the name as typed, or the English
 * of a default name that `options.nameParts` describes (see `scenarioNameEnglish`; widgets word it). The first call
 * also turns the working plan into the first scenario ({@link FIRST_SCENARIO}).
 *
 * @returns the new state, or `state` itself when refused (rep role, read-only) or the id is taken
 * @throws RangeError for an empty or too long name, or an unknown account or rep id in `assignments`
 * @example
 * state = createScenario(state, { name: 'Compact', assignments: result.assignments });
 */
export function createScenario(
  state: PlanState,
  options: { name: string; nameParts?: ScenarioNamePart; assignments?: Assignments; note?: string; id?: string; now?: Date },
): PlanState {
  const name = checkName(options.name, 'createScenario');
  if (!canEdit(state)) return state;
  const id = options.id ?? nextScenarioId(state);
  if (listScenarios(state).some((s) => s.id === id)) return state;
  // A copy of the working plan, with the given assignments over it (accounts they leave out keep their working owner).
  const assignments = copyAssignments(state.working);
  const reps = new Set(state.reps.map((r) => r.id));
  if (options.assignments && options.assignments !== state.working) {
    for (const accountId of Object.keys(options.assignments)) {
      const repId = options.assignments[accountId];
      if (!Object.hasOwn(state.current, accountId)) throw new RangeError(`createScenario: unknown account id ${JSON.stringify(accountId)}`);
      if (repId !== null && !reps.has(repId)) throw new RangeError(`createScenario (account ${JSON.stringify(accountId)}): unknown rep id ${JSON.stringify(repId)}`);
      assignments[accountId] = repId;
    }
  }
  const now = options.now ?? new Date();
  const next = materialise(state, now);
  const scenario: Scenario = { id, name, nameParts: options.nameParts, assignments, createdAt: now.toISOString(), note: options.note ?? '' };
  return { ...next, scenarios: [...next.scenarios, scenario] };
}

/**
 * Adds a copy of a scenario (its current assignments, with the active one's unsaved edits).
 *
 * @returns the new state (the copy last), or `state` itself when refused or `id` is unknown
 */
export function duplicateScenario(state: PlanState, id: string, options: { name?: string; id?: string; now?: Date } = {}): PlanState {
  const source = listScenarios(state).find((s) => s.id === id);
  const assignments = scenarioAssignments(state, id);
  if (!source || !assignments) return state;
  // createScenario copies the assignments it is given.
  const name = options.name ?? `${source.name} (copy)`.slice(0, SCENARIO_NAME_MAX);
  const nameParts: ScenarioNamePart | undefined = options.name === undefined ? { kind: 'copy', of: source.name, ofParts: source.nameParts } : undefined;
  return createScenario(state, { name, nameParts, assignments, note: source.note, id: options.id, now: options.now });
}

/**
 * Renames a scenario (and replaces its note when given).
 *
 * @throws RangeError for an empty or too long name
 */
export function renameScenario(state: PlanState, id: string, name: string, note?: string, now = new Date()): PlanState {
  const trimmed = checkName(name, 'renameScenario');
  if (!canEdit(state) || !listScenarios(state).some((s) => s.id === id)) return state;
  const next = materialise(state, now);
  return { ...next, scenarios: next.scenarios.map((s) => (s.id === id ? { ...s, name: trimmed, nameParts: undefined, note: note ?? s.note } : s)) };
}

/** Removes a scenario. The active one cannot be removed (switch away first). */
export function removeScenario(state: PlanState, id: string): PlanState {
  if (!canEdit(state) || id === activeScenarioId(state) || !find(state, id)) return state;
  return { ...state, scenarios: state.scenarios.filter((s) => s.id !== id) };
}

/**
 * Makes another scenario the working plan. Not an edit: the scenario left keeps the working
 * assignments and its undo history, which come back when it is active again.
 *
 * @returns the new state, or `state` itself when refused, unknown or already active
 */
export function switchScenario(state: PlanState, id: string): PlanState {
  const target = find(state, id);
  if (!canEdit(state) || !target || id === state.activeScenarioId) return state;
  const scenarios = state.scenarios.map((s) => {
    if (s.id === state.activeScenarioId) return { ...s, assignments: state.working, history: { past: state.past, future: state.future } };
    if (s.id === id) return { ...s, history: undefined };
    return s;
  });
  return {
    ...state,
    scenarios,
    activeScenarioId: id,
    working: target.assignments,
    past: target.history?.past ?? [],
    future: target.history?.future ?? [],
  };
}

/**
 * Applies a scenario: its assignments become the first scenario's working plan (the plan that is
 * saved to the CRM) as one undoable step, labelled `Apply scenario "name"`; the first scenario
 * becomes active. Applying the first scenario itself only switches to it.
 *
 * @returns the new state, or `state` itself when refused or unknown
 */
export function applyScenario(state: PlanState, id: string, limit = HISTORY_LIMIT): PlanState {
  const source = find(state, id);
  const assignments = scenarioAssignments(state, id);
  if (!canEdit(state) || !source || !assignments) return state;
  const firstId = state.scenarios[0].id;
  const onFirst = switchScenario(state, firstId);
  if (id === firstId) return onFirst;
  const working = copyAssignments(onFirst.working);
  let changed = false;
  for (const accountId of Object.keys(assignments)) {
    if (assignedTo(working, accountId) === assignments[accountId]) continue;
    working[accountId] = assignments[accountId];
    changed = true;
  }
  return changed ? commit(onFirst, { working }, { kind: 'apply-scenario', name: source.name, nameParts: source.nameParts }, limit) : onFirst;
}

/** A scenario's changes against the CRM's owners (`current`), in account order. */
export function scenarioChanges(state: PlanState, assignments: Assignments): Change[] {
  const changes: Change[] = [];
  for (const a of state.accounts) {
    const from = assignedTo(state.current, a.id) ?? null;
    const to = Object.hasOwn(assignments, a.id) ? assignments[a.id] : from;
    if (from !== to) changes.push({ accountId: a.id, from, to });
  }
  return changes;
}

/** The scenarios as kept with the unsaved work (changes only), or undefined while there are none. */
export function storedScenarios(state: PlanState): StoredScenario[] | undefined {
  if (!state.scenarios.length) return undefined;
  return state.scenarios.map((s) => ({
    id: s.id,
    name: s.name,
    nameParts: s.nameParts,
    createdAt: s.createdAt,
    note: s.note,
    changes: scenarioChanges(state, scenarioAssignments(state, s.id)!),
  }));
}

/**
 * Brings stored scenarios back: each one's changes apply over the CRM's owners when the account
 * still exists with the stored `from` owner and the receiving rep exists (the rest are left out).
 * The active scenario's assignments are `state.working` (restored with the top-level changes).
 */
export function restoreScenarios(state: PlanState, stored: readonly StoredScenario[], activeId: string | undefined): PlanState {
  if (!stored.length) return state;
  const reps = new Set(state.reps.map((r) => r.id));
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (const s of stored) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    const assignments = copyAssignments(state.current);
    for (const c of s.changes) {
      if (!Object.hasOwn(state.current, c.accountId) || (state.current[c.accountId] ?? null) !== c.from) continue;
      if (c.to !== null && !reps.has(c.to)) continue;
      assignments[c.accountId] = c.to;
    }
    scenarios.push({ id: s.id, name: s.name, nameParts: s.nameParts, createdAt: s.createdAt, note: s.note, assignments });
  }
  const active = scenarios.some((s) => s.id === activeId) ? activeId! : scenarios[0].id;
  return { ...state, scenarios: scenarios.map((s) => (s.id === active ? { ...s, assignments: state.working } : s)), activeScenarioId: active };
}

/**
 * The scenarios as JSON for download: each with its full assignments and its changes against the
 * CRM's owners.
 */
export function exportScenarios(state: PlanState, now = new Date()): string {
  return JSON.stringify(
    {
      version: 1,
      exportedAt: now.toISOString(),
      activeScenarioId: activeScenarioId(state),
      scenarios: listScenarios(state).map((s) => {
        const assignments = scenarioAssignments(state, s.id)!;
        return { id: s.id, name: s.name, createdAt: s.createdAt, note: s.note, assignments, changes: scenarioChanges(state, assignments) };
      }),
    },
    null,
    2,
  );
}
