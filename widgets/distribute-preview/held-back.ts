// Why the distance limit held an account back, in the UI language, from distributeAccounts' data (the
// reason code, the limit and the nearest rep); in English word for word the engine's `text` (with the
// rep's name for its id). The other kept reasons are shown as counts (keptWords in the element).
import { msg, str } from '@lit/localize';
import type { DistributeKept } from '../../src/engine/distribute-accounts.js';
import type { Formatters } from '../shared/format.js';

/**
 * The sentence for an account the distance limit held back: "No other rep within 300 km (the nearest,
 * Ben Cole, is 948 km away)"; for another reason, the engine's English `text`.
 *
 * @param f the formatters (numbers by locale)
 * @param k the kept entry
 * @param maxKm the distance limit the proposal was made with (for `beyond-distance-limit`)
 * @param repName a rep's display name from its id
 */
export function keptText(f: Formatters, k: DistributeKept, maxKm: number | null, repName: (id: string) => string): string {
  if (k.reason !== 'beyond-distance-limit' || maxKm === null || k.nearestRepId === undefined || k.nearestKm === undefined) return k.text;
  const km = f.number(maxKm, 0);
  const name = repName(k.nearestRepId);
  const near = f.number(k.nearestKm, 0);
  return msg(str`No other rep within ${km} km (the nearest, ${name}, is ${near} km away)`);
}
