import { TkWorkloadGauge } from './workload-gauge.component.js';

export { TkWorkloadGauge };

if (!customElements.get('tk-workload-gauge')) customElements.define('tk-workload-gauge', TkWorkloadGauge);

declare global {
  interface HTMLElementTagNameMap {
    'tk-workload-gauge': TkWorkloadGauge;
  }
}
