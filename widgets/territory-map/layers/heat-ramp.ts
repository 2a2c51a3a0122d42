/** A colour stop of the heat ramp: position 0..1 and RGBA (alpha 0..1). */
export type HeatStop = readonly [number, readonly [number, number, number, number]];

/** Potential: pale yellow → orange → deep red. */
export const POTENTIAL_STOPS: readonly HeatStop[] = [
  [0, [255, 237, 160, 0]],
  [0.15, [254, 217, 118, 0.35]],
  [0.45, [253, 141, 60, 0.6]],
  [0.75, [227, 26, 28, 0.72]],
  [1, [128, 0, 38, 0.8]],
];

/** Whitespace (unassigned or untouched potential): pale lilac → purple. */
export const WHITESPACE_STOPS: readonly HeatStop[] = [
  [0, [224, 236, 244, 0]],
  [0.15, [191, 211, 230, 0.35]],
  [0.45, [140, 150, 198, 0.6]],
  [0.75, [136, 65, 157, 0.72]],
  [1, [77, 0, 75, 0.8]],
];

const cache = new WeakMap<readonly HeatStop[], Uint8ClampedArray>();

/**
 * A 256-entry RGBA lookup (alpha 0..255) interpolated between the stops.
 * @param stops ascending stops, first at 0 and last at 1
 */
export function heatRamp(stops: readonly HeatStop[]): Uint8ClampedArray {
  let out = cache.get(stops);
  if (out) return out;
  out = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) {
    const t = k / 255;
    let s = 1;
    while (s < stops.length - 1 && stops[s][0] < t) s++;
    const [t0, c0] = stops[s - 1];
    const [t1, c1] = stops[s];
    const f = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 1;
    for (let c = 0; c < 3; c++) out[k * 4 + c] = c0[c] + (c1[c] - c0[c]) * f;
    out[k * 4 + 3] = 255 * (c0[3] + (c1[3] - c0[3]) * f);
  }
  cache.set(stops, out);
  return out;
}

/** The ramp as a CSS linear-gradient (for the legend; constant colours only). */
export function heatGradientCss(stops: readonly HeatStop[]): string {
  return `linear-gradient(to right, ${stops.map(([t, [r, g, b, a]]) => `rgba(${r}, ${g}, ${b}, ${Math.max(a, 0.08)}) ${Math.round(t * 100)}%`).join(', ')})`;
}
