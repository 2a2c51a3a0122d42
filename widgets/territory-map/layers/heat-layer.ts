import type { L } from '../leaflet.js';
import { CanvasLayer, type CanvasLayerOptions } from './canvas-layer.js';
import { accountsIn, type AccountIndex } from '../controllers/account-index.js';
import { heatRamp, type HeatStop } from './heat-ramp.js';

export interface HeatLayerOptions extends CanvasLayerOptions {
  /** Density grid cell in CSS pixels (the surface is blurred, then scaled up smoothly). Default 4. */
  cell?: number;
  /** Kernel radius in CSS pixels (how far one account's weight spreads). Default 28. */
  radius?: number;
}

export interface HeatData {
  ix: AccountIndex;
  /** Weight per account position (potential, or whitespace potential). */
  weight: Float64Array;
  /** Colour stops from cold (transparent) to hot, each `[t, [r, g, b, a]]` with t and a in 0..1. */
  stops: readonly HeatStop[];
}

/** Three box blurs approximate a Gaussian (the classic fast blur). */
function boxBlur(src: Float32Array, tmp: Float32Array, cols: number, rows: number, r: number): void {
  const w = 2 * r + 1;
  for (let pass = 0; pass < 3; pass++) {
    // Horizontal: src → tmp.
    for (let y = 0; y < rows; y++) {
      const row = y * cols;
      let acc = 0;
      for (let x = -r; x <= r; x++) if (x >= 0 && x < cols) acc += src[row + x];
      for (let x = 0; x < cols; x++) {
        tmp[row + x] = acc / w;
        const out = x - r;
        const inn = x + r + 1;
        if (out >= 0) acc -= src[row + out];
        if (inn < cols) acc += src[row + inn];
      }
    }
    // Vertical: tmp → src.
    for (let x = 0; x < cols; x++) {
      let acc = 0;
      for (let y = -r; y <= r; y++) if (y >= 0 && y < rows) acc += tmp[y * cols + x];
      for (let y = 0; y < rows; y++) {
        src[y * cols + x] = acc / w;
        const out = y - r;
        const inn = y + r + 1;
        if (out >= 0) acc -= tmp[out * cols + x];
        if (inn < rows) acc += tmp[inn * cols + x];
      }
    }
  }
}

/**
 * A smooth density surface of account weight in screen space: weights are binned on a fine grid,
 * blurred (≈ Gaussian kernel), scaled to the densest spot in view (square root, so lesser areas stay
 * visible) and coloured through a ramp, then drawn scaled up with smoothing — no visible cells.
 */
export class HeatLayer extends CanvasLayer {
  private data: HeatData | null = null;
  private readonly cell: number;
  private readonly radius: number;
  private surface: HTMLCanvasElement | null = null;
  /** The densest spot's smoothed weight at the last draw (0 when nothing in view). */
  peak = 0;

  constructor(options: HeatLayerOptions = {}) {
    super(options);
    this.cell = options.cell ?? 4;
    this.radius = options.radius ?? 28;
  }

  setData(data: HeatData | null): void {
    this.data = data;
    this.redraw();
  }

  protected override draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    const d = this.data;
    this.peak = 0;
    if (!d) return;
    const cell = this.cell;
    const cols = Math.ceil(this.width / cell);
    const rows = Math.ceil(this.height / cell);
    const grid = new Float32Array(cols * rows);
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
    // Each box pass has radius r/√3 in cells, so three passes spread about `radius` px in all.
    boxBlur(grid, new Float32Array(cols * rows), cols, rows, Math.max(1, Math.round(this.radius / cell / Math.sqrt(3))));
    let max = 0;
    for (let k = 0; k < grid.length; k++) if (grid[k] > max) max = grid[k];
    this.peak = max;
    if (!max) return;
    const ramp = heatRamp(d.stops);
    const image = new ImageData(cols, rows);
    const px = image.data;
    for (let k = 0; k < grid.length; k++) {
      const v = grid[k];
      if (v <= 0) continue;
      const t = Math.min(255, Math.round(Math.sqrt(v / max) * 255));
      px.set(ramp.subarray(t * 4, t * 4 + 4), k * 4);
    }
    const surface = (this.surface ??= document.createElement('canvas'));
    surface.width = cols;
    surface.height = rows;
    surface.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(surface, 0, 0, cols * cell, rows * cell);
  }
}
