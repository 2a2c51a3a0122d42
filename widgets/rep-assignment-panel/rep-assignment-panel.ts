import { TkRepAssignmentPanel } from './rep-assignment-panel.component.js';

export { TkRepAssignmentPanel };
export { planCsv, csvCell, PLAN_CSV_HEADER } from './export/plan-csv.js';
export type { PlanCsvOptions } from './export/plan-csv.js';
export { territoriesGeoJson } from './export/territories-geojson.js';
export type { TerritoryFeatureProperties } from './export/territories-geojson.js';
export { engineRunner } from './controllers/rebalance-controller.js';
export type { RebalanceRunner, RebalanceChoice } from './controllers/rebalance-controller.js';
export { SECTIONS as PANEL_SECTIONS } from './sections/context.js';
export type { SectionId as PanelSectionId } from './sections/context.js';

if (!customElements.get('tk-rep-assignment-panel')) customElements.define('tk-rep-assignment-panel', TkRepAssignmentPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tk-rep-assignment-panel': TkRepAssignmentPanel;
  }
}
