import { TkTerritoryCard } from './territory-card.component.js';

export { TkTerritoryCard };
// `untouchedAccounts` is exported by `territory-kit/widgets` (widgets/index.ts), not here: a re-export from this
// entry would put the engine's detectAlerts and the territory resolver in every record page's initial load
// (the card loads them on demand, in its card-details chunk).
export type { UntouchedAccount } from './untouched-accounts.js';

if (!customElements.get('tk-territory-card')) customElements.define('tk-territory-card', TkTerritoryCard);

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-card': TkTerritoryCard;
  }
}
