/**
 * Fired by `<tk-territory-provider>` when a load through its adapter ends: `status` 'ready' with the
 * counts of what loaded (and of the records rejected by validation), or 'error' with the error's code
 * and message. A load overtaken by a newer one (the adapter was replaced) fires nothing. Bubbles and
 * is composed.
 *
 * @example
 * provider.addEventListener('tk-load', (e) => {
 *   if (e.status === 'ready') console.log(`${e.accounts} accounts, ${e.rejected} rejected`);
 *   else console.warn(e.error?.code, e.error?.message);
 * });
 */
export class TkLoadEvent extends Event {
  static readonly eventName = 'tk-load';
  constructor(
    readonly status: 'ready' | 'error',
    readonly accounts: number,
    readonly reps: number,
    readonly territories: number,
    readonly rejected: number,
    readonly error: { code: string; message: string } | null = null,
  ) {
    super(TkLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-load': TkLoadEvent;
  }
}
