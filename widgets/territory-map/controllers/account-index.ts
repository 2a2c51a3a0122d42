import KDBush from 'kdbush';
import type { Account } from '../../../src/model/account.js';
import { toMercator } from './mercator.js';

/** What the map draws for one account (by position in the index). */
export interface AccountIndex {
  /** The accounts drawn, in input order (those with coordinates). */
  readonly accounts: readonly Account[];
  /** Account id → position in `accounts` (built on first use). */
  readonly positionOf: ReadonlyMap<string, number>;
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Web Mercator x, y in [0, 1] (see toMercator). */
  readonly mx: Float64Array;
  readonly my: Float64Array;
  readonly potential: Float64Array;
  /** Static spatial index over (lng, lat), built on first use (draws scan the typed arrays instead). */
  readonly kd: KDBush;
  /** Accounts given without coordinates (not drawn, reported in the list). */
  readonly withoutCoordinates: number;
  /** Bounds of the drawn accounts `[minLng, minLat, maxLng, maxLat]`, null when none. */
  readonly bbox: [number, number, number, number] | null;
}

/** A cluster's properties: supercluster's count plus summed potential when built with `clusterBy: 'potential'`. */
export interface ClusterProps {
  /** Account position in the index (single points only). */
  i?: number;
  potential?: number;
  cluster?: boolean;
  cluster_id?: number;
  point_count?: number;
}

/**
 * Builds the typed arrays and spatial index the map draws and hit-tests from.
 * @param accounts accounts to show; those without coordinates are counted, not drawn
 * @returns the index
 * @example
 * const ix = buildAccountIndex(state.accounts);
 * ix.kd.range(-125, 24, -66, 50).map((i) => ix.accounts[i].id);
 */
export function buildAccountIndex(accounts: readonly Account[]): AccountIndex {
  const shown: Account[] = [];
  for (const a of accounts) if (a.lat !== null && a.lng !== null) shown.push(a);
  const n = shown.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  const potential = new Float64Array(n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = shown[i];
    const x = a.lng as number;
    const y = a.lat as number;
    lng[i] = x;
    lat[i] = y;
    const m = toMercator(x, y);
    mx[i] = m[0];
    my[i] = m[1];
    potential[i] = a.potential;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  let kd: KDBush | null = null;
  let positionOf: Map<string, number> | null = null;
  return {
    accounts: shown,
    get positionOf() {
      if (!positionOf) {
        positionOf = new Map();
        for (let i = 0; i < n; i++) positionOf.set(shown[i].id, i);
      }
      return positionOf;
    },
    get kd() {
      if (!kd) {
        kd = new KDBush(Math.max(n, 1));
        for (let i = 0; i < n; i++) kd.add(lng[i], lat[i]);
        if (n === 0) kd.add(0, 0); // KDBush needs its declared size; accountsIn returns [] when n is 0.
        kd.finish();
      }
      return kd;
    },
    lng,
    lat,
    mx,
    my,
    potential,
    withoutCoordinates: accounts.length - n,
    bbox: n ? [minX, minY, maxX, maxY] : null,
  };
}

/**
 * Accounts (index positions) inside a lng/lat box.
 * @param ix the index
 * @param box `[minLng, minLat, maxLng, maxLat]`
 * @param sorted return positions in plan order (default false: index order)
 * @returns positions
 */
export function accountsIn(ix: AccountIndex, box: readonly [number, number, number, number], sorted = false): number[] {
  if (!ix.accounts.length) return [];
  const found = ix.kd.range(box[0], box[1], box[2], box[3]);
  return sorted ? found.sort((a, b) => a - b) : found;
}
