import { TkTerritoryCard } from './territory-card.component.js';

export { TkTerritoryCard };
export { untouchedAccounts } from './untouched-accounts.js';
export type { UntouchedAccount } from './untouched-accounts.js';

if (!customElements.get('tk-territory-card')) customElements.define('tk-territory-card', TkTerritoryCard);

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-card': TkTerritoryCard;
  }
}
