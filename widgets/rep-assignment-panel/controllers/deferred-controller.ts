import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { same } from '../../shared/same.js';

interface Slot {
  key: readonly unknown[] | null;
  value: unknown;
  want: readonly unknown[] | null;
  compute: (() => unknown) | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Keeps costly derived figures (alerts, quotas) off the edit path: the first read computes at once;
 * when the inputs change later, the previous value is returned (marked stale) and the new one is
 * computed in a following task, after the edit has painted, then the host re-renders. Inputs are
 * compared with `Object.is` (state slices are replaced, never mutated).
 */
export class DeferredController implements ReactiveController {
  private readonly slots = new Map<string, Slot>();
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /**
   * The value of `compute` for `key`, or the last value (stale) while the new one is on its way.
   *
   * @param name the figure's name (one slot per name)
   * @param key the inputs `compute` reads
   * @param compute the computation (reads the same inputs)
   */
  read<T>(name: string, key: readonly unknown[], compute: () => T): { value: T; stale: boolean } {
    let slot = this.slots.get(name);
    if (!slot) this.slots.set(name, (slot = { key: null, value: undefined, want: null, compute: null, timer: null }));
    if (slot.key !== null && same(slot.key, key)) {
      slot.want = null;
      return { value: slot.value as T, stale: false };
    }
    if (slot.key === null) {
      slot.value = compute();
      slot.key = key;
      return { value: slot.value as T, stale: false };
    }
    slot.want = key;
    slot.compute = compute;
    if (slot.timer === null) {
      const s = slot;
      s.timer = setTimeout(() => {
        s.timer = null;
        if (!s.want || !s.compute) return;
        s.value = s.compute();
        s.key = s.want;
        s.want = null;
        s.compute = null;
        this.host.requestUpdate();
      }, 0);
    }
    return { value: slot.value as T, stale: true };
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const slot of this.slots.values()) {
      if (slot.timer !== null) clearTimeout(slot.timer);
      slot.timer = null;
      slot.want = null;
      slot.compute = null;
    }
  }
}
