import { L } from '../leaflet.js';

export type GestureKind = 'box' | 'lasso';

export interface SelectionGestureOptions {
  /** Which gesture a pointerdown starts, or null to leave the pointer to the map (pan, click). */
  kindFor(e: PointerEvent): GestureKind | null;
  /** A box was dragged between two container points. */
  onBox(a: L.Point, b: L.Point, e: PointerEvent): void;
  /** A lasso was drawn through these container points. */
  onLasso(points: L.Point[], e: PointerEvent): void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Pointer travel (px) below which a press counts as a click, not a drag. */
const CLICK_SLOP = 3;

/**
 * Box and lasso dragging over the map container: draws the shape in an SVG overlay and reports it in
 * container points when the pointer is released. While a gesture runs the map does not pan.
 * `attach` and `detach` undo each other.
 */
export class SelectionGesture {
  private kind: GestureKind | null = null;
  private points: L.Point[] = [];
  private readonly shape: SVGRectElement;
  private readonly path: SVGPolylineElement;
  /** True right after a drag ended, so the click that follows it is ignored. */
  suppressClick = false;

  constructor(
    private readonly map: L.Map,
    private readonly container: HTMLElement,
    private readonly overlay: SVGSVGElement,
    private readonly options: SelectionGestureOptions,
  ) {
    this.shape = document.createElementNS(SVG, 'rect');
    this.path = document.createElementNS(SVG, 'polyline');
    this.hideShapes();
  }

  attach(): void {
    this.overlay.append(this.shape, this.path);
    this.container.addEventListener('pointerdown', this.down, true);
    this.container.addEventListener('pointermove', this.move);
    this.container.addEventListener('pointerup', this.up);
    this.container.addEventListener('pointercancel', this.cancel);
  }

  detach(): void {
    this.container.removeEventListener('pointerdown', this.down, true);
    this.container.removeEventListener('pointermove', this.move);
    this.container.removeEventListener('pointerup', this.up);
    this.container.removeEventListener('pointercancel', this.cancel);
    this.cancel();
    this.shape.remove();
    this.path.remove();
  }

  private point(e: PointerEvent): L.Point {
    const r = this.container.getBoundingClientRect();
    return L.point(e.clientX - r.left, e.clientY - r.top);
  }

  private readonly down = (e: PointerEvent): void => {
    if (e.button !== 0 || (e.target as Element | null)?.closest?.('.leaflet-control, .leaflet-popup')) return;
    const kind = this.options.kindFor(e);
    if (!kind) return;
    this.kind = kind;
    this.points = [this.point(e)];
    this.suppressClick = false;
    // preventDefault also withholds the compatibility mousedown Leaflet's drag handler listens to.
    e.preventDefault();
    e.stopPropagation();
    if (this.map.dragging.enabled()) this.map.dragging.disable();
    try {
      this.container.setPointerCapture(e.pointerId);
    } catch {
      /* synthetic pointers have no capture; the container still gets the moves */
    }
  };

  private readonly move = (e: PointerEvent): void => {
    if (!this.kind) return;
    const p = this.point(e);
    const first = this.points[0];
    if (this.kind === 'box') {
      this.points[1] = p;
      this.shape.setAttribute('x', String(Math.min(first.x, p.x)));
      this.shape.setAttribute('y', String(Math.min(first.y, p.y)));
      this.shape.setAttribute('width', String(Math.abs(p.x - first.x)));
      this.shape.setAttribute('height', String(Math.abs(p.y - first.y)));
      this.shape.style.display = '';
    } else {
      const last = this.points[this.points.length - 1];
      if (p.distanceTo(last) < 2) return;
      this.points.push(p);
      this.path.setAttribute('points', this.points.map((q) => `${q.x},${q.y}`).join(' '));
      this.path.style.display = '';
    }
  };

  private readonly up = (e: PointerEvent): void => {
    if (!this.kind) return;
    this.move(e);
    const kind = this.kind;
    const points = this.points;
    this.finish();
    const first = points[0];
    const travel = Math.max(...points.map((p) => p.distanceTo(first)));
    if (travel < CLICK_SLOP) return; // a click: the map's click handler deals with it
    this.suppressClick = true;
    if (kind === 'box') this.options.onBox(first, points[points.length - 1], e);
    else if (points.length >= 3) this.options.onLasso(points, e);
  };

  private readonly cancel = (): void => {
    if (this.kind) this.finish();
  };

  private finish(): void {
    this.kind = null;
    this.points = [];
    this.hideShapes();
    this.map.fire('tk-gesture-end');
  }

  private hideShapes(): void {
    this.shape.style.display = 'none';
    this.path.style.display = 'none';
  }
}
