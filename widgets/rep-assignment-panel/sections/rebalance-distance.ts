// How far each move of a rebalance sends its account: the great-circle distance from the account to
// its new rep's anchor (home, else the workload-weighted centroid of the rep's starting accounts, as
// the engine measures it). Part of the preview chunk.
import { haversineKm, sphericalCentroid } from '../../../src/engine/geo.js';
import type { RebalanceResult } from '../../../src/engine/rebalance.js';
import type { Account } from '../../../src/model/account.js';
import type { Assignments } from '../../../src/model/plan.js';
import type { Rep } from '../../../src/model/rep.js';

/** A move is "far" (its distance shown) from this many km on. */
export const FAR_KM = 500;

const cache = new WeakMap<RebalanceResult, Map<string, number>>();

/**
 * Km from each moved account to its new rep's anchor, by account id (absent: no position for the
 * account or the rep). Worked out once per result.
 *
 * @param result the rebalance result
 * @param accounts the plan's accounts
 * @param reps the plan's reps
 * @param basedOn the assignments the rebalance started from (for anchors without a home)
 */
export function moveDistances(result: RebalanceResult, accounts: readonly Account[], reps: readonly Rep[], basedOn: Assignments): Map<string, number> {
  const known = cache.get(result);
  if (known) return known;
  const moved = new Set(result.moves.map((m) => m.accountId));
  const targets = new Set(result.moves.map((m) => m.to));
  const anchors = new Map<string, { lat: number; lng: number } | null>();
  const homeless = new Map<string, { lat: number; lng: number; weight: number }[]>();
  for (const r of reps) {
    if (!targets.has(r.id)) continue;
    if (r.home) anchors.set(r.id, r.home);
    else homeless.set(r.id, []);
  }
  const byId = new Map<string, Account>();
  for (const a of accounts) {
    if (moved.has(a.id)) byId.set(a.id, a);
    const owner = basedOn[a.id];
    const pts = owner ? homeless.get(owner) : undefined;
    if (pts && typeof a.lat === 'number' && typeof a.lng === 'number') pts.push({ lat: a.lat, lng: a.lng, weight: a.workload ?? 1 });
  }
  for (const [id, pts] of homeless) anchors.set(id, sphericalCentroid(pts));
  const out = new Map<string, number>();
  for (const m of result.moves) {
    const a = byId.get(m.accountId);
    const anchor = anchors.get(m.to);
    if (a && anchor && typeof a.lat === 'number' && typeof a.lng === 'number') out.set(m.accountId, haversineKm(a.lat, a.lng, anchor.lat, anchor.lng));
  }
  cache.set(result, out);
  return out;
}
