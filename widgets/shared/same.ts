/**
 * Whether two lists hold the same values in the same order (`Object.is` per item): the change test
 * of memoised, replaced-never-mutated inputs.
 * @param a a list
 * @param b another list
 * @returns true when same length and every item is the same
 * @example
 * same([state.accounts, 'rep'], [state.accounts, 'rep']); // true
 */
export function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, k) => Object.is(v, b[k]));
}
