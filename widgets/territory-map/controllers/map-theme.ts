import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The colours the map paints on its canvases (canvas cannot read CSS custom properties itself). */
export interface MapPalette {
  dark: boolean;
  /** Land fill of the offline basemap. */
  land: string;
  /** Map background (water). */
  water: string;
  stateStroke: string;
  countyStroke: string;
  /** Cluster centre fill and count label. */
  surface: string;
  text: string;
}

const LIGHT: MapPalette = { dark: false, land: '#f6f6f2', water: '#dde8f2', stateStroke: '#8d97a5', countyStroke: '#b4bcc7', surface: '#ffffff', text: '#181818' };
const DARK: MapPalette = { dark: true, land: '#2b3035', water: '#121a22', stateStroke: '#6b7580', countyStroke: '#414951', surface: '#1f2326', text: '#f3f3f3' };

/** Relative luminance (0 black … 1 white) of `#rgb`, `#rrggbb` or `rgb(…)`; null when unreadable. */
export function luminance(color: string): number | null {
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    rgb = [0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16));
  } else {
    const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/i.exec(color.trim());
    if (m) rgb = [m[1], m[2], m[3]].map(Number);
  }
  if (!rgb) return null;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Follows the theme the map sits in: dark when the surface token (`--tk-color-surface`) is dark, with
 * `--tk-map-land` / `--tk-map-water` winning when set. The tokens change without the map hearing of
 * it (`applyTheme` on an ancestor, `theme="dark"`), so it watches the `style`, `class` and `theme`
 * attributes of its ancestors (across shadow roots) and reads again after any change.
 */
export class MapThemeController implements ReactiveController {
  palette: MapPalette = LIGHT;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly onChange: (palette: MapPalette) => void;
  private observer: MutationObserver | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: { onChange(palette: MapPalette): void }) {
    this.host = host;
    this.onChange = options.onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.read());
    for (let el: Element | null = this.host; el; ) {
      this.observer.observe(el, { attributes: true, attributeFilter: ['style', 'class', 'theme'] });
      el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Reads the tokens again; calls `onChange` when the palette differs. */
  read(): MapPalette {
    const style = getComputedStyle(this.host);
    const prop = (name: string) => style.getPropertyValue(name).trim();
    const dark = (luminance(prop('--tk-color-surface')) ?? 1) < 0.3;
    const base = dark ? DARK : LIGHT;
    const next: MapPalette = {
      ...base,
      land: prop('--tk-map-land') || base.land,
      water: prop('--tk-map-water') || base.water,
      surface: prop('--tk-color-surface') || base.surface,
      text: prop('--tk-color-text') || base.text,
    };
    const changed = (Object.keys(next) as (keyof MapPalette)[]).some((k) => next[k] !== this.palette[k]);
    if (changed) {
      this.palette = next;
      this.onChange(next);
    }
    return this.palette;
  }
}
