import { TkTerritoryProvider } from './territory-provider.component.js';

export { TkTerritoryProvider };
export type { PlanStorage } from './territory-provider.component.js';

if (!customElements.get('tk-territory-provider')) customElements.define('tk-territory-provider', TkTerritoryProvider);

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-provider': TkTerritoryProvider;
  }
}
