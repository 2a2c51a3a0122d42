import { html, nothing, type PropertyValues } from 'lit';
import { TkElement } from '../shared/tk-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { styleProps } from '../shared/style-props.js';
import { PlanController } from '../shared/plan-controller.js';
import { same } from '../shared/same.js';
import { flattenPolygon, pointInRings } from '../../src/engine/resolve/point-in-rings.js';
import type Supercluster from 'supercluster';
import type { PlanState, SelectMode } from '../../src/store/types.js';
import type { Account } from '../../src/model/account.js';
import type { Territory } from '../../src/model/territory.js';
import { resolveTerritories } from '../../src/engine/resolve-territories.js';
import { L } from './leaflet.js';
import { leafletStyles } from './leaflet.styles.js';
import { territoryMapStyles } from './territory-map.styles.js';
import { AccountLayer } from './layers/account-layer.js';
import { HeatLayer } from './layers/heat-layer.js';
import { RegionLayer, type RegionStyle } from './layers/region-layer.js';
import { accountsIn, buildAccountIndex, type AccountIndex, type ClusterProps } from './controllers/account-index.js';
import { colorsFor, UNASSIGNED_COLOR } from './controllers/colors.js';
import { convexHull } from './controllers/convex-hull.js';
import { SelectionGesture } from './controllers/selection-gesture.js';
import { PolygonDraw } from './controllers/polygon-draw.js';
import { toggleRegion } from './controllers/toggle-region.js';
import { addPolygon } from './controllers/add-polygon.js';
import { loadBasemap, regionAt, type RegionFeature, type RegionLevel } from './basemap.js';
import { TkRegionPaintEvent, type RegionPaintDetail } from './events/region-paint-event.js';
import { TkTerritoryDrawnEvent, type TerritoryDrawnDetail } from './events/territory-drawn-event.js';

export type MapTool = 'pan' | 'box' | 'lasso' | 'paint' | 'draw';
export type ColorBy = 'rep' | 'territory';
export type HeatMode = 'off' | 'potential' | 'whitespace';
export type BasemapMode = 'auto' | 'states' | 'counties' | 'none';

/** Zoom at and above which the automatic basemap shows counties. */
const COUNTY_ZOOM = 6;
/** Options rendered in the keyboard list at most (the rest are counted). */
const LIST_LIMIT = 100;
/** An account with no activity for this long counts as untouched whitespace. */
const UNTOUCHED_DAYS = 180;
const US_CENTER: L.LatLngTuple = [39.5, -98.35];
/** Least zoom when centring on `focus-account` (about a metro area). */
const FOCUS_ZOOM = 10;

let newIds = 0;
const newId = () => `tk-${Date.now().toString(36)}-${(newIds++).toString(36)}`;

/**
 * @summary A map of the plan's accounts (clustered canvas, coloured by rep or territory) with selection
 * tools, territory boundaries, a potential / whitespace heat layer and region painting / polygon
 * drawing to define territories — plus a keyboard-operable list of the accounts in view.
 *
 * Data comes from `<tk-territory-provider>` through context (plan state + actions). Selection changes go
 * to the store (`actions.select`); territory edits go through `actions.setTerritories` (one undo step each).
 * Leaflet objects stay private to the element. Basemap files load on demand from `./assets/` beside the
 * module (or `basemap-url`); no network otherwise unless `tile-url` is set.
 *
 * For Lightning Web Security, call `setShadowRootMode('closed')` (widgets/shared) before the first
 * instance; the element only ever uses its render root, never `this.shadowRoot`.
 *
 * @fires tk-region-paint - TkRegionPaintEvent: a region code was added to / removed from a territory (`detail`: RegionPaintDetail).
 * @fires tk-territory-drawn - TkTerritoryDrawnEvent: a drawn polygon was added to a new or existing territory (`detail`: TerritoryDrawnDetail).
 *
 * @csspart toolbar - The tool bar (absent in compact mode).
 * @csspart map - The Leaflet map container.
 * @csspart list - The listbox of accounts in view.
 * @csspart status - The line under the list (counts, hints).
 *
 * @cssproperty [--tk-map-height=420px] - Element height (220px in compact mode); a height set on the element itself wins.
 * @cssproperty [--tk-map-list-width=16rem] - Width of the account list.
 * @cssproperty [--tk-map-accent=var(--tk-color-brand)] - Accent colour (pressed tools, focus, selection).
 * @cssproperty [--tk-map-land=#f6f6f2] - Land fill of the offline basemap (read when the basemap is set up).
 * @cssproperty [--tk-map-water=#dde8f2] - Map background (water) behind the offline basemap.
 * Also reads the shared tokens --tk-color-text, --tk-color-text-weak, --tk-color-border, --tk-color-surface.
 */
export class TkTerritoryMap extends TkElement {
  static override styles = [tokens, leafletStyles, territoryMapStyles];

  static override properties = {
    ...TkElement.properties,
    colorBy: { attribute: 'color-by', reflect: true },
    tileUrl: { attribute: 'tile-url' },
    tileAttribution: { attribute: 'tile-attribution' },
    compact: { type: Boolean, reflect: true },
    repId: { attribute: 'rep-id' },
    hulls: { type: Boolean, reflect: true },
    heat: { reflect: true },
    clusterBy: { attribute: 'cluster-by' },
    noCluster: { attribute: 'no-cluster', type: Boolean },
    basemap: {},
    basemapUrl: { attribute: 'basemap-url' },
    tool: { reflect: true },
    paintLevel: { attribute: 'paint-level' },
    targetTerritory: { attribute: 'target-territory' },
    focusAccount: { attribute: 'focus-account' },
    label: {},
    _inView: { state: true },
    _inViewTotal: { state: true },
    _active: { state: true },
    _vertices: { state: true },
    _notice: { state: true },
  };

