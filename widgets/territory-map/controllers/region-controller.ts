import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { L } from '../leaflet.js';
import { RegionLayer, type RegionStyle } from '../layers/region-layer.js';
import { loadBasemap, type RegionFeature, type RegionLevel } from '../basemap.js';
import type { MapPalette } from './map-theme.js';

/** Zoom at and above which the automatic basemap shows counties. */
export const COUNTY_ZOOM = 6;

/** A painted region: its territory's colour (or its owner's) and whether it is outside the focus. */
export interface RegionPaint {
  color: string;
  faded: boolean;
}

export interface RegionControllerOptions {
  map(): L.Map | null;
  /** `auto` | `states` | `counties` | `none`. */
  basemap(): string;
  basemapUrl(): string | null;
  tiles(): boolean;
  painting(): boolean;
  paintLevel(): RegionLevel;
  palette(): MapPalette;
  /** Region codes the territories list, with their paint. */
  paint(): ReadonlyMap<string, RegionPaint>;
  onError(message: string): void;
}

/**
 * The offline basemap and region territories: loads states / counties when the view, tool or mode
 * needs them, paints regions by territory (or owner), and while the paint tool is on draws painted
 * regions and outlines again in a pane above the clusters, so what is painted stays visible.
 */
export class RegionController implements ReactiveController {
  /** Decoded regions per level, once loaded. */
  readonly features: Partial<Record<RegionLevel, RegionFeature[]>> = {};
  private layers: Partial<Record<RegionLevel, RegionLayer>> = {};
  private overlays: Partial<Record<RegionLevel, RegionLayer>> = {};
  private readonly options: RegionControllerOptions;

  constructor(host: ReactiveControllerHost, options: RegionControllerOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the layers (the map was removed with them). */
  hostDisconnected(): void {
    this.layers = {};
    this.overlays = {};
  }

  /** Whether any territory lists region codes (of this level). */
  private hasRegions(level?: RegionLevel): boolean {
    for (const code of this.options.paint().keys()) if (!level || (code.length === 5) === (level === 'county')) return true;
    return false;
  }

  /** Loads and shows the levels the current view, tool and mode need; hides the rest. */
  ensure(): void {
    const o = this.options;
    const map = o.map();
    if (!map) return;
    const zoom = map.getZoom();
    const painting = o.painting();
    const mode = o.basemap();
    const want: Record<RegionLevel, boolean> = {
      state: mode !== 'none' || painting || this.hasRegions(),
      county:
        mode === 'counties' ||
        (mode === 'auto' && !o.tiles() && zoom >= COUNTY_ZOOM) ||
        (painting && o.paintLevel() === 'county') ||
        (zoom >= COUNTY_ZOOM && this.hasRegions('county')),
    };
    for (const level of ['state', 'county'] as const) {
      const layer = this.layers[level];
      if (want[level] && !this.features[level]) {
        loadBasemap(level, o.basemapUrl() ?? undefined).then(
          (features) => {
            this.features[level] = features;
            this.ensure();
          },
          (err: Error) => o.onError(err.message),
        );
      } else if (want[level] && !layer && this.features[level]) {
        this.layers[level] = new RegionLayer(this.features[level]!, this.style, { pane: level === 'county' ? 'tk-counties' : 'tk-basemap' }).addTo(map);
      } else if (!want[level] && layer) {
        layer.remove();
        delete this.layers[level];
      }
      const base = this.layers[level];
      const overlay = this.overlays[level];
      if (painting && base && !overlay) this.overlays[level] = new RegionLayer(base, this.overlayStyle, { pane: 'tk-paint' }).addTo(map);
      else if ((!painting || !base) && overlay) {
        overlay.remove();
        delete this.overlays[level];
      }
    }
    this.restyle();
  }

  /** Redraws every region layer (territories, palette or focus changed). */
  restyle(): void {
    for (const layer of [...Object.values(this.layers), ...Object.values(this.overlays)]) layer?.setStyle(layer.options.pane === 'tk-paint' ? this.overlayStyle : this.style);
  }

  private readonly style = (code: string): RegionStyle => {
    const o = this.options;
    const p = o.palette();
    const county = code.length === 5;
    const painted = o.painting() ? undefined : o.paint().get(code);
    // Counties lie under the states: the land fill goes on the lowest level shown.
    const land = o.tiles() || (!county && this.layers.county) ? null : p.land;
    return {
      stroke: county ? p.countyStroke : p.stateStroke,
      weight: county ? 0.5 : 1,
      fill: painted ? painted.color : land,
      fillOpacity: painted ? (painted.faded ? 0.12 : 0.42) : land ? 1 : 0,
    };
  };

  /** Above the clusters while painting: painted regions translucent, outlines, no land. */
  private readonly overlayStyle = (code: string): RegionStyle => {
    const o = this.options;
    const county = code.length === 5;
    const painted = o.paint().get(code);
    const level = o.paintLevel();
    const outline = (level === 'county') === county;
    return {
      stroke: painted ? painted.color : o.palette().stateStroke,
      weight: painted ? 2 : outline ? (county ? 0.5 : 1) : 0,
      fill: painted ? painted.color : null,
      fillOpacity: painted ? 0.35 : 0,
    };
  };
}
