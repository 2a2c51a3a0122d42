import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { isOne } from '../../shared/plural.js';
import type { L } from '../leaflet.js';
import type { PlanState } from '../../../src/store/types.js';
import { same } from '../../shared/same.js';
import type { PreviewLayer, PreviewMove } from '../layers/preview-layer.js';
import type { ClusterMark } from '../layers/cluster-marks.js';
import { toMercator } from './mercator.js';
import type { AccountIndex } from './account-index.js';
import { colorsFor, UNASSIGNED_COLOR } from './colors.js';

/** The preview layer is a chunk loaded the first time there is a preview to draw. */
type PreviewLayerModule = typeof import('../layers/preview-layer.js');
let previewLoad: Promise<PreviewLayerModule> | null = null;
function loadPreviewLayer(): Promise<PreviewLayerModule> {
  return (previewLoad ??= import('../layers/preview-layer.js').catch((error) => {
    previewLoad = null;
    throw error;
  }));
}
let previewModule: PreviewLayerModule | null = null;

/** Web Mercator of a rep's home, or null (as the preview layer's `homeOf`). */
const homeOf = (home: { lat: number; lng: number } | null | undefined): [number, number] | null => (home ? toMercator(home.lng, home.lat) : null);

/**
 * The proposed plan the store holds (`previewAssignments`, e.g. the panel's rebalance preview) drawn
 * on the map: the accounts whose rep would change, from → to, above everything else.
 */
export class PreviewController implements ReactiveController {
  private layer: PreviewLayer | null = null;
  private map: L.Map | null = null;
  private key: unknown[] = [];
  private pushed: unknown = null;
  /** The moves drawn (accounts on the map whose proposed rep differs from the working plan's). */
  moves: PreviewMove[] = [];
  /** Moves of accounts without coordinates (counted in the legend, not drawn). */
  unplaced = 0;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.layer = this.map = null;
    this.pushed = null;
  }

  /** `clusters`: the account layer's cluster marks of its last draw (a cluster's moves get one badge on its rim). */
  attach(map: L.Map, clusters: () => readonly ClusterMark[]): void {
    this.map = map;
    this.clusters = clusters;
    this.layer = previewModule ? this.make(previewModule, map) : null;
    this.pushed = null;
  }

  private clusters: () => readonly ClusterMark[] = () => [];

  private make(m: PreviewLayerModule, map: L.Map): PreviewLayer {
    const layer = new m.PreviewLayer({ pane: 'tk-preview' });
    layer.clusters = this.clusters;
    return layer.addTo(map);
  }

  /** Draws the preview again (after the account layer redrew for new data: its clusters may have changed). */
  redraw(): void {
    if (this.moves.length) this.layer?.redraw();
  }

  /** Works out the moves to draw when the preview, the plan or the index changed (before rendering: the legend counts them). */
  derive(state: PlanState | undefined, ix: AccountIndex): void {
    const preview = state?.previewAssignments ?? null;
    const key = [preview, ix, state?.working, state?.reps];
    if (!state || same(key, this.key)) return;
    this.key = key;
    this.moves = [];
    this.unplaced = 0;
    if (preview) {
      const colors = colorsFor(state.reps.map((r) => r.id));
      const homes = new Map(state.reps.map((r) => [r.id, homeOf(r.home)]));
      const colorOf = (rep: string | null) => (rep === null ? UNASSIGNED_COLOR : (colors.get(rep) ?? UNASSIGNED_COLOR));
      for (const id of Object.keys(preview)) {
        const to = preview[id];
        const from = Object.hasOwn(state.working, id) ? state.working[id] : null;
        if (to === from) continue;
        const i = ix.positionOf.get(id);
        if (i === undefined) {
          this.unplaced++;
          continue;
        }
        this.moves.push({ position: i, mx: ix.mx[i], my: ix.my[i], from: colorOf(from), to: colorOf(to), home: to === null ? null : (homes.get(to) ?? null) });
      }
    }
  }

  /** Hands the moves to the layer (after the map exists). */
  push(): void {
    const map = this.map;
    if (!this.layer && map && this.moves.length) {
      // First preview: load the layer's chunk, then draw the moves of that moment (if still on this map).
      loadPreviewLayer()
        .then((m) => {
          previewModule = m;
          if (this.map !== map || this.layer) return;
          this.layer = this.make(m, map);
          this.pushed = null;
          this.push();
        })
        .catch((error) => console.warn('territory-kit: could not load the preview layer', error));
      return;
    }
    if (this.layer && this.pushed !== this.moves) {
      this.pushed = this.moves;
      this.layer.setMoves(this.moves);
    }
  }

  /** The move under a container point, or null. */
  hitTest(p: L.Point): PreviewMove | null {
    return this.layer?.hitTest(p) ?? null;
  }

  /** Markers drawn at the last draw. */
  get shown(): number {
    return this.layer?.shown ?? 0;
  }

  renderLegend(format: (n: number) => string) {
    const n = this.moves.length + this.unplaced;
    if (!n) return nothing;
    return html`<p class="preview-legend" part="preview-legend">
      <span class="move-mark" aria-hidden="true"></span>
      <span>${isOne(n) ? msg(str`Rebalance preview: ${format(n)} account would move.`) : msg(str`Rebalance preview: ${format(n)} accounts would move.`)}
        ${this.unplaced ? msg(str`Not drawn (no coordinates): ${format(this.unplaced)}.`) : nothing}
        ${msg('Ring: new rep · dot: current rep · line: to the new rep’s home.')}
        ${msg('On a cluster: how many of its accounts would move.')}</span>
    </p>`;
  }
}