  /** Colour accounts by their rep in the working plan (`rep`) or by resolved territory (`territory`). Default `rep`. */
  declare colorBy: ColorBy;
  /** A tile URL template (`https://…/{z}/{x}/{y}.png`) used instead of the offline basemap. Needs a CSP trusted site. */
  declare tileUrl: string | null;
  /** Attribution shown with `tile-url` tiles. */
  declare tileAttribution: string | null;
  /** Card mode: no toolbar, no list, fitted to the accounts shown (use with `rep-id`). */
  declare compact: boolean;
  /** Show only this rep's accounts (working plan). */
  declare repId: string | null;
  /** Outline each rep's accounts with their convex hull. */
  declare hulls: boolean;
  /** Heat layer: `potential`, `whitespace` (unassigned or untouched potential) or `off` (default). */
  declare heat: HeatMode;
  /** Cluster circle size shows `count` (default) or summed `potential` (slower index build). */
  declare clusterBy: 'count' | 'potential';
  /** Draw every account at every zoom instead of clustering when zoomed out. */
  declare noCluster: boolean;
  /** Offline basemap: `auto` (states, counties from zoom 6; default), `states`, `counties` or `none`. */
  declare basemap: BasemapMode;
  /** Folder URL holding states-10m.json / counties-10m.json. Default: `./assets/` beside the module. */
  declare basemapUrl: string | null;
  /** Active tool: `pan` (default; click selects, shift-drag box-selects), `box`, `lasso`, `paint`, `draw`. */
  declare tool: MapTool;
  /** Region level painted with the `paint` tool: `state` (default) or `county`. */
  declare paintLevel: RegionLevel;
  /** Territory id that paint / draw edit; empty for a new territory. */
  declare targetTerritory: string;
  /** Accessible name of the map. Default "Territory map". */
  declare label: string;
  /**
   * An account to centre the view on (zoom at least FOCUS_ZOOM) once the plan is drawn, and whenever
   * this changes — e.g. the account of the CRM record page (attribute `focus-account`). Ignored while
   * the plan has no such account with coordinates.
   */
  declare focusAccount: string | undefined;

  declare private _inView: number[];
  declare private _inViewTotal: number;
  declare private _active: number;
  declare private _vertices: number;
  declare private _notice: string;

  /** Plan state and actions from the provider (asks again when the provider is defined after this element). */
  private readonly plan = new PlanController(this);

  private map: L.Map | null = null;
  private accountLayer: AccountLayer | null = null;
  private heatLayer: HeatLayer | null = null;
  private tileLayer: L.TileLayer | null = null;
  private vectorRenderer: L.Renderer | null = null;
  private territoryLayer: L.LayerGroup | null = null;
  private hullLayer: L.LayerGroup | null = null;
  private regionLayers: Partial<Record<RegionLevel, RegionLayer>> = {};
  private regions: Partial<Record<RegionLevel, RegionFeature[]>> = {};
  private gesture: SelectionGesture | null = null;
  private drawer: PolygonDraw | null = null;
  private resizeObserver: ResizeObserver | null = null;

  // Derived data, rebuilt only when its inputs change identity.
  private ix: AccountIndex | null = null;
  private ixKey: unknown[] = [];
  private clusters: Supercluster<ClusterProps, ClusterProps> | 'pending' | null = null;
  private clustersKey: unknown[] = [];
  private colorKey: unknown[] = [];
  private colorOf = new Uint16Array(0);
  private colors: string[] = [];
  private legend: { key: string; name: string; color: string }[] = [];
  private selectedKey: unknown[] = [];
  private selected = new Uint8Array(0);
  private selectedCount = 0;
  private territoryKey: unknown[] = [];
  private hullKey: unknown[] = [];
  private heatKey: unknown[] = [];
  private fitted: unknown = null;
  /** The focus-account and index the view was last centred for. */
  private focusedKey: unknown[] = [];

  constructor() {
    super();
    this.colorBy = 'rep';
    this.tileUrl = null;
    this.tileAttribution = null;
    this.compact = false;
    this.repId = null;
    this.hulls = false;
    this.heat = 'off';
    this.clusterBy = 'count';
    this.noCluster = false;
    this.basemap = 'auto';
    this.basemapUrl = null;
    this.tool = 'pan';
    this.paintLevel = 'state';
    this.targetTerritory = '';
    this.label = 'Territory map';
    this._inView = [];
    this._inViewTotal = 0;
    this._active = -1;
    this._vertices = 0;
    this._notice = '';
  }

  /** What the account layer drew last (mode, points, clusters, ms), for tests and benchmarks. */
  get renderStats(): { mode: 'points' | 'clusters' | 'grid'; points: number; clusters: number; ms: number; draws: number } | null {
    const l = this.accountLayer;
    return l ? { ...l.stats, draws: l.draws } : null;
  }

  private get state(): PlanState | undefined {
    return this.plan.state;
  }

  private get editable(): boolean {
    return !!this.plan.actions && this.plan.canEdit && !this.compact;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.gesture?.detach();
    this.map?.remove();
    this.map = null;
    this.accountLayer = null;
    this.heatLayer = null;
    this.regionLayers = {};
    this.tileLayer = null;
    this.territoryLayer = null;
    this.hullLayer = null;
    // The next map starts empty: push everything to it again.
    this.lastPushed = [];
    this.territoryKey = [];
    this.hullKey = [];
    this.heatKey = [];
    this.fitted = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect: the map was torn down, build it again.
    if (this.hasUpdated && !this.map) this.updateComplete.then(() => this.createMap());
  }

