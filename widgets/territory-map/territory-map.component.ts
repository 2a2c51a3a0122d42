import { html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { TkElement } from '../shared/tk-element.js';
import { isOne } from '../shared/plural.js';
import { tokens } from '../shared/tokens.styles.js';
import { PlanController } from '../shared/plan-controller.js';
import { same } from '../shared/same.js';
import type { PlanState } from '../../src/store/types.js';
import type { Account } from '../../src/model/account.js';
import { L } from './leaflet.js';
import { leafletStyles } from './leaflet.styles.js';
import { territoryMapStyles } from './territory-map.styles.js';
import { AccountLayer } from './layers/account-layer.js';
import { TextAttribution } from './layers/text-attribution.js';
import type { AccountIndex } from './controllers/account-index.js';
import type { Coloring } from './controllers/coloring.js';
import { UNASSIGNED_COLOR } from './controllers/colors.js';
import { MapData } from './controllers/map-data.js';
import { SelectionGesture } from './controllers/selection-gesture.js';
import { MapSelection, modeFor } from './controllers/map-selection.js';
import { AccountList } from './controllers/account-list.js';
import { RegionController } from './controllers/region-controller.js';
import { TerritoryDrawing } from './controllers/territory-drawing.js';
import { OutlineLayers } from './controllers/outline-layers.js';
import { HeatController, type HeatMode } from './controllers/heat-controller.js';
import { PreviewController } from './controllers/preview-controller.js';
import { MapLegend } from './controllers/map-legend.js';
import { MapFocus } from './controllers/map-focus.js';
import { MapThemeController, type MapPalette } from './controllers/map-theme.js';
import type { RegionLevel } from './basemap.js';
import type { RegionPaintDetail } from './events/region-paint-event.js';
import { mapToolbar } from './map-toolbar.js';
import type { TkAlertsChangeEvent } from '../events/alerts-change-event.js';

/** The alert badge is a chunk loaded when the panel first announces its alert counts. */
let badge: typeof import('./alerts-badge.js') | null = null;

export type MapTool = 'pan' | 'box' | 'lasso' | 'paint' | 'draw';
export type ColorBy = 'rep' | 'territory';
export type { HeatMode };
export type BasemapMode = 'auto' | 'states' | 'counties' | 'none';

const US_CENTER: L.LatLngTuple = [39.5, -98.35];
/** Least zoom when centring on `focus-account` (about a metro area). */
const FOCUS_ZOOM = 10;
/** Panes, bottom to top: basemap, territories, heat, accounts, painting overlay, rebalance preview, drawing. */
const PANES = [['tk-counties', 240], ['tk-basemap', 250], ['tk-territories', 350], ['tk-heat', 380], ['tk-accounts', 450], ['tk-paint', 460], ['tk-preview', 470], ['tk-draw', 500]] as const;

/**
 * @summary A map of the plan's accounts (clustered canvas, coloured by rep or territory) with selection
 * tools, territory boundaries, a potential / whitespace heat layer and region painting / polygon
 * drawing to define territories — plus a keyboard-operable list of the accounts in view.
 *
 * Ownership shows at every zoom: each cluster is a donut split by its accounts' reps (or territories,
 * following "Colour by"); regions and drawn territories are shaded by territory or by owner; a focused
 * rep or territory (`state.focusRepId` / `focusTerritoryId`, set from the legend or the panel) fades
 * the rest and fits the view; the store's `previewAssignments` (the panel's rebalance preview) is drawn
 * as from → to marks. The basemap follows the theme (dark when `--tk-color-surface` is dark).
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
 * @csspart legend - The collapsible, searchable colour legend (entries focus their rep or territory).
 * @csspart heat-legend - The heat layer's colour ramp and what it measures.
 * @csspart alert-badge - The plan's alert count over the map (worst severity's colour and count; shown once a
 *   `<tk-rep-assignment-panel>` in the same provider announces alerts with `tk-alerts-change`); activating it
 *   opens and focuses the panel's alert list.
 * @csspart preview-legend - What the rebalance preview marks mean, with the number of moves.
 *
 * @cssproperty [--tk-map-height=420px] - Element height (220px in compact mode); a height set on the element itself wins.
 * @cssproperty [--tk-map-list-width=16rem] - Width of the account list.
 * @cssproperty [--tk-map-accent=var(--tk-color-brand)] - Accent colour (pressed tools, focus, selection).
 * @cssproperty [--tk-map-land=#f6f6f2] - Land fill of the offline basemap (default #2b3035 in a dark theme).
 * @cssproperty [--tk-map-water=#dde8f2] - Map background (water) behind the offline basemap (default #121a22 in a dark theme).
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
    _vertices: { state: true },
    _notice: { state: true },
    _alerts: { state: true },
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
  /** Heat layer: `potential`, `whitespace` (unassigned or untouched potential) or `off` (default): a smooth surface with a legend. */
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
  /** Accessible name of the map. Default "Territory map" (in the UI language). */
  declare label: string;
  /**
   * An account to centre the view on (zoom at least FOCUS_ZOOM) once the plan is drawn, and whenever
   * this changes — e.g. the account of the CRM record page (attribute `focus-account`); it is drawn as
   * a pin above clusters and points. A `compact` map (the card's) stays fitted to its accounts (the
   * rep's book, which holds the account). Ignored while the plan has no such account with coordinates.
   */
  declare focusAccount: string | undefined;

  declare private _vertices: number;
  declare private _notice: string;

  /** Plan state and actions from the provider (asks again when the provider is defined after this element). */
  private readonly plan = new PlanController(this);

  private map: L.Map | null = null;
  private accountLayer: AccountLayer | null = null;
  private tileLayer: L.TileLayer | null = null;
  private attribution: TextAttribution | null = null;
  private gesture: SelectionGesture | null = null;
  private resizeObserver: ResizeObserver | null = null;

  private readonly theme$ = new MapThemeController(this, { onChange: (p) => this.onPalette(p) });
  private readonly selection = new MapSelection(this, { map: () => this.map, ix: () => this.ix, select: (ids, mode) => this.plan.actions?.select(ids, mode) });
  private readonly list = new AccountList(this, {
    map: () => this.map,
    ix: () => this.ix,
    selected: () => this.selection.selected,
    colorOf: (i) => {
      const c = this.data.coloring;
      return c ? c.colors[c.colorOf[i]] : UNASSIGNED_COLOR;
    },
    format: (n) => this.fmt.currencyCompact(n),
    select: (ids, mode) => this.plan.actions?.select(ids, mode),
    selectAllInView: () => this.selection.allInView(),
    root: () => this.renderRoot,
  });
  private readonly regions = new RegionController(this, {
    map: () => this.map,
    basemap: () => this.basemap,
    basemapUrl: () => this.basemapUrl,
    tiles: () => !!this.tileUrl,
    painting: () => this.tool === 'paint',
    paintLevel: () => this.paintLevel,
    palette: () => this.theme$.palette,
    paint: () => this.data.regionPaint,
    onError: (message) => (this._notice = msg(str`Could not load the basemap: ${message}`)),
  });
  private readonly drawing = new TerritoryDrawing(this, {
    state: () => this.state,
    actions: () => this.plan.actions,
    editable: () => this.editable,
    target: () => this.targetTerritory,
    setTarget: (id) => (this.targetTerritory = id),
    paintLevel: () => this.paintLevel,
    regions: (level) => this.regions.features[level],
    load: () => this.regions.ensure(),
    notice: (text) => (this._notice = text),
    onVertices: (n) => (this._vertices = n),
  });
  private readonly outlines = new OutlineLayers(this);
  private readonly heatLayer = new HeatController(this);
  private readonly preview = new PreviewController(this);
  private readonly focusFit = new MapFocus(this, { map: () => this.map });
  private readonly legend = new MapLegend(this, {
    focused: () => (this.colorBy === 'territory' ? (this.state?.focusTerritoryId ?? null) : (this.state?.focusRepId ?? null)),
    focus: (key) => {
      const a = this.plan.actions;
      if (this.colorBy === 'territory') a?.focusTerritory?.(key);
      else a?.focusRep(key);
    },
    format: (n) => this.fmt.number(n, 0),
  });

  /** Index, clusters, colouring and region paint, derived from the plan. */
  private readonly data = new MapData(this, {
    repId: () => this.repId,
    colorBy: () => this.colorBy,
    noCluster: () => this.noCluster,
    clusterBy: () => this.clusterBy,
  });
  private fitted: unknown = null;
  /** The focus-account and index the view was last centred for. */
  private focusedKey: unknown[] = [];
  private lastPushed: unknown[] = [];
  /** Set when the map moved: the list of accounts in view is recomputed at the next update. */
  private viewDirty = false;
  /** True from the map's creation to its first frame (the list waits for the map to paint). */
  private listDeferred = false;

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
    this.label = '';
    this._vertices = 0;
    this._notice = '';
    this._alerts = null;
  }

  /** What the account layer drew last (mode, points, clusters, ms), for tests and benchmarks. */
  get renderStats(): { mode: 'points' | 'clusters' | 'grid'; points: number; clusters: number; ms: number; draws: number } | null {
    const l = this.accountLayer;
    return l ? { ...l.stats, draws: l.draws } : null;
  }

  /** The account index (from MapData). */
  private get ix(): AccountIndex | null {
    return this.data.ix;
  }

  private get coloring(): Coloring | null {
    return this.data.coloring;
  }

  private get state(): PlanState | undefined {
    return this.plan.state;
  }

  private get editable(): boolean {
    return !!this.plan.actions && this.plan.canEdit && !this.compact;
  }

  /** The panel's alert counts and the panel (from its `tk-alerts-change`), for the badge. */
  declare private _alerts: [TkAlertsChangeEvent['counts'], Element] | null;
  private alertsFrom: EventTarget | null = null;
  private onAlerts = (e: TkAlertsChangeEvent) => {
    this._alerts = [e.counts, e.composedPath()[0] as Element];
    if (!badge) import('./alerts-badge.js').then((m) => ((badge = m), this.requestUpdate()), (error) => console.warn('territory-kit: could not load the alert badge', error));
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.alertsFrom?.removeEventListener('tk-alerts-change', this.onAlerts as EventListener);
    this.resizeObserver?.disconnect();
    this.gesture?.detach();
    this.map?.remove();
    this.map = null;
    this.accountLayer = null;
    this.tileLayer = null;
    this.attribution = null;
    // The next map starts empty: push everything to it again.
    this.lastPushed = [];
    this.fitted = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The panel announces its alert counts (bubbling, composed): the provider's, else the page's.
    (this.alertsFrom = this.closest('tk-territory-provider') ?? document).addEventListener('tk-alerts-change', this.onAlerts as EventListener);
    // Reconnected after a disconnect: the map was torn down, build it again.
    if (this.hasUpdated && !this.map) this.updateComplete.then(() => this.createMap());
  }

  protected override firstUpdated(): void {
    this.createMap();
  }

  protected override willUpdate(): void {
    const dataChanged = this.derive();
    if (this.map && !this.listDeferred && !this.compact && (dataChanged || this.viewDirty)) {
      this.viewDirty = false;
      this.list.update();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    if (changed.has('theme')) this.theme$.read();
    if (changed.has('tool')) this.applyTool(changed.get('tool') as MapTool | undefined);
    if (changed.has('tileUrl') || changed.has('tileAttribution') || changed.has('basemap') || changed.has('basemapUrl')) this.applyBasemap();
    if (changed.has('tool') || changed.has('paintLevel')) this.regions.ensure();
    if (changed.has('uiLanguage') || changed.has('label')) this.labelControls();
    this.push();
  }

  /** Leaflet's zoom buttons carry English titles: name them in the UI language. */
  private labelControls(): void {
    const root = this.renderRoot;
    for (const [sel, text] of [['.leaflet-control-zoom-in', msg('Zoom in')], ['.leaflet-control-zoom-out', msg('Zoom out')]] as const) {
      const b = root.querySelector(sel);
      b?.setAttribute('title', text);
      b?.setAttribute('aria-label', text);
    }
  }

  // ——— map lifecycle ———

  private createMap(): void {
    const el = this.renderRoot.querySelector<HTMLDivElement>('.map');
    const overlay = this.renderRoot.querySelector<SVGSVGElement>('.gesture');
    // Leaflet reads the container's computed style and size: only build while in the document.
    if (!el || !overlay || this.map || !this.isConnected) return;
    // zoomSnap 0.25: a fit uses the room (a whole-number zoom leaves up to half the map empty).
    const map = L.map(el, { center: US_CENTER, zoom: 4, minZoom: 2, maxZoom: 16, zoomSnap: 0.25, zoomDelta: 0.5, boxZoom: false, zoomControl: true, worldCopyJump: false });
    this.map = map;
    for (const [name, z] of PANES) map.createPane(name).style.zIndex = String(z);
    const vectors = L.canvas({ pane: 'tk-territories' });
    this.outlines.attach(map, vectors);
    this.heatLayer.attach(map);
    this.accountLayer = new AccountLayer({ pane: 'tk-accounts' }).addTo(map);
    this.preview.attach(map, () => this.accountLayer?.marks ?? []);
    this.drawing.attach(map, L.canvas({ pane: 'tk-draw' }));
    map.on('moveend', this.onMoveEnd, this);
    map.on('click', this.onMapClick, this);
    map.on('dblclick', () => this.tool === 'draw' && this.drawing.finish());
    map.on('zoomend', () => this.regions.ensure());
    this.gesture = new SelectionGesture(map, el, overlay, {
      kindFor: (e) => (this.tool === 'box' || this.tool === 'lasso' ? this.tool : this.tool === 'pan' && e.shiftKey ? 'box' : null),
      onBox: (a, b, e) => this.selection.box(a, b, modeFor(e)),
      onLasso: (points, e) => this.selection.lasso(points, modeFor(e)),
    });
    this.gesture.attach();
    map.on('tk-gesture-end', () => this.tool === 'pan' && map.dragging.enable());
    el.addEventListener('keydown', this.onMapKeyDown);
    this.resizeObserver = new ResizeObserver(() => {
      map.invalidateSize({ pan: false });
      if (this.compact) this.fitted = null; // a card keeps its accounts in view when resized
      this.push();
    });
    this.resizeObserver.observe(el);
    this.theme$.read();
    this.onPalette(this.theme$.palette);
    this.applyTool(undefined);
    this.applyBasemap();
    this.labelControls();
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
    if (previous === 'draw' && this.tool !== 'draw') this.drawing.cancel();
    if (this.tool === 'box' || this.tool === 'lasso') map.dragging.disable();
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
        // No attribution option: Leaflet's control would write it with innerHTML. TextAttribution writes text.
        this.tileLayer = L.tileLayer(this.tileUrl).addTo(map);
      }
    } else if (this.tileLayer) {
      this.tileLayer.remove();
      this.tileLayer = null;
    }
    const text = this.tileUrl && this.tileAttribution ? this.tileAttribution : '';
    if (text && !this.attribution) this.attribution = new TextAttribution(text).addTo(map);
    else if (text) this.attribution!.setText(text);
    else if (this.attribution) {
      this.attribution.remove();
      this.attribution = null;
    }
    this.regions.ensure();
  }

  /** The theme changed: basemap colours, water, cluster centres, dark tiles. */
  private onPalette(p: MapPalette): void {
    const el = this.map?.getContainer();
    if (!el) return;
    el.style.setProperty('background', p.water);
    el.classList.toggle('dark', p.dark);
    this.regions.restyle();
    this.lastPushed = [];
    this.requestUpdate();
  }

  // ——— data sync ———

  /** Rebuilds whatever derived data changed (index, clusters, colours, selection, preview); returns whether any did. */
  private derive(): boolean {
    const state = this.state;
    let changed = this.data.derive(state, () => this.regions.ensure());
    const ix = this.data.ix!;
    changed = this.selection.sync(ix, state?.selection ?? []) || changed;
    this.preview.derive(state, ix);
    return changed;
  }

  /** Hands changed data to the Leaflet layers, then fits the view when due. */
  private push(): void {
    const map = this.map;
    const { ix, coloring, clusters } = this.data;
    if (!map || !ix || !coloring || !this.accountLayer) return;
    const state = this.state;
    const focus = ix.positionOf.get(this.focusAccount!) ?? -1; // none without focus-account
    const changed = [ix, clusters, coloring, this.selection.selected, this.heat, focus];
    if (!same(changed, this.lastPushed)) {
      this.lastPushed = changed;
      const p = this.theme$.palette;
      this.accountLayer.setData({
        ix,
        colorOf: coloring.colorOf,
        colors: coloring.colors,
        selected: this.selection.selected,
        selectedCount: this.selection.count,
        clusters,
        clusterMaxZoom: 9,
        clusterBy: this.clusterBy,
        look: { centre: p.surface, text: p.text, centreAlpha: this.heat === 'off' ? 0.92 : 0.6 },
        focus,
      });
      this.preview.redraw();
    }
    this.outlines.syncTerritories(state?.territories ?? [], this.data.paintOf);
    this.outlines.syncHulls(this.hulls, ix, this.data.repOf, state?.working, state?.reps ?? []);
    this.heatLayer.sync(this.heat, ix, this.data.repOf, state?.working);
    this.preview.push();

    // Fit once the container has a size (a hidden or unsized container would fit to nothing).
    if (ix.bbox && map.getSize().x > 0 && map.getSize().y > 0 && this.fitted !== ix && (this.fitted === null || this.compact)) {
      this.fitted = ix;
      const [w, s, e, n] = ix.bbox;
      // Padding: cluster donuts reach up to 28 px beyond their centre.
      map.fitBounds([[s, w], [n, e]], { padding: [28, 28], maxZoom: 11, animate: false });
    }
    if (this.fitted !== null) this.focusFit.sync(state?.focusRepId ?? null, state?.focusTerritoryId ?? null, ix, coloring);
    // Centre on focus-account after the first fit, and again when it (or the plan) changes.
    const focusKey = [this.focusAccount, ix];
    if (this.focusAccount && this.fitted !== null && !same(focusKey, this.focusedKey)) {
      const i = ix.positionOf.get(this.focusAccount);
      if (i !== undefined) {
        this.focusedKey = focusKey;
        // A card's small map stays fitted to its book (the rep's territory), the account pinned in it.
        if (!this.compact) map.setView([ix.lat[i], ix.lng[i]], Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
      }
    }
  }

  // ——— interaction ———

  /** Selects the accounts inside the box between two container points. */
  selectBox(a: L.Point, b: L.Point, mode: Parameters<MapSelection['box']>[2] = 'replace'): string[] {
    return this.selection.box(a, b, mode);
  }

  /** Selects the accounts inside the polygon through these container points. */
  selectLasso(points: readonly L.Point[], mode: Parameters<MapSelection['lasso']>[1] = 'replace'): string[] {
    return this.selection.lasso(points, mode);
  }

  /** Adds every account in view (not just the listed ones) to the selection. */
  selectAllInView(): void {
    this.selection.allInView();
  }

  /** Adds or removes the region under a position to / from the target territory (a new one when none is targeted). */
  paintAt(latlng: L.LatLng): RegionPaintDetail | null {
    return this.drawing.paintAt(latlng);
  }

  private onMapClick(e: L.LeafletMouseEvent): void {
    if (this.gesture?.suppressClick) {
      this.gesture.suppressClick = false;
      return;
    }
    if (this.tool === 'paint') return void this.drawing.paintAt(e.latlng);
    if (this.tool === 'draw') return this.drawing.add(e.latlng);
    const ix = this.ix!;
    const move = this.preview.hitTest(e.containerPoint);
    const mode = modeFor(e.originalEvent);
    if (move) {
      const account = ix.accounts[move.position];
      this.plan.actions?.select([account.id], mode);
      return this.openPopup(account, L.latLng(account.lat!, account.lng!));
    }
    const hit = this.accountLayer?.hitTest(e.containerPoint);
    if (!hit) {
      if (mode === 'replace') this.plan.actions?.select([], 'replace');
      return;
    }
    if (hit.kind === 'cluster') {
      const clusters = this.data.clusters;
      const sc = clusters && clusters !== 'pending' && hit.clusterId >= 0 ? clusters : null;
      if (mode !== 'replace' && sc) {
        this.plan.actions?.select(sc.getLeaves(hit.clusterId, Infinity).map((f) => ix.accounts[f.properties.i!].id), mode);
      } else {
        const zoom = sc ? sc.getClusterExpansionZoom(hit.clusterId) : this.map!.getZoom() + 2;
        this.map!.setView(e.latlng, Math.min(zoom, this.map!.getMaxZoom()));
      }
      return;
    }
    const account = ix.accounts[hit.position];
    this.plan.actions?.select([account.id], mode);
    this.openPopup(account, L.latLng(account.lat!, account.lng!));
  }

  private readonly onMapKeyDown = (e: KeyboardEvent): void => {
    if (this.tool !== 'draw' || (e.key !== 'Enter' && e.key !== 'Escape')) return;
    e.preventDefault();
    if (e.key === 'Enter') this.drawing.finish();
    else this.drawing.cancel();
  };

  private onMoveEnd(): void {
    if (!this.map) return;
    this.viewDirty = true;
    // A microtask, so a move caused while updating (the first fit) schedules a fresh update.
    queueMicrotask(() => this.requestUpdate());
  }

  /** Popup content as DOM nodes (CRM text only ever through textContent). */
  private openPopup(account: Account, at: L.LatLng): void {
    const map = this.map;
    const state = this.state;
    if (!map || !state) return;
    const repName = (id: string | null) => (id === null ? msg('Unassigned') : (state.reps.find((r) => r.id === id)?.name ?? id));
    const line = (text: string) => {
      const div = document.createElement('div');
      div.textContent = text;
      return div;
    };
    const box = document.createElement('div');
    box.className = 'popup';
    const name = document.createElement('strong');
    name.textContent = account.name;
    const rep = this.data.repOf(account);
    box.append(name, line(repName(rep)), line(msg(str`Potential ${this.fmt.currencyCompact(account.potential)}`)));
    const preview = state.previewAssignments;
    if (preview && Object.hasOwn(preview, account.id) && preview[account.id] !== rep) {
      box.append(line(msg(str`Rebalance preview: ${repName(rep)} → ${repName(preview[account.id])}`)));
    }
    const popup = L.popup({ autoPan: false, closeButton: true }).setLatLng(at).setContent(box).openOn(map);
    popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', msg('Close'));
  }

  // ——— render ———

  protected override render() {
    const summary = this.summary();
    return html`<div class="frame">
      ${this.compact ? nothing : mapToolbar(this, this.state?.territories ?? [], this._vertices, { selectAllInView: () => this.selection.allInView(), finish: () => this.drawing.finish(), cancel: () => this.drawing.cancel(), editable: this.editable })}
      <div class="body">
        <div class="stage">
          <div class="map" part="map" role="region" aria-roledescription=${msg('map')} aria-label=${`${this.label || msg('Territory map')}. ${summary}`}></div>
          <svg class="gesture" aria-hidden="true"></svg>
          ${(badge && this._alerts && badge.alertsBadge(this, this.fmt, ...this._alerts)) || nothing}
        </div>
        ${this.compact ? nothing : this.renderSide(summary)}
      </div>
    </div>`;
  }

  private summary(): string {
    const ix = this.ix;
    if (!ix) return msg('No accounts loaded.');
    const fmt = this.fmt;
    const n = fmt.number(ix.accounts.length, 0);
    const onMap = isOne(ix.accounts.length) ? msg(str`${n} account on the map.`) : msg(str`${n} accounts on the map.`);
    if (!ix.withoutCoordinates) return onMap;
    const m = fmt.number(ix.withoutCoordinates, 0);
    return `${onMap} ${msg(str`Not shown (no coordinates): ${m}.`)}`;
  }

  private renderSide(summary: string) {
    const fmt = this.fmt; // once per render: resolving the locale is not free
    const count = (n: number) => fmt.number(n, 0);
    const inView = count(this.list.total);
    const status = [
      this.list.total > this.list.items.length
        ? msg(str`${inView} in view, first ${count(this.list.items.length)} listed`)
        : msg(str`${inView} in view`),
      msg(str`${count(this.selection.count)} selected`),
    ];
    if (this._notice) status.push(this._notice);
    return html`
      <div class="side">
        ${this.legend.render(this.coloring?.legend ?? [], this.colorBy)}
        ${this.heatLayer.renderLegend(this.heat)}
        ${this.preview.renderLegend(count)}
        ${this.list.render()}
        <p class="status" part="status" aria-live="polite">${status.join(' · ')} · ${summary}</p>
      </div>
    `;
  }
}
