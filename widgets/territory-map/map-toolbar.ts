import { html, nothing } from 'lit';
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
    <div class="toolbar" part="toolbar" role="toolbar" aria-label="Map tools">
      <span class="group" role="group" aria-label="Select">
        ${tool('pan', 'Pan', 'Pan; click selects, shift-click adds, shift-drag box-selects')}
        ${tool('box', 'Box', 'Drag a box to select')}
        ${tool('lasso', 'Lasso', 'Draw around accounts to select')}
        <button type="button" @click=${() => a.selectAllInView()}>Select in view</button>
      </span>
      ${a.editable
        ? html`<span class="group" role="group" aria-label="Define territories">
            ${tool('paint', 'Paint regions', 'Click states or counties to add or remove them')}
            ${tool('draw', 'Draw', 'Click vertices; double-click or Enter to finish, Escape to cancel')}
            <select aria-label="Territory to edit" .value=${m.targetTerritory} @change=${(e: Event) => (m.targetTerritory = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!m.targetTerritory}>New territory</option>
              ${territories.map((t) => html`<option value=${t.id} ?selected=${t.id === m.targetTerritory}>${t.name}</option>`)}
            </select>
            ${m.tool === 'paint'
              ? html`<select aria-label="Region level" .value=${m.paintLevel} @change=${(e: Event) => (m.paintLevel = (e.target as HTMLSelectElement).value as RegionLevel)}>
                  <option value="state">States</option>
                  <option value="county">Counties</option>
                </select>`
              : nothing}
            ${m.tool === 'draw' && vertices
              ? html`<button type="button" ?disabled=${vertices < 3} @click=${() => a.finish()}>Finish (${vertices})</button>
                  <button type="button" @click=${() => a.cancel()}>Cancel</button>`
              : nothing}
          </span>`
        : nothing}
      <span class="group" role="group" aria-label="Layers">
        <button type="button" aria-pressed=${m.hulls ? 'true' : 'false'} @click=${() => (m.hulls = !m.hulls)}>Rep outlines</button>
        <select aria-label="Heat layer" .value=${m.heat} @change=${(e: Event) => (m.heat = (e.target as HTMLSelectElement).value as HeatMode)}>
          <option value="off">No heat layer</option>
          <option value="potential">Potential heat</option>
          <option value="whitespace">Whitespace heat</option>
        </select>
        <select aria-label="Colour by" .value=${m.colorBy} @change=${(e: Event) => (m.colorBy = (e.target as HTMLSelectElement).value as ToolbarHost['colorBy'])}>
          <option value="rep">Colour by rep</option>
          <option value="territory">Colour by territory</option>
        </select>
      </span>
    </div>
  `;
}
