// One tab owns a user's working plan; the others look on read-only. Loaded on demand by the
// provider (only when it persists an editable plan), so pages that never edit do not pay for it.

/** What the lock tells its provider. */
export interface PlanTabLockEvents {
  /** This tab now owns the plan (after waiting: the owner closed or handed over). */
  owned(): void;
  /** Another tab asks to take over: keep the unsaved work now and become read-only. */
  yield(): void;
}

type Message = { type: 'who' | 'owner' | 'yield' | 'released'; from: string };

const ASK_MS = 150;

/**
 * A per-plan lock between same-origin tabs: `navigator.locks` where available (released by the
 * browser even when a tab crashes), otherwise a BroadcastChannel handshake (ask, wait
 * {@link ASK_MS} ms for an owner to answer); with neither, every tab owns its plan (as before).
 * A BroadcastChannel on the same name carries the take-over request in both cases.
 *
 * @example
 * const lock = new PlanTabLock('territory-kit:plan:rest:admin:-', { owned: reload, yield: goReadOnly });
 * if (!(await lock.acquire())) showReadOnlyNotice();
 */
export class PlanTabLock {
  readonly name: string;
  #events: PlanTabLockEvents;
  #id = Math.random().toString(36).slice(2);
  #channel: BroadcastChannel | null;
  #locks: LockManager | null;
  #release: (() => void) | null = null;
  #waiting: AbortController | null = null;
  #owner = false;
  #closed = false;

  constructor(name: string, events: PlanTabLockEvents) {
    this.name = name;
    this.#events = events;
    this.#locks = typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    if (this.#channel) this.#channel.onmessage = (e: MessageEvent<Message>) => this.#message(e.data);
    // Fallback: no browser lock to release with the page, so say so (after the provider kept its work: it listens first).
    if (!this.#locks && this.#channel) addEventListener('pagehide', this.#pagehide);
  }

  #pagehide = (): void => this.#giveUp();

  /** Whether this tab owns the plan. */
  get owner(): boolean {
    return this.#owner;
  }

  /** Tries to own the plan now: true when this tab owns it; false when another does (then waits its turn). */
  async acquire(): Promise<boolean> {
    if (this.#locks) {
      const got = await new Promise<boolean>((resolve) => {
        void this.#locks!.request(this.name, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock ? this.#hold() : undefined;
        });
      });
      if (!got) this.#wait();
      return got;
    }
    if (!this.#channel) return (this.#owner = true);
    return (this.#owner = !(await this.#ask()));
  }

  /** Asks the owning tab to hand the plan over (it keeps its unsaved work first); this tab is next. */
  requestTakeover(): void {
    this.#post('yield');
  }

  /** Gives the plan up for good (the provider left the page). */
  close(): void {
    this.#closed = true;
    this.#waiting?.abort();
    this.#giveUp();
    removeEventListener('pagehide', this.#pagehide);
    this.#channel?.close();
  }

  #hold(): Promise<void> {
    this.#owner = true;
    return new Promise<void>((resolve) => (this.#release = resolve));
  }

  /** Queues for the lock; once granted, this tab owns the plan. */
  #wait(): void {
    if (!this.#locks || this.#closed) return;
    this.#waiting?.abort();
    const waiting = new AbortController();
    this.#waiting = waiting;
    this.#locks
      .request(this.name, { signal: waiting.signal }, () => {
        if (this.#closed) return undefined;
        const held = this.#hold();
        this.#events.owned();
        return held;
      })
      .catch(() => undefined); // aborted: closed or re-queued
  }

  #giveUp(): void {
    const wasOwner = this.#owner;
    this.#owner = false;
    this.#release?.();
    this.#release = null;
    if (wasOwner && !this.#locks) this.#post('released');
  }

  /** Fallback: whether another tab answers as owner within ASK_MS. */
  #ask(): Promise<boolean> {
    return new Promise((resolve) => {
      const channel = this.#channel!;
      const onOwner = (e: MessageEvent<Message>) => {
        if (e.data?.type === 'owner') done(true);
      };
      const timer = setTimeout(() => done(false), ASK_MS);
      const done = (answered: boolean) => {
        clearTimeout(timer);
        channel.removeEventListener('message', onOwner);
        resolve(answered);
      };
      channel.addEventListener('message', onOwner);
      this.#post('who');
    });
  }

  #message(m: Message): void {
    if (!m || typeof m !== 'object' || m.from === this.#id || this.#closed) return;
    if (m.type === 'who' && this.#owner) this.#post('owner');
    else if (m.type === 'yield' && this.#owner) {
      this.#events.yield();
      this.#giveUp();
      this.#wait();
    } else if (m.type === 'released' && !this.#owner && !this.#locks) {
      void this.#ask().then((taken) => {
        if (!taken && !this.#closed && !this.#owner) {
          this.#owner = true;
          this.#events.owned();
        }
      });
    }
  }

  #post(type: Message['type']): void {
    this.#channel?.postMessage({ type, from: this.#id } satisfies Message);
  }
}