  protected override firstUpdated(): void {
    this.createMap();
  }

  protected override willUpdate(): void {
    const dataChanged = this.derive();
    if (this.map && !this.listDeferred && (dataChanged || this.viewDirty)) {
      this.viewDirty = false;
      this.updateInView();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    if (changed.has('tool')) this.applyTool(changed.get('tool') as MapTool | undefined);
    if (changed.has('tileUrl') || changed.has('basemap') || changed.has('basemapUrl')) this.applyBasemap();
    if (changed.has('tool') || changed.has('paintLevel')) this.ensureRegions();
    this.push();
  }

  /** Set when the map moved: the list of accounts in view is recomputed at the next update. */
  private viewDirty = false;
  /** True from the map's creation to its first frame (the list waits for the map to paint). */
  private listDeferred = false;

  // ——— map lifecycle ———

  private createMap(): void {
    const el = this.renderRoot.querySelector<HTMLDivElement>('.map');
    const overlay = this.renderRoot.querySelector<SVGSVGElement>('.gesture');
    // Leaflet reads the container's computed style and size: only build while in the document.
    if (!el || !overlay || this.map || !this.isConnected) return;
    const map = L.map(el, {
      center: US_CENTER,
      zoom: 4,
      minZoom: 2,
      maxZoom: 16,
      boxZoom: false,
      zoomControl: true,
      attributionControl: false,
      worldCopyJump: false,
    });
    this.map = map;
    for (const [name, z] of [['tk-counties', 240], ['tk-basemap', 250], ['tk-territories', 350], ['tk-heat', 380], ['tk-accounts', 450], ['tk-draw', 500]] as const) {
      map.createPane(name).style.zIndex = String(z);
    }
    this.vectorRenderer = L.canvas({ pane: 'tk-territories' });
    const drawRenderer = L.canvas({ pane: 'tk-draw' });
    this.territoryLayer = L.layerGroup().addTo(map);
    this.hullLayer = L.layerGroup().addTo(map);
    this.heatLayer = new HeatLayer({ pane: 'tk-heat' });
    this.accountLayer = new AccountLayer({ pane: 'tk-accounts' });
    this.accountLayer.addTo(map);
    map.on('moveend', this.onMoveEnd, this);
    map.on('click', this.onMapClick, this);
    map.on('dblclick', this.onMapDblClick, this);
    map.on('zoomend', this.onZoomEnd, this);
    this.gesture = new SelectionGesture(map, el, overlay, {
      kindFor: (e) => {
        if (this.tool === 'box' || this.tool === 'lasso') return this.tool;
        return this.tool === 'pan' && e.shiftKey ? 'box' : null;
      },
      onBox: (a, b, e) => this.selectBox(a, b, this.modeFor(e)),
      onLasso: (points, e) => this.selectLasso(points, this.modeFor(e)),
    });
    this.gesture.attach();
    map.on('tk-gesture-end', () => {
      if (this.tool === 'pan') map.dragging.enable();
    });
    this.drawer = new PolygonDraw(map, {
      renderer: drawRenderer,
      onFinish: (vertices) => this.commitPolygon(vertices),
      onChange: (count) => (this._vertices = count),
    });
    el.addEventListener('keydown', this.onMapKeyDown);
    this.resizeObserver = new ResizeObserver(() => {
      map.invalidateSize({ pan: false });
      if (this.compact) this.fitted = null; // a card keeps its accounts in view when resized
      this.push();
    });
    this.resizeObserver.observe(el);
    this.applyTool(undefined);
    this.applyBasemap();
    this.push();
    // The list of accounts in view fills in the frame after the map's first paint.
    this.listDeferred = true;
    requestAnimationFrame(() => {
      this.listDeferred = false;
      this.onMoveEnd();
    });
  }

  private applyTool(previous: MapTool | undefined): void {
    const map = this.map;
    if (!map) return;
    if (previous === 'draw' && this.tool !== 'draw') this.drawer?.cancel();
    if (this.tool === 'pan' || this.tool === 'paint') map.dragging.enable();
    else if (this.tool === 'box' || this.tool === 'lasso') map.dragging.disable();
    else map.dragging.enable();
    if (this.tool === 'draw') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
  }

  private applyBasemap(): void {
    const map = this.map;
    if (!map) return;
    if (this.tileUrl) {
      if (!this.tileLayer || (this.tileLayer as unknown as { _url: string })._url !== this.tileUrl) {
        this.tileLayer?.remove();
        this.tileLayer = L.tileLayer(this.tileUrl, { attribution: this.tileAttribution ?? '' }).addTo(map);
        if (this.tileAttribution && !map.attributionControl) L.control.attribution({ prefix: false }).addTo(map);
      }
    } else if (this.tileLayer) {
      this.tileLayer.remove();
      this.tileLayer = null;
    }
    this.landColor = getComputedStyle(this).getPropertyValue('--tk-map-land').trim() || '#eef0f3';
    for (const layer of Object.values(this.regionLayers)) layer?.setStyle(this.regionStyle);
    this.ensureRegions();
  }

  /** Loads and shows the basemap levels the current view, tool and mode need. */
  private ensureRegions(): void {
    const map = this.map;
    if (!map) return;
    const zoom = map.getZoom();
    const painting = this.tool === 'paint';
    const want: Record<RegionLevel, boolean> = {
      state: this.basemap !== 'none' || painting || this.hasRegionTerritories(),
      county:
        this.basemap === 'counties' ||
        (this.basemap === 'auto' && !this.tileUrl && zoom >= COUNTY_ZOOM) ||
        (painting && this.paintLevel === 'county') ||
        (zoom >= COUNTY_ZOOM && this.hasRegionTerritories('county')),
    };
    for (const level of ['state', 'county'] as const) {
      const layer = this.regionLayers[level];
      if (want[level] && !this.regions[level]) {
        loadBasemap(level, this.basemapUrl ?? undefined).then(
          (features) => {
            this.regions[level] = features;
            this.ensureRegions();
          },
          (err: Error) => (this._notice = err.message),
        );
      } else if (want[level] && !layer && this.regions[level]) {
        this.regionLayers[level] = new RegionLayer(this.regions[level]!, this.regionStyle, { pane: level === 'county' ? 'tk-counties' : 'tk-basemap' }).addTo(map);
        if (level === 'county') this.regionLayers.state?.setStyle(this.regionStyle);
      } else if (!want[level] && layer) {
        layer.remove();
        delete this.regionLayers[level];
        if (level === 'county') this.regionLayers.state?.setStyle(this.regionStyle);
      }
    }
  }

  private hasRegionTerritories(level?: RegionLevel): boolean {
    return (this.state?.territories ?? []).some((t) =>
      (t.definition?.regions ?? []).some((r) => (level ? (r.length === 5) === (level === 'county') : /^\d{2}(\d{3})?$/.test(r))),
    );
  }

  private readonly regionStyle = (code: string): RegionStyle => {
    const county = code.length === 5;
    const painted = this.regionColors.get(code);
    // Counties lie under the states: the land fill goes on the lowest level shown.
    const land = this.tileUrl || (!county && this.regionLayers.county) ? null : this.landColor;
    return {
      stroke: county ? '#b4bcc7' : '#8d97a5',
      weight: county ? 0.5 : 1,
      fill: painted ?? land,
      fillOpacity: painted ? 0.45 : land ? 1 : 0,
    };
  };

  private regionColors = new Map<string, string>();
  private landColor = '#f6f6f2';

  // ——— data sync ———

  private repOf = (a: Account): string | null => {
    const working = this.state?.working ?? {};
    return a.id in working ? working[a.id] : a.ownerId;
  };

  /** Rebuilds whatever derived data changed (index, clusters, colours, selection); returns whether any did. */
  private derive(): boolean {
    const state = this.state;
    const before = [this.ixKey, this.clustersKey, this.colorKey, this.selectedKey];
    const accounts = state?.accounts ?? [];
    const working = state?.working ?? {};
    const repOf = this.repOf;

    // 1. Index (rebuilt when the accounts, or the filtered rep's accounts, change).
    const ixKey = [accounts, this.repId, this.repId ? working : null];
    if (!same(ixKey, this.ixKey)) {
      this.ixKey = ixKey;
      this.ix = buildAccountIndex(this.repId ? accounts.filter((a) => repOf(a) === this.repId) : accounts);
      this.clusters = null;
      this.clustersKey = [];
    }
    const ix = this.ix!;

    // 2. Clusters: the supercluster index is built in the task after the first paint (a screen-grid
    // aggregation stands in until then), so a large plan shows up without waiting for it.
    const clustersKey = [ix, this.noCluster, this.clusterBy];
    if (!same(clustersKey, this.clustersKey)) {
      this.clustersKey = clustersKey;
      this.clusters = this.noCluster || !ix.accounts.length ? null : 'pending';
      if (this.clusters === 'pending') {
        const potential = this.clusterBy === 'potential';
        // After the next frame is painted (rAF, then a task), so the stand-in shows first; supercluster
        // is a separate chunk, fetched meanwhile.
        const load = import('./controllers/cluster-index.js');
        requestAnimationFrame(() =>
          setTimeout(async () => {
            let mod: typeof import('./controllers/cluster-index.js') | null = null;
            try {
              mod = await load;
            } catch (error) {
              console.warn('territory-kit: clustering unavailable, drawing every account', error);
            }
            if (this.clustersKey !== clustersKey) return;
            this.clusters = mod ? mod.buildClusters(ix, { potential }) : null;
            this.clustersKey = [...clustersKey];
            this.requestUpdate();
          }, 0),
        );
      }
    }

    // 3. Colours.
    const territories = state?.territories ?? [];
    const colorKey = [ix, this.colorBy, this.colorBy === 'rep' ? working : territories, state?.reps, state?.focusRepId];
    if (!same(colorKey, this.colorKey)) {
      this.colorKey = colorKey;
      this.recolor(ix, repOf, territories);
    }

    // 4. Selection.
    const selection = state?.selection ?? [];
    const selectedKey = [ix, selection];
    if (!same(selectedKey, this.selectedKey)) {
      this.selectedKey = selectedKey;
      this.selected = new Uint8Array(ix.accounts.length);
      this.selectedCount = 0;
      for (const id of selection) {
        const i = ix.positionOf.get(id);
        if (i !== undefined && !this.selected[i]) {
          this.selected[i] = 1;
          this.selectedCount++;
        }
      }
    }

    return !same(before, [this.ixKey, this.clustersKey, this.colorKey, this.selectedKey]);
  }

  /** Hands changed data to the Leaflet layers. */
  private push(): void {
    const map = this.map;
    const ix = this.ix;
    if (!map || !ix || !this.accountLayer) return;
    const changed = [this.ixKey, this.clustersKey, this.colorKey, this.selectedKey];
    if (!same(changed, this.lastPushed)) {
      this.lastPushed = changed;
      this.accountLayer.setData({
        ix,
        colorOf: this.colorOf,
        colors: this.colors,
        selected: this.selected,
        selectedCount: this.selectedCount,
        clusters: this.clusters,
        clusterMaxZoom: 9,
        clusterBy: this.clusterBy,
      });
    }

    this.syncTerritories(this.state?.territories ?? []);
    this.syncHulls(ix, this.repOf);
    this.syncHeat(ix, this.repOf);

    // Fit once the container has a size (a hidden or unsized container would fit to nothing).
    if (ix.bbox && map.getSize().x > 0 && map.getSize().y > 0 && this.fitted !== this.ixKey[0] && (this.fitted === null || this.compact)) {
      this.fitted = this.ixKey[0];
      const [w, s, e, n] = ix.bbox;
      map.fitBounds([[s, w], [n, e]], { padding: [16, 16], maxZoom: 11, animate: false });
    }
    // Centre on focus-account after the first fit, and again when it (or the plan) changes.
    const focusKey = [this.focusAccount, ix];
    if (this.focusAccount && this.fitted !== null && !same(focusKey, this.focusedKey)) {
      const i = ix.positionOf.get(this.focusAccount);
      if (i !== undefined) {
        this.focusedKey = focusKey;
        map.setView([ix.lat[i], ix.lng[i]], Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
      }
    }
  }

  private lastPushed: unknown[] = [];

  private recolor(ix: AccountIndex, repOf: (a: Account) => string | null, territories: readonly Territory[]): void {
    const n = ix.accounts.length;
    this.colorOf = new Uint16Array(n);
    let keys: { key: string; name: string }[];
    let keyOf: (i: number) => string | null;
    let own = new Map<string, string | null | undefined>();
    if (this.colorBy === 'territory') {
      keys = territories.map((t) => ({ key: t.id, name: t.name }));
      own = new Map(territories.map((t) => [t.id, t.color]));
      const resolved = territories.length ? resolveTerritories(ix.accounts, territories).byAccount : null;
      keyOf = (i) => resolved?.get(ix.accounts[i].id)?.territoryId ?? null;
    } else {
      keys = (this.state?.reps ?? []).map((r) => ({ key: r.id, name: r.name }));
      keyOf = (i) => repOf(ix.accounts[i]);
    }
    const colorMap = colorsFor(keys.map((k) => k.key), own);
    const slot = new Map<string, number>();
    this.colors = [];
    this.legend = [];
    for (const k of keys) {
      slot.set(k.key, this.colors.length);
      // With a focused rep (state.focusRepId), everyone else's accounts fade.
      const focus = this.state?.focusRepId;
      const faded = this.colorBy === 'rep' && focus && focus !== k.key;
      this.colors.push(faded ? fade(colorMap.get(k.key)!) : colorMap.get(k.key)!);
      this.legend.push({ key: k.key, name: k.name, color: colorMap.get(k.key)! });
    }
    const none = this.colors.length;
    this.colors.push(UNASSIGNED_COLOR);
    this.legend.push({ key: '', name: this.colorBy === 'territory' ? 'No territory' : 'Unassigned', color: UNASSIGNED_COLOR });
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      this.colorOf[i] = k === null ? none : (slot.get(k) ?? none);
    }
  }

  private syncTerritories(territories: readonly Territory[]): void {
    const key = [territories];
    if (same(key, this.territoryKey) || !this.territoryLayer) return;
    this.territoryKey = key;
    const colors = colorsFor(territories.map((t) => t.id), new Map(territories.map((t) => [t.id, t.color])));
    this.regionColors = new Map();
    this.territoryLayer.clearLayers();
    for (const t of territories) {
      const color = colors.get(t.id)!;
      for (const code of t.definition?.regions ?? []) if (!this.regionColors.has(code)) this.regionColors.set(code, color);
      const g = t.definition?.geometry;
      if (g) {
        // One polygon per territory, as L.geoJSON makes for a Polygon or MultiPolygon geometry.
        const rings = (polygon: readonly (readonly number[])[][]) => polygon.map((ring) => ring.map(([lng, lat]): L.LatLngTuple => [lat, lng]));
        const latlngs = g.type === 'Polygon' ? rings(g.coordinates) : g.coordinates.map(rings);
        L.polygon(latlngs, { renderer: this.vectorRenderer!, interactive: false, color, weight: 2, fillColor: color, fillOpacity: 0.1 }).addTo(this.territoryLayer);
      }
    }
    for (const layer of Object.values(this.regionLayers)) layer?.setStyle(this.regionStyle);
    this.ensureRegions();
  }

  private syncHulls(ix: AccountIndex, repOf: (a: Account) => string | null): void {
    const key = [ix, this.hulls, this.state?.working, this.state?.reps];
    if (same(key, this.hullKey) || !this.hullLayer) return;
    this.hullKey = key;
    this.hullLayer.clearLayers();
    if (!this.hulls) return;
    const byRep = new Map<string, number[]>();
    ix.accounts.forEach((a, i) => {
      const rep = repOf(a);
      if (rep === null) return;
      let list = byRep.get(rep);
      if (!list) byRep.set(rep, (list = []));
      list.push(i);
    });
    const reps = this.state?.reps ?? [];
    const colors = colorsFor(reps.map((r) => r.id));
    for (const [rep, positions] of byRep) {
      const hull = convexHull(ix.lng, ix.lat, positions);
      if (hull.length < 3) continue;
      L.polygon(
        hull.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
        { renderer: this.vectorRenderer!, interactive: false, color: colors.get(rep) ?? UNASSIGNED_COLOR, weight: 2, dashArray: '6 4', fillOpacity: 0.04 },
      ).addTo(this.hullLayer);
    }
  }

  private syncHeat(ix: AccountIndex, repOf: (a: Account) => string | null): void {
    const key = [ix, this.heat, this.heat === 'whitespace' ? this.state?.working : null];
    if (same(key, this.heatKey) || !this.heatLayer || !this.map) return;
    this.heatKey = key;
    if (this.heat !== 'potential' && this.heat !== 'whitespace') {
      this.heatLayer.remove();
      return;
    }
    let weight = ix.potential;
    if (this.heat === 'whitespace') {
      const cutoff = Date.now() - UNTOUCHED_DAYS * 86_400_000;
      weight = new Float64Array(ix.accounts.length);
      ix.accounts.forEach((a, i) => {
        const last = a.performance?.lastActivity ? Date.parse(a.performance.lastActivity) : NaN;
        const untouched = !(last >= cutoff) && !(a.performance?.pipeline ?? 0);
        if (repOf(a) === null || untouched) weight[i] = a.potential;
      });
    }
    if (!this.map.hasLayer(this.heatLayer)) this.heatLayer.addTo(this.map);
    this.heatLayer.setData({ ix, weight, rgb: this.heat === 'whitespace' ? [123, 50, 148] : [230, 85, 13] });
  }

  private updateInView(): void {
    const map = this.map;
    const ix = this.ix;
    if (!map || !ix || this.compact) return;
    const b = map.getBounds();
    const w = b.getWest(), e = b.getEast(), s = b.getSouth(), n = b.getNorth();
    const { lng, lat } = ix;
    // One pass over the typed arrays (cheaper than a range query plus a sort at 50k in view):
    // selected accounts first, then the rest in plan order.
    const picked: number[] = [];
    const rest: number[] = [];
    let total = 0;
    for (let i = 0, len = lng.length; i < len; i++) {
      const x = lng[i];
      const y = lat[i];
      if (x < w || x > e || y < s || y > n) continue;
      total++;
      if (this.selected[i]) {
        if (picked.length < LIST_LIMIT) picked.push(i);
      } else if (rest.length < LIST_LIMIT) rest.push(i);
    }
    for (const i of rest) {
      if (picked.length >= LIST_LIMIT) break;
      picked.push(i);
    }
    this._inViewTotal = total;
    if (!same(picked, this._inView)) {
      const activeAccount = this._inView[this._active];
      this._inView = picked;
      this._active = activeAccount === undefined ? -1 : picked.indexOf(activeAccount);
    }
  }

  // ——— interaction ———

  private modeFor(e: { shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }): SelectMode {
    return e.shiftKey ? 'add' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace';
  }

  private select(ids: string[], mode: SelectMode): void {
    this.plan.actions?.select(ids, mode);
  }

  /** Selects the accounts inside the box between two container points. */
  selectBox(a: L.Point, b: L.Point, mode: SelectMode = 'replace'): string[] {
    const map = this.map;
    const ix = this.ix;
    if (!map || !ix) return [];
    const p = map.containerPointToLatLng(L.point(Math.min(a.x, b.x), Math.min(a.y, b.y)));
    const q = map.containerPointToLatLng(L.point(Math.max(a.x, b.x), Math.max(a.y, b.y)));
    const ids = accountsIn(ix, [p.lng, q.lat, q.lng, p.lat], true).map((i) => ix.accounts[i].id);
    this.select(ids, mode);
    return ids;
  }

  /** Selects the accounts inside the polygon through these container points (bbox query, then point in polygon). */
  selectLasso(points: readonly L.Point[], mode: SelectMode = 'replace'): string[] {
    const map = this.map;
    const ix = this.ix;
    if (!map || !ix || points.length < 3) return [];
    const ring = points.map((p) => {
      const ll = map.containerPointToLatLng(p);
      return [ll.lng, ll.lat];
    });
    ring.push(ring[0]);
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const [x, y] of ring) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    const polygon = flattenPolygon([ring]);
    const ids = accountsIn(ix, [w, s, e, n], true)
      .filter((i) => pointInRings(ix.lng[i], ix.lat[i], polygon))
      .map((i) => ix.accounts[i].id);
    this.select(ids, mode);
    return ids;
  }

