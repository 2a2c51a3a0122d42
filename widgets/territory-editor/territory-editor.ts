import { TkTerritoryEditor } from './territory-editor.component.js';

export { TkTerritoryEditor };
export { updateTerritory, newTerritoryId, withRules, parseRange, parsePredicate, predicateText, FIELD_OPERATORS } from './territory-edits.js';

if (!customElements.get('tk-territory-editor')) customElements.define('tk-territory-editor', TkTerritoryEditor);

declare global {
  interface HTMLElementTagNameMap {
    'tk-territory-editor': TkTerritoryEditor;
  }
}
