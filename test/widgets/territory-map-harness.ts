// A tiny plan provider for map tests and the map benchmark: provides the plan state and actions
// contexts (store updaters from src/store) and records every action call.
import { LitElement, html } from 'lit';
import { ContextProvider } from '@lit/context';
import { planStateContext } from '../../src/context/plan-state-context.js';
import { planActionsContext } from '../../src/context/plan-actions-context.js';
import { createPlanState } from '../../src/store/create-plan-state.js';
import { loadSucceeded } from '../../src/store/load.js';
import { focusRep, select } from '../../src/store/selection.js';
import { focusTerritory, previewAssignments } from '../../src/store/preview.js';
import { setTerritories, assign } from '../../src/store/edit.js';
import type { PlanActions, PlanState, SelectMode, ViewerRole } from '../../src/store/types.js';
import type { Account, Rep, Territory } from '../../src/model/index.js';
import { mulberry32 as rng } from '../../src/data/random.js';

export interface MapHarnessData {
  accounts: Account[];
  reps: Rep[];
  territories?: Territory[];
  role?: ViewerRole;
}

export class TkTestMapProvider extends LitElement {
  calls: { select: [string[], SelectMode][]; setTerritories: [Territory[], string][] } = { select: [], setTerritories: [] };
  private readonly stateProvider = new ContextProvider(this, { context: planStateContext });
  private readonly actionsProvider = new ContextProvider(this, { context: planActionsContext });
  private current: PlanState = createPlanState();

  readonly actions: PlanActions = {
    select: (ids, mode = 'replace') => {
      this.calls.select.push([[...ids], mode]);
      this.set(select(this.current, ids, mode));
    },
    focusRep: (repId) => {
      this.set(focusRep(this.current, repId));
    },
    focusTerritory: (territoryId) => {
      this.set(focusTerritory(this.current, territoryId));
    },
    previewAssignments: (assignments) => {
      this.set(previewAssignments(this.current, assignments));
    },
    assign: (ids, repId, label) => this.set(assign(this.current, ids, repId, label)),
    applyAssignments: () => false,
    setTerritories: (territories, label) => {
      this.calls.setTerritories.push([[...territories], label]);
      return this.set(setTerritories(this.current, territories, label));
    },
    undo: () => false,
    redo: () => false,
    save: async () => [],
    reload: async () => {},
    discard: () => false,
  };

  constructor() {
    super();
    this.actionsProvider.setValue(this.actions);
  }

  get state(): PlanState {
    return this.current;
  }

  load(data: MapHarnessData): void {
    const base = createPlanState({ role: data.role ?? 'admin' });
    this.set(loadSucceeded(base, { accounts: data.accounts, reps: data.reps, territories: data.territories ?? [], rejected: [] }, null));
  }

  private set(next: PlanState): boolean {
    if (next === this.current) return false;
    this.current = next;
    this.stateProvider.setValue(next);
    return true;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('tk-test-map-provider')) customElements.define('tk-test-map-provider', TkTestMapProvider);

/** A seeded pseudo-random generator (mulberry32, the one the demo-data generator uses). */
export { rng };