  private onMapClick(e: L.LeafletMouseEvent): void {
    if (this.gesture?.suppressClick) {
      this.gesture.suppressClick = false;
      return;
    }
    if (this.tool === 'paint') {
      this.paintAt(e.latlng);
      return;
    }
    if (this.tool === 'draw') return this.drawer?.add(e.latlng);
    const hit = this.accountLayer?.hitTest(e.containerPoint);
    const mode = this.modeFor(e.originalEvent);
    if (!hit) {
      if (mode === 'replace') this.select([], 'replace');
      return;
    }
    if (hit.kind === 'cluster') {
      const sc = this.clusters && this.clusters !== 'pending' && hit.clusterId >= 0 ? this.clusters : null;
      if (mode !== 'replace' && sc) {
        const leaves = sc.getLeaves(hit.clusterId, Infinity);
        this.select(leaves.map((f) => this.ix!.accounts[f.properties.i!].id), mode);
      } else {
        const zoom = sc ? sc.getClusterExpansionZoom(hit.clusterId) : this.map!.getZoom() + 2;
        this.map!.setView(e.latlng, Math.min(zoom, this.map!.getMaxZoom()));
      }
      return;
    }
    const account = this.ix!.accounts[hit.position];
    this.select([account.id], mode);
    this.openPopup(account, L.latLng(account.lat!, account.lng!));
  }

