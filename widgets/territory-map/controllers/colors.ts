/** Tableau 10 followed by its lighter companions: distinguishable for up to 20 reps or territories. */
export const PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f',
];

/** Colour for accounts with no rep / no territory. */
export const UNASSIGNED_COLOR = '#9aa0a6';

/**
 * Assigns a colour to each key: its own colour when given, else the palette in key order.
 * @param keys ids in display order (reps or territories)
 * @param own optional explicit colours by id (e.g. Territory.color)
 * @returns id → CSS colour
 * @example
 * colorsFor(['r1', 'r2']).get('r2'); // '#f28e2b'
 */
export function colorsFor(keys: readonly string[], own: ReadonlyMap<string, string | null | undefined> = new Map()): Map<string, string> {
  const out = new Map<string, string>();
  keys.forEach((k, i) => out.set(k, own.get(k) || PALETTE[i % PALETTE.length]));
  return out;
}
