import type { L } from '../leaflet.js';
import { CanvasLayer, type CanvasLayerOptions } from './canvas-layer.js';
import { accountsIn, type AccountIndex } from '../controllers/account-index.js';

export interface HeatLayerOptions extends CanvasLayerOptions {
  /** Grid cell size in CSS pixels. Default 28. */
  cell?: number;
}

export interface HeatData {
  ix: AccountIndex;
  /** Weight per account position (potential, or whitespace potential). */
  weight: Float64Array;
  /** RGB of the hottest cell, e.g. `[230, 85, 13]`. */
  rgb: readonly [number, number, number];
}

/**
 * A density grid of account weight in screen space: each cell's opacity grows with the square root
 * of its summed weight relative to the heaviest cell in view.
 */
export class HeatLayer extends CanvasLayer {
  private data: HeatData | null = null;
  private readonly cell: number;
  /** The heaviest cell's weight at the last draw. */
  maxCell = 0;

  constructor(options: HeatLayerOptions = {}) {
    super(options);
    this.cell = options.cell ?? 28;
  }

  setData(data: HeatData | null): void {
    this.data = data;
    this.redraw();
  }

  protected override draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    const d = this.data;
    this.maxCell = 0;
    if (!d) return;
    const cell = this.cell;
    const cols = Math.ceil(this.width / cell);
    const rows = Math.ceil(this.height / cell);
    const grid = new Float64Array(cols * rows);
    const scale = 256 * Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const ox = origin.x + this.topLeft.x;
    const oy = origin.y + this.topLeft.y;
    for (const i of accountsIn(d.ix, this.canvasBox())) {
      const w = d.weight[i];
      if (!w) continue;
      const cx = Math.floor((d.ix.mx[i] * scale - ox) / cell);
      const cy = Math.floor((d.ix.my[i] * scale - oy) / cell);
      if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) continue;
      grid[cy * cols + cx] += w;
    }
    let max = 0;
    for (const v of grid) if (v > max) max = v;
    this.maxCell = max;
    if (!max) return;
    const [r, g, b] = d.rgb;
    for (let k = 0; k < grid.length; k++) {
      if (!grid[k]) continue;
      ctx.fillStyle = `rgba(${r},${g},${b},${(0.1 + 0.6 * Math.sqrt(grid[k] / max)).toFixed(3)})`;
      ctx.fillRect((k % cols) * cell, Math.floor(k / cols) * cell, cell, cell);
    }
  }
}
