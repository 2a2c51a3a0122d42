/**
 * Replaces `globalThis.Worker` (for a mocha suite: call in `before`, undo in `after`) with a subclass
 * that keeps every message real module workers send back, to prove work ran in one.
 *
 * @returns the messages' data, in order, and `restore()` putting the original constructor back
 */
export function spyOnWorkers(): { messages: unknown[]; restore(): void } {
  const Original = globalThis.Worker;
  const messages: unknown[] = [];
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e) => messages.push((e as MessageEvent).data));
    }
  };
  return {
    messages,
    restore: () => {
      globalThis.Worker = Original;
    },
  };
}