  private onMapDblClick(): void {
    if (this.tool === 'draw') this.drawer?.finish();
  }

  private readonly onMapKeyDown = (e: KeyboardEvent): void => {
    if (this.tool !== 'draw') return;
    if (e.key === 'Enter') {
      e.preventDefault();
      this.drawer?.finish();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.drawer?.cancel();
    }
  };

  private onMoveEnd(): void {
    if (!this.map) return;
    this.viewDirty = true;
    // A microtask, so a move caused while updating (the first fit) schedules a fresh update.
    queueMicrotask(() => this.requestUpdate());
  }

  private onZoomEnd(): void {
    this.ensureRegions();
  }

  /** Popup content as DOM nodes (CRM text only ever through textContent). */
  private openPopup(account: Account, at: L.LatLng): void {
    const map = this.map;
    if (!map) return;
    const box = document.createElement('div');
    box.className = 'popup';
    const name = document.createElement('strong');
    name.textContent = account.name;
    const rep = document.createElement('div');
    rep.textContent = this.repName(account.id) ?? 'Unassigned';
    const potential = document.createElement('div');
    potential.textContent = `Potential ${this.format(account.potential)}`;
    box.append(name, rep, potential);
    L.popup({ autoPan: false, closeButton: true }).setLatLng(at).setContent(box).openOn(map);
  }

