import type { Account } from '../../../src/model/account.js';
import type { Rep } from '../../../src/model/rep.js';
import type { Territory } from '../../../src/model/territory.js';
import type { AccountIndex } from './account-index.js';
import { colorsFor, UNASSIGNED_COLOR } from './colors.js';

/** One legend entry: a rep or territory (key '' = unassigned / no territory), its colour and accounts on the map. */
export interface LegendEntry {
  key: string;
  name: string;
  color: string;
  count: number;
}

export interface ColoringInput {
  ix: AccountIndex;
  colorBy: 'rep' | 'territory';
  reps: readonly Rep[];
  territories: readonly Territory[];
  /** The account's rep in the working plan. */
  repOf(a: Account): string | null;
  /** Account id → winning territory id (needed for colour by territory or a focused territory). */
  territoryOf: ((id: string) => string | null) | null;
  focusRepId: string | null;
  focusTerritoryId: string | null;
}

export interface Coloring {
  /** Colour slot per account position: 0…k-1 keys, k unassigned, k+1… the same faded (outside the focus). */
  colorOf: Uint16Array;
  /** 2(k+1) colours: the k+1 full ones, then the same at 30% opacity. */
  colors: string[];
  legend: LegendEntry[];
  /** Accounts inside the focus (all when nothing is focused). */
  focused: number;
}

/** `#rgb` / `#rrggbb` at 30% opacity (`#rrggbb4d`). */
export function fade(hex: string): string {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex.slice(0, 7);
  return `${full}4d`;
}

/**
 * Colours every account by its rep or territory and fades those outside the focused rep or territory.
 * @param input see ColoringInput
 * @returns the colour slots, the colours and the legend
 */
export function colorAccounts(input: ColoringInput): Coloring {
  const { ix, colorBy, reps, territories, repOf, territoryOf, focusRepId, focusTerritoryId } = input;
  const n = ix.accounts.length;
  const keys = colorBy === 'territory' ? territories.map((t) => ({ key: t.id, name: t.name })) : reps.map((r) => ({ key: r.id, name: r.name }));
  const own = colorBy === 'territory' ? new Map(territories.map((t) => [t.id, t.color])) : new Map<string, string | null | undefined>();
  const colorMap = colorsFor(keys.map((k) => k.key), own);
  const slot = new Map<string, number>();
  const colors: string[] = [];
  keys.forEach((k) => (slot.set(k.key, colors.length), colors.push(colorMap.get(k.key)!)));
  colors.push(UNASSIGNED_COLOR);
  const k = colors.length;
  for (let s = 0; s < k; s++) colors.push(fade(colors[s]));
  const counts = new Uint32Array(k);
  const colorOf = new Uint16Array(n);
  let focused = 0;
  for (let i = 0; i < n; i++) {
    const a = ix.accounts[i];
    const key = colorBy === 'territory' ? (territoryOf?.(a.id) ?? null) : repOf(a);
    const s = key === null ? k - 1 : (slot.get(key) ?? k - 1);
    counts[s]++;
    const inFocus = (focusRepId === null || repOf(a) === focusRepId) && (focusTerritoryId === null || territoryOf?.(a.id) === focusTerritoryId);
    if (inFocus) focused++;
    colorOf[i] = inFocus ? s : s + k;
  }
  const legend: LegendEntry[] = keys.map((key, s) => ({ key: key.key, name: key.name, color: colors[s], count: counts[s] }));
  legend.push({ key: '', name: colorBy === 'territory' ? 'No territory' : 'Unassigned', color: UNASSIGNED_COLOR, count: counts[k - 1] });
  return { colorOf, colors, legend, focused };
}
