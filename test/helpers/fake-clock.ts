/**
 * A clock the test moves, for Node tests whose behaviour under test is a deadline or a latency
 * ("the save ends by its deadline"). Deadlines in src/adapters are plain `setTimeout`s, so on the
 * machine's clock such a test races the scheduler: on a busy machine a 100 ms request timeout fires
 * during the set-up load, or the deadline's callback runs late. With `installFakeClock` the timers and
 * `Date` only move when the test says so, while real I/O (sockets, fetch, the emulators) and
 * `setImmediate` keep running: set-up can take as long as the machine needs, and the bound is checked
 * on the fake clock, exactly.
 */
import FakeTimers from '@sinonjs/fake-timers';

export type FakeClock = ReturnType<typeof FakeTimers.install>;

// Captured before any fake clock is installed: waiting for real I/O must not depend on the fake one.
const realSetImmediate = globalThis.setImmediate;
const realNow = () => performance.now();

/**
 * Fakes `setTimeout`, `setInterval` (and their clear functions) and `Date`; call `uninstall()` when
 * done (in a `finally`).
 *
 * @example
 * const clock = installFakeClock();
 * try { … await settleWithin(clock, adapter.save(changes), 250) … } finally { clock.uninstall(); }
 */
export function installFakeClock(): FakeClock {
  return FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * Waits on the real event loop until `ready()` holds, e.g. until an emulator has received a request.
 * Fake time stands still, but callbacks already due on the fake clock (`setTimeout(fn, 0)`, as jsforce
 * schedules some of its request steps) run. The real-time cap only stops a broken test from hanging.
 *
 * @example
 * await until(clock, () => emu.writes.size > 0, 'the server applied the write');
 */
export async function until(clock: FakeClock, ready: () => boolean, what: string, capMs = 60_000): Promise<void> {
  const start = realNow();
  while (!ready()) {
    if (realNow() - start > capMs) throw new Error(`gave up waiting (${capMs} ms of real time) for: ${what}`);
    await clock.tickAsync(0);
    await new Promise<void>((resolve) => realSetImmediate(resolve));
  }
}

/**
 * Moves the fake clock 1 ms at a time (letting promises and real I/O run in between) until `promise`
 * settles, and returns its value with the fake time it took. Throws if it has not settled once
 * `limitMs` of fake time have passed: that is the bound under test.
 *
 * @example
 * const { value, elapsedMs } = await settleWithin(clock, adapter.save(changes), 250);
 */
export async function settleWithin<T>(clock: FakeClock, promise: Promise<T>, limitMs: number): Promise<{ value: T; elapsedMs: number }> {
  type State = { done: false } | { done: true; ok: true; value: T } | { done: true; ok: false; error: unknown };
  let state: State = { done: false };
  const finished = (): boolean => state.done;
  promise.then(
    (value) => (state = { done: true, ok: true, value }),
    (error: unknown) => (state = { done: true, ok: false, error }),
  );
  const start = clock.now;
  // A few real turns first: an answer that needs no time at all settles at 0 ms.
  for (let i = 0; i < 3 && !finished(); i++) await new Promise<void>((resolve) => realSetImmediate(resolve));
  while (!finished() && clock.now - start < limitMs) await clock.tickAsync(1);
  for (let i = 0; i < 3 && !finished(); i++) await new Promise<void>((resolve) => realSetImmediate(resolve));
  const end = state as State;
  if (!end.done) throw new Error(`not settled within ${limitMs} ms of (fake) time`);
  if (!end.ok) throw end.error;
  return { value: end.value, elapsedMs: clock.now - start };
}
