import { TkQuotaPlanner } from './quota-planner.component.js';

export { TkQuotaPlanner };
export { quotasCsv } from './quotas-csv.js';

if (!customElements.get('tk-quota-planner')) customElements.define('tk-quota-planner', TkQuotaPlanner);

declare global {
  interface HTMLElementTagNameMap {
    'tk-quota-planner': TkQuotaPlanner;
  }
}
