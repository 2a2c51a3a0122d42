/**
 * A long computation cut into bounded steps, as a generator: it yields (nothing) after each chunk of
 * about `STEP` accounts' worth of work and returns its result. `runSteps` runs one to the end
 * synchronously (the public functions); the rebalance drives the same generator through its Slicer,
 * yielding to the event loop whenever a slice is used up, so one core serves both.
 */
export type Steps<T> = Generator<void, T, void>;

/** Accounts (or comparable units of work) handled between two yields of a `Steps` generator. */
export const STEP = 1024;

/**
 * Runs a `Steps` generator to the end, synchronously.
 *
 * @param steps the generator
 * @returns its result
 *
 * @example
 * const ev = runSteps(evaluatePlanSteps(accounts, reps, assignments, {}));
 */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
