import type { resolveTerritories } from '../../src/engine/resolve-territories.js';
import type { PlanState } from '../../src/store/types.js';

/** Account → territory (and why), as `resolveTerritories` gives it. */
export type TerritoryOfAccount = ReturnType<typeof resolveTerritories>['byAccount'];

/**
 * Account → territory for an element that shows it now and then (the board's territory rows, the
 * card's account): the resolver is a chunk loaded on first need, and its answer is kept while the
 * plan's accounts and territories stay the same objects. `get` returns null while it loads;
 * `onResolved` then lets the element render again.
 *
 * @example
 * private territories = new LazyTerritories('the card', () => (this.resolvedCount += 1));
 * const byAccount = this.territories.get(state); // null the first time
 */
export class LazyTerritories {
  private resolved: { accounts: PlanState['accounts']; territories: PlanState['territories']; byAccount: TerritoryOfAccount } | null = null;
  private resolving: Promise<void> | null = null;

  constructor(
    private readonly who: string,
    private readonly onResolved: () => void,
  ) {}

  get(s: Pick<PlanState, 'accounts' | 'territories'>): TerritoryOfAccount | null {
    const r = this.resolved;
    if (r && r.accounts === s.accounts && r.territories === s.territories) return r.byAccount;
    if (!this.resolving) {
      const { accounts, territories } = s;
      // The US state names come with the resolver (a few hundred bytes), so reasons name the state.
      this.resolving = Promise.all([import('../../src/engine/resolve-territories.js'), import('../../src/data/us-state-names.js')])
        .then(([{ resolveTerritories }, { usStateNames }]) => {
          this.resolved = { accounts, territories, byAccount: resolveTerritories(accounts, territories, { regionNames: usStateNames }).byAccount };
        })
        .catch((error) => console.warn(`territory-kit: could not resolve territories for ${this.who}`, error))
        .finally(() => {
          this.resolving = null;
          this.onResolved();
        });
    }
    return null;
  }
}
