import type { L } from '../leaflet.js';
import { CanvasLayer, type CanvasLayerOptions } from './canvas-layer.js';
import { toMercator } from '../controllers/mercator.js';
import type { RegionFeature } from '../basemap.js';

/** How one region is painted. */
export interface RegionStyle {
  /** Fill colour, or null for none. */
  fill: string | null;
  fillOpacity: number;
  stroke: string;
  weight: number;
}

interface Prepared {
  code: string;
  /** Web Mercator x, y pairs of every ring, back to back. */
  xy: Float64Array;
  /** Start (in pairs) of each ring, plus the end. */
  rings: Uint32Array;
  /** Mercator bounds: minX, minY, maxX, maxY. */
  box: [number, number, number, number];
}

/** Skip vertices closer than this (px) to the last one drawn. */
const SIMPLIFY_PX = 0.75;

function prepare(f: RegionFeature): Prepared {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let pairs = 0;
  let ringCount = 0;
  for (const poly of polygons) for (const ring of poly) (pairs += ring.length), ringCount++;
  const xy = new Float64Array(pairs * 2);
  const rings = new Uint32Array(ringCount + 1);
  let k = 0;
  let r = 0;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons) {
    for (const ring of poly) {
      rings[r++] = k;
      for (const [lng, lat] of ring) {
        const [x, y] = toMercator(lng, lat);
        xy[2 * k] = x;
        xy[2 * k + 1] = y;
        k++;
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  rings[r] = k;
  return { code: f.id, xy, rings, box };
}

/**
 * Offline basemap regions (states or counties) on one canvas, projected once to Web Mercator and
 * redrawn per view with pixel-level vertex thinning; regions sharing a style share one path.
 */
export class RegionLayer extends CanvasLayer {
  private prepared: Prepared[] = [];
  private style: (code: string) => RegionStyle;

  constructor(features: readonly RegionFeature[] | RegionLayer, style: (code: string) => RegionStyle, options: CanvasLayerOptions = {}) {
    super(options);
    // Another layer's regions are shared, not projected again (the painting overlay reuses the basemap's).
    this.prepared = features instanceof RegionLayer ? features.prepared : features.map(prepare);
    this.style = style;
  }

  /** Restyles every region (e.g. after territories changed) and redraws. */
  setStyle(style: (code: string) => RegionStyle): void {
    this.style = style;
    this.redraw();
  }

  protected override draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    const scale = 256 * Math.pow(2, map.getZoom());
    const origin = map.getPixelOrigin();
    const ox = origin.x + this.topLeft.x;
    const oy = origin.y + this.topLeft.y;
    const x0 = ox / scale;
    const y0 = oy / scale;
    const x1 = (ox + this.width) / scale;
    const y1 = (oy + this.height) / scale;
    const groups = new Map<string, { style: RegionStyle; items: Prepared[] }>();
    for (const p of this.prepared) {
      if (p.box[2] < x0 || p.box[0] > x1 || p.box[3] < y0 || p.box[1] > y1) continue;
      const style = this.style(p.code);
      if (!style.weight && !(style.fill && style.fillOpacity > 0)) continue;
      const key = `${style.fill}|${style.fillOpacity}|${style.stroke}|${style.weight}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { style, items: [] }));
      g.items.push(p);
    }
    const min2 = SIMPLIFY_PX * SIMPLIFY_PX;
    for (const { style, items } of groups.values()) {
      ctx.beginPath();
      for (const p of items) {
        const { xy, rings } = p;
        for (let r = 0; r + 1 < rings.length; r++) {
          let lx = xy[2 * rings[r]] * scale - ox;
          let ly = xy[2 * rings[r] + 1] * scale - oy;
          ctx.moveTo(lx, ly);
          for (let k = rings[r] + 1; k < rings[r + 1]; k++) {
            const x = xy[2 * k] * scale - ox;
            const y = xy[2 * k + 1] * scale - oy;
            const dx = x - lx;
            const dy = y - ly;
            if (dx * dx + dy * dy < min2 && k < rings[r + 1] - 1) continue;
            ctx.lineTo(x, y);
            lx = x;
            ly = y;
          }
          ctx.closePath();
        }
      }
      if (style.fill && style.fillOpacity > 0) {
        ctx.globalAlpha = style.fillOpacity;
        ctx.fillStyle = style.fill;
        ctx.fill('evenodd');
        ctx.globalAlpha = 1;
      }
      if (style.weight > 0) {
        ctx.lineWidth = style.weight;
        ctx.strokeStyle = style.stroke;
        ctx.lineJoin = 'round';
        ctx.stroke();
      }
    }
  }
}
