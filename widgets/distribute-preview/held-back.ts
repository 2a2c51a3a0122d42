// Why distributeAccounts kept an account where it is, in the UI language, from the engine's data (the
// reason code, the limit and the nearest rep); in English word for word the engine's `text` (with the
// rep's name for its id).
import { msg, str } from '@lit/localize';
import type { DistributeKept } from '../../src/engine/distribute-accounts.js';
import type { Formatters } from '../shared/format.js';

/**
 * The sentence for one kept account: "No other rep within 300 km (the nearest, Ben Cole, is 948 km away)".
 *
 * @param f the formatters (numbers by locale)
 * @param k the kept entry
 * @param maxKm the distance limit the proposal was made with (for `beyond-distance-limit`)
 * @param repName a rep's display name from its id
 */
export function keptText(f: Formatters, k: DistributeKept, maxKm: number | null, repName: (id: string) => string): string {
  switch (k.reason) {
    case 'locked-account':
      return msg('The account is locked');
    case 'locked-rep':
      return msg('Its rep is locked');
    case 'no-eligible-rep':
      return msg('No active, unlocked rep may take it');
    case 'beyond-distance-limit': {
      if (maxKm === null || k.nearestRepId === undefined || k.nearestKm === undefined) return k.text;
      const km = f.number(maxKm, 0);
      const name = repName(k.nearestRepId);
      const near = f.number(k.nearestKm, 0);
      return msg(str`No other rep within ${km} km (the nearest, ${name}, is ${near} km away)`);
    }
  }
}
