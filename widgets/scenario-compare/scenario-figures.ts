import { comparePlans, type PlanComparison } from '../../src/engine/compare-plans.js';
import { evaluatePlan, type PlanEvaluation } from '../../src/engine/evaluate-plan.js';
import type { Assignments } from '../../src/model/plan.js';
import { listScenarios, scenarioAssignments } from '../../src/store/scenarios.js';
import { planEvaluation } from '../../src/store/selectors.js';
import type { PlanState, Scenario } from '../../src/store/types.js';

/** One scenario's figures: the engine's evaluation, and its comparison with the CRM's owners. */
export interface ScenarioFigures {
  scenario: Scenario;
  assignments: Assignments;
  evaluation: PlanEvaluation;
  /** `comparePlans(accounts, state.current, assignments)`: what changes hands against the CRM. */
  comparison: PlanComparison;
}

interface Cached {
  accounts: PlanState['accounts'];
  reps: PlanState['reps'];
  current: Assignments;
  tolerance: number;
  evaluation: PlanEvaluation;
  comparison: PlanComparison;
}

// Keyed by the assignments object: a scenario not edited since keeps its figures.
const cache = new WeakMap<Assignments, Cached>();

/**
 * The figures of every scenario, side by side, with `evaluatePlan` and `comparePlans` (each
 * scenario is computed again only when its assignments, the accounts, reps, CRM owners or
 * tolerance were replaced).
 */
export function scenarioFigures(state: PlanState, tolerance: number): ScenarioFigures[] {
  return listScenarios(state).map((scenario) => {
    const assignments = scenarioAssignments(state, scenario.id)!;
    let c = cache.get(assignments);
    if (!c || c.accounts !== state.accounts || c.reps !== state.reps || c.current !== state.current || c.tolerance !== tolerance) {
      c = {
        accounts: state.accounts,
        reps: state.reps,
        current: state.current,
        tolerance,
        // The working plan's evaluation is the store's memoised one (shared with the panel and gauges).
        evaluation: assignments === state.working ? planEvaluation(state, tolerance) : evaluatePlan(state.accounts, state.reps, assignments, { tolerance }),
        comparison: comparePlans(state.accounts, state.current, assignments, { reps: state.reps, tolerance }),
      };
      cache.set(assignments, c);
    }
    return { scenario, assignments, evaluation: c.evaluation, comparison: c.comparison };
  });
}
