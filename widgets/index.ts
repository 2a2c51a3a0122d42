/**
 * territory-kit/widgets — the Lit elements. Importing this module registers every element (guarded,
 * so a second copy of the bundle does not throw) and re-exports the classes, events and context keys.
 */
import { TkTerritoryProvider } from './territory-provider/territory-provider.component.js';
import { TkWorkloadGauge } from './workload-gauge/workload-gauge.component.js';
import { TkTerritoryCard } from './territory-card/territory-card.component.js';
import { TkPerformanceBoard } from './performance-board/performance-board.component.js';
import type { TkTerritoryEditor } from './territory-editor/territory-editor.component.js';
import { defineOnDemand } from './shared/define-on-demand.js';

// The provider first, so that elements upgraded after it find their context.
customElements.get('tk-territory-provider') || customElements.define('tk-territory-provider', TkTerritoryProvider);
customElements.get('tk-workload-gauge') || customElements.define('tk-workload-gauge', TkWorkloadGauge);
customElements.get('tk-territory-card') || customElements.define('tk-territory-card', TkTerritoryCard);
customElements.get('tk-performance-board') || customElements.define('tk-performance-board', TkPerformanceBoard);
// The territory editor (with the zod model it validates edits against) loads when first shown; its
// class and edit helpers come from `territory-kit/widgets/territory-editor`.
defineOnDemand('tk-territory-editor', () => import('./territory-editor/territory-editor.js'));
defineOnDemand('tk-scenario-compare', () => import('./scenario-compare/scenario-compare.js'));
defineOnDemand('tk-quota-planner', () => import('./quota-planner/quota-planner.js'));
defineOnDemand('tk-distribute-preview', () => import('./distribute-preview/distribute-preview.js'));

export { TkTerritoryProvider, TkWorkloadGauge, TkTerritoryCard, TkPerformanceBoard };
export type { PlanStorage } from './territory-provider/territory-provider.component.js';
export { performanceRows } from './performance-board/performance-rows.js';
export type { PerformanceRow, PerformanceOptions } from './performance-board/performance-rows.js';
export { untouchedAccounts } from './territory-card/untouched-accounts.js';
export * from './events/index.js';
export * from './shared/index.js';
export * from './territory-map/territory-map.js';
export * from './rep-assignment-panel/rep-assignment-panel.js';
export type { TkTerritoryEditor };
export { defineOnDemand } from './shared/define-on-demand.js';
export { adapterContext, planStateContext, planActionsContext } from '../src/context/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-provider': TkTerritoryProvider;
    'tk-workload-gauge': TkWorkloadGauge;
    'tk-territory-card': TkTerritoryCard;
    'tk-performance-board': TkPerformanceBoard;
    'tk-territory-editor': TkTerritoryEditor;
  }
}