  private repName(accountId: string): string | null {
    const state = this.state;
    if (!state) return null;
    const account = this.ix?.accounts[this.ix.positionOf.get(accountId) ?? -1];
    const repId = accountId in state.working ? state.working[accountId] : (account?.ownerId ?? null);
    if (repId === null) return null;
    return state.reps.find((r) => r.id === repId)?.name ?? repId;
  }

  private format(n: number, fmt = this.fmt): string {
    return fmt.currencyCompact(n);
  }

  // ——— territory editing ———

  /** Adds or removes the region under a position to / from the target territory (a new one when none is targeted). */
  paintAt(latlng: L.LatLng): RegionPaintDetail | null {
    const level = this.paintLevel === 'county' ? 'county' : 'state';
    const features = this.regions[level];
    const actions = this.plan.actions;
    const state = this.state;
    if (!this.editable || !actions || !state) return null;
    if (!features) {
      this._notice = 'Loading regions…';
      this.ensureRegions();
      return null;
    }
    const region = regionAt(features, latlng.lng, latlng.lat);
    if (!region) return null;
    let territories: Territory[];
    let territoryId = this.targetTerritory;
    let added = true;
    if (territoryId && state.territories.some((t) => t.id === territoryId)) {
      ({ territories, added } = toggleRegion(state.territories, territoryId, region.id));
    } else {
      territoryId = newId();
      territories = [...state.territories, { id: territoryId, name: `Territory ${state.territories.length + 1}`, repIds: [], priority: 0, definition: { regions: [region.id] } }];
    }
    if (!actions.setTerritories(territories, `${added ? 'Add' : 'Remove'} ${region.properties.name}`)) return null;
    this.targetTerritory = territoryId;
    const detail: RegionPaintDetail = { territoryId, region: region.id, level, added };
    this.dispatchEvent(new TkRegionPaintEvent(detail));
    return detail;
  }

