import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { L } from '../leaflet.js';
import type { Account } from '../../../src/model/account.js';
import { styleProps } from '../../shared/style-props.js';
import { same } from '../../shared/same.js';
import type { HeatLayer } from '../layers/heat-layer.js';
import { heatGradientCss, POTENTIAL_STOPS, WHITESPACE_STOPS } from '../layers/heat-ramp.js';
import type { AccountIndex } from './account-index.js';

/** An account with no activity for this long counts as untouched whitespace. */
const UNTOUCHED_DAYS = 180;

export type HeatMode = 'off' | 'potential' | 'whitespace';

/** The heat surface (off by default) is a chunk loaded the first time a heat mode is chosen. */
type HeatLayerModule = typeof import('../layers/heat-layer.js');
let heatLoad: Promise<HeatLayerModule> | null = null;
function loadHeatLayer(): Promise<HeatLayerModule> {
  return (heatLoad ??= import('../layers/heat-layer.js').catch((error) => {
    heatLoad = null;
    throw error;
  }));
}
let heatModule: HeatLayerModule | null = null;

/**
 * The heat layer (potential, or whitespace: unassigned or untouched potential) as a smooth surface
 * above the basemap and territories and under the accounts, and its legend.
 */
export class HeatController implements ReactiveController {
  private layer: HeatLayer | null = null;
  private map: L.Map | null = null;
  private key: unknown[] = [];
  /** The last `sync` arguments, replayed when the layer's chunk arrives. */
  private wanted: Parameters<HeatController['sync']> | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.layer = this.map = null;
    this.key = [];
    this.wanted = null;
  }

  attach(map: L.Map): void {
    this.map = map;
    this.layer = null;
    this.key = [];
  }

  /** Shows the mode's surface (or removes it for `off`). */
  sync(mode: HeatMode, ix: AccountIndex, repOf: (a: Account) => string | null, working: unknown): void {
    const key = [ix, mode, mode === 'whitespace' ? working : null];
    const { map } = this;
    if (same(key, this.key) || !map) return;
    if (mode !== 'potential' && mode !== 'whitespace') {
      this.key = key;
      this.wanted = null;
      this.layer?.remove();
      return;
    }
    if (!this.layer && !heatModule) {
      // First use: load the layer's chunk, then draw what was last asked for (if still attached to this map).
      this.wanted = [mode, ix, repOf, working];
      loadHeatLayer()
        .then((m) => {
          heatModule = m;
          if (this.map === map && this.wanted) this.sync(...this.wanted);
        })
        .catch((error) => console.warn('territory-kit: could not load the heat layer', error));
      return;
    }
    const layer = (this.layer ??= new heatModule!.HeatLayer({ pane: 'tk-heat' }));
    this.key = key;
    this.wanted = null;
    let weight = ix.potential;
    if (mode === 'whitespace') {
      const cutoff = Date.now() - UNTOUCHED_DAYS * 86_400_000;
      weight = new Float64Array(ix.accounts.length);
      ix.accounts.forEach((a, i) => {
        const last = a.performance?.lastActivity ? Date.parse(a.performance.lastActivity) : NaN;
        const untouched = !(last >= cutoff) && !(a.performance?.pipeline ?? 0);
        if (repOf(a) === null || untouched) weight[i] = a.potential;
      });
    }
    if (!map.hasLayer(layer)) layer.addTo(map);
    layer.setData({ ix, weight, stops: mode === 'whitespace' ? WHITESPACE_STOPS : POTENTIAL_STOPS });
  }

  /** The legend: the colour ramp, what it measures and what it is relative to. */
  renderLegend(mode: HeatMode) {
    if (mode !== 'potential' && mode !== 'whitespace') return nothing;
    const what = mode === 'whitespace' ? msg('Whitespace: potential unassigned or untouched for 180 days, per area') : msg('Potential, per area');
    return html`<div class="heat-legend" part="heat-legend">
      <span class="heat-title">${what}</span>
      <span class="ramp" aria-hidden="true" style=${styleProps({ background: heatGradientCss(mode === 'whitespace' ? WHITESPACE_STOPS : POTENTIAL_STOPS) })}></span>
      <span class="ramp-ends"><span>${msg('Less')}</span><span>${msg('Most in view')}</span></span>
    </div>`;
  }
}
