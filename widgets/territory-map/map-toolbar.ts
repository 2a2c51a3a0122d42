import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Territory } from '../../src/model/territory.js';
import type { RegionLevel } from './basemap.js';
import type { HeatMode } from './controllers/heat-controller.js';

type MapTool = 'pan' | 'box' | 'lasso' | 'paint' | 'draw';

/** The map properties the toolbar shows and sets. */
export interface ToolbarHost {
  tool: MapTool;
  targetTerritory: string;
  paintLevel: RegionLevel;
  hulls: boolean;
  heat: HeatMode;
  colorBy: 'rep' | 'territory';
}

/** What the toolbar's buttons do besides setting properties. */
export interface ToolbarActions {
  editable: boolean;
  selectAllInView(): void;
  finish(): void;
  cancel(): void;
}

/**
 * The map's toolbar: selection tools, territory tools (editors only), layers and colouring.
 * @param m the map element (its properties are read and set)
 * @param territories the plan's territories (the "Territory to edit" choice)
 * @param vertices vertices of the polygon being drawn
 * @param a actions and whether the viewer may edit
 */
export function mapToolbar(m: ToolbarHost, territories: readonly Territory[], vertices: number, a: ToolbarActions) {
  const tool = (t: MapTool, text: string, title: string) =>
    html`<button type="button" aria-pressed=${m.tool === t ? 'true' : 'false'} title=${title} @click=${() => (m.tool = t)}>${text}</button>`;
  return html`
    <div class="toolbar" part="toolbar" role="toolbar" aria-label=${msg('Map tools')}>
      <span class="group" role="group" aria-label=${msg('Select')}>
        ${tool('pan', msg('Pan'), msg('Pan; click selects, shift-click adds, shift-drag box-selects'))}
        ${tool('box', msg('Box'), msg('Drag a box to select'))}
        ${tool('lasso', msg('Lasso'), msg('Draw around accounts to select'))}
        <button type="button" @click=${() => a.selectAllInView()}>${msg('Select in view')}</button>
      </span>
      ${a.editable
        ? html`<span class="group" role="group" aria-label=${msg('Define territories')}>
            ${tool('paint', msg('Paint regions'), msg('Click states or counties to add or remove them'))}
            ${tool('draw', msg('Draw'), msg('Click vertices; double-click or Enter to finish, Escape to cancel'))}
            <select aria-label=${msg('Territory to edit')} .value=${m.targetTerritory} @change=${(e: Event) => (m.targetTerritory = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!m.targetTerritory}>${msg('New territory')}</option>
              ${territories.map((t) => html`<option value=${t.id} ?selected=${t.id === m.targetTerritory}>${t.name}</option>`)}
            </select>
            ${m.tool === 'paint'
              ? html`<select aria-label=${msg('Region level')} .value=${m.paintLevel} @change=${(e: Event) => (m.paintLevel = (e.target as HTMLSelectElement).value as RegionLevel)}>
                  <option value="state">${msg('States')}</option>
                  <option value="county">${msg('Counties')}</option>
                </select>`
              : nothing}
            ${m.tool === 'draw' && vertices
              ? html`<button type="button" ?disabled=${vertices < 3} @click=${() => a.finish()}>${msg(str`Finish (${vertices})`)}</button>
                  <button type="button" @click=${() => a.cancel()}>${msg('Cancel')}</button>`
              : nothing}
          </span>`
        : nothing}
      <span class="group" role="group" aria-label=${msg('Layers')}>
        <button type="button" aria-pressed=${m.hulls ? 'true' : 'false'} @click=${() => (m.hulls = !m.hulls)}>${msg('Rep outlines')}</button>
        <select aria-label=${msg('Heat layer')} .value=${m.heat} @change=${(e: Event) => (m.heat = (e.target as HTMLSelectElement).value as HeatMode)}>
          <option value="off">${msg('No heat layer')}</option>
          <option value="potential">${msg('Potential heat')}</option>
          <option value="whitespace">${msg('Whitespace heat')}</option>
        </select>
        <select aria-label=${msg('Colour by')} .value=${m.colorBy} @change=${(e: Event) => (m.colorBy = (e.target as HTMLSelectElement).value as ToolbarHost['colorBy'])}>
          <option value="rep">${msg('Colour by rep')}</option>
          <option value="territory">${msg('Colour by territory')}</option>
        </select>
      </span>
    </div>
  `;
}