  private commitPolygon(vertices: [number, number][]): void {
    const actions = this.plan.actions;
    const state = this.state;
    if (!this.editable || !actions || !state) return;
    const existing = this.targetTerritory && state.territories.some((t) => t.id === this.targetTerritory);
    const target = existing ? this.targetTerritory : { id: newId(), name: `Territory ${state.territories.length + 1}` };
    const result = addPolygon(state.territories, vertices, target);
    if (!actions.setTerritories(result.territories, result.created ? 'Draw territory' : 'Add polygon to territory')) return;
    this.targetTerritory = result.territoryId;
    const detail: TerritoryDrawnDetail = { territoryId: result.territoryId, created: result.created, geometry: result.geometry };
    this.dispatchEvent(new TkTerritoryDrawnEvent(detail));
  }

  // ——— keyboard list ———

  private onListKeyDown(e: KeyboardEvent): void {
    const n = this._inView.length;
    const ix = this.ix;
    if (!ix) return;
    const move = (to: number) => {
      e.preventDefault();
      this._active = Math.max(0, Math.min(n - 1, to));
      this.updateComplete.then(() => this.renderRoot.querySelector('.option.active')?.scrollIntoView({ block: 'nearest' }));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(this._active + 1);
      case 'ArrowUp':
        return move(this._active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(n - 1);
      case 'PageDown':
        return move(this._active + 10);
      case 'PageUp':
        return move(this._active - 10);
      case ' ':
      case 'Enter': {
        e.preventDefault();
        const i = this._inView[this._active];
        if (i === undefined) return;
        this.select([ix.accounts[i].id], e.key === 'Enter' && !e.shiftKey ? 'replace' : e.shiftKey ? 'add' : 'toggle');
        return;
      }
      case 'Escape':
        e.preventDefault();
        this.select([], 'replace');
        return;
      case 'a':
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          this.selectAllInView();
        }
        return;
    }
  }

  private onListFocus(): void {
    if (this._active < 0 && this._inView.length) this._active = 0;
  }

  private onOptionClick(k: number): void {
    this._active = k;
    const i = this._inView[k];
    if (i !== undefined && this.ix) this.select([this.ix.accounts[i].id], 'toggle');
  }

