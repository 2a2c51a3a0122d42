import { TkScenarioCompare } from './scenario-compare.component.js';

export { TkScenarioCompare };
export { scenarioFigures } from './scenario-figures.js';
export type { ScenarioFigures } from './scenario-figures.js';
export type { ScenarioRebalanceChoice } from './scenario-rebalance-controller.js';

if (!customElements.get('tk-scenario-compare')) customElements.define('tk-scenario-compare', TkScenarioCompare);

declare global {
  interface HTMLElementTagNameMap {
    'tk-scenario-compare': TkScenarioCompare;
  }
}