  /** Adds every account in view (not just the listed ones) to the selection. */
  selectAllInView(): void {
    const map = this.map;
    const ix = this.ix;
    if (!map || !ix) return;
    const b = map.getBounds();
    this.select(
      accountsIn(ix, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], true).map((i) => ix.accounts[i].id),
      'add',
    );
  }

  // ——— render ———

  protected override render() {
    const state = this.state;
    const summary = this.summary();
    return html`<div class="frame">
      ${this.compact ? nothing : this.renderToolbar(state)}
      <div class="body">
        <div class="stage">
          <div class="map" part="map" role="region" aria-roledescription="map" aria-label=${`${this.label}. ${summary}`}></div>
          <svg class="gesture" aria-hidden="true"></svg>
        </div>
        ${this.compact ? nothing : this.renderSide(summary)}
      </div>
    </div>`;
  }

  private summary(): string {
    const ix = this.ix;
    if (!ix) return 'No accounts loaded.';
    const parts = [`${ix.accounts.length} accounts on the map`];
    if (ix.withoutCoordinates) parts.push(`${ix.withoutCoordinates} without coordinates not shown`);
    return `${parts.join(', ')}.`;
  }

  private renderToolbar(state: PlanState | undefined) {
    const tool = (t: MapTool, text: string, title: string) =>
      html`<button type="button" aria-pressed=${this.tool === t ? 'true' : 'false'} title=${title} @click=${() => (this.tool = t)}>${text}</button>`;
    const editable = this.editable;
    const territories = state?.territories ?? [];
    return html`
      <div class="toolbar" part="toolbar" role="toolbar" aria-label="Map tools">
        <span class="group" role="group" aria-label="Select">
          ${tool('pan', 'Pan', 'Pan; click selects, shift-click adds, shift-drag box-selects')}
          ${tool('box', 'Box', 'Drag a box to select')}
          ${tool('lasso', 'Lasso', 'Draw around accounts to select')}
          <button type="button" @click=${() => this.selectAllInView()}>Select in view</button>
        </span>
        ${editable
          ? html`<span class="group" role="group" aria-label="Define territories">
              ${tool('paint', 'Paint regions', 'Click states or counties to add or remove them')}
              ${tool('draw', 'Draw', 'Click vertices; double-click or Enter to finish, Escape to cancel')}
              <select aria-label="Territory to edit" .value=${this.targetTerritory} @change=${(e: Event) => (this.targetTerritory = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.targetTerritory}>New territory</option>
                ${territories.map((t) => html`<option value=${t.id} ?selected=${t.id === this.targetTerritory}>${t.name}</option>`)}
              </select>
              ${this.tool === 'paint'
                ? html`<select aria-label="Region level" .value=${this.paintLevel} @change=${(e: Event) => (this.paintLevel = (e.target as HTMLSelectElement).value as RegionLevel)}>
                    <option value="state">States</option>
                    <option value="county">Counties</option>
                  </select>`
                : nothing}
              ${this.tool === 'draw' && this._vertices
                ? html`<button type="button" ?disabled=${this._vertices < 3} @click=${() => this.drawer?.finish()}>Finish (${this._vertices})</button>
                    <button type="button" @click=${() => this.drawer?.cancel()}>Cancel</button>`
                : nothing}
            </span>`
          : nothing}
        <span class="group" role="group" aria-label="Layers">
          <button type="button" aria-pressed=${this.hulls ? 'true' : 'false'} @click=${() => (this.hulls = !this.hulls)}>Rep outlines</button>
          <select aria-label="Heat layer" .value=${this.heat} @change=${(e: Event) => (this.heat = (e.target as HTMLSelectElement).value as HeatMode)}>
            <option value="off">No heat layer</option>
            <option value="potential">Potential heat</option>
            <option value="whitespace">Whitespace heat</option>
          </select>
          <select aria-label="Colour by" .value=${this.colorBy} @change=${(e: Event) => (this.colorBy = (e.target as HTMLSelectElement).value as ColorBy)}>
            <option value="rep">Colour by rep</option>
            <option value="territory">Colour by territory</option>
          </select>
        </span>
      </div>
    `;
  }

  private renderSide(summary: string) {
    const ix = this.ix;
    const items = this._inView;
    const active = this._active;
    const activeId = active >= 0 && items[active] !== undefined ? `tk-opt-${items[active]}` : undefined;
    const swatch = (i: number) => styleProps({ background: this.colors[this.colorOf[i]] ?? UNASSIGNED_COLOR });
    const fmt = this.fmt; // once per render: resolving the locale is not free
    const status = [
      `${this._inViewTotal} in view${this._inViewTotal > items.length ? `, first ${items.length} listed` : ''}`,
      `${this.selectedCount} selected`,
    ];
    if (this._notice) status.push(this._notice);
    return html`
      <div class="side">
        <ul class="legend" tabindex="0" aria-label=${this.colorBy === 'territory' ? 'Territories' : 'Reps'}>
          ${this.legend.slice(0, 24).map((l) => html`<li><span class="swatch" style=${styleProps({ background: l.color })}></span>${l.name}</li>`)}
        </ul>
        <ul
          class="list"
          part="list"
          role="listbox"
          tabindex="0"
          aria-multiselectable="true"
          aria-label="Accounts in view"
          aria-activedescendant=${activeId ?? nothing}
          @keydown=${this.onListKeyDown}
          @focus=${this.onListFocus}
        >
          ${ix
            ? items.map((i, k) => {
                const a = ix.accounts[i];
                return html`<li
                  id=${`tk-opt-${i}`}
                  class=${k === active ? 'option active' : 'option'}
                  role="option"
                  aria-selected=${this.selected[i] ? 'true' : 'false'}
                  @click=${() => this.onOptionClick(k)}
                >
                  <span class="check" aria-hidden="true"></span><span class="swatch" aria-hidden="true" style=${swatch(i)}></span
                  ><span class="name">${a.name}</span><span class="meta">${this.format(a.potential, fmt)}</span>
                </li>`;
              })
            : nothing}
        </ul>
        <p class="status" part="status" aria-live="polite">${status.join(' · ')}. ${summary}</p>
      </div>
    `;
  }
}

/** `#rgb` / `#rrggbb` at 30% opacity (`#rrggbb4d`). */
function fade(hex: string): string {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex.slice(0, 7);
  return `${full}4d`;
}

