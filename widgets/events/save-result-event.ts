import type { SaveOutcome } from '../../src/adapters/crm-adapter.js';

/**
 * Fired by `<tk-territory-provider>` when a save ends, with one outcome per change sent. Bubbles and
 * is composed.
 */
export class TkSaveResultEvent extends Event {
  static readonly eventName = 'tk-save-result';
  readonly saved: number;
  readonly failed: number;
  readonly conflict: number;
  constructor(readonly outcomes: readonly SaveOutcome[]) {
    super(TkSaveResultEvent.eventName, { bubbles: true, composed: true });
    this.saved = outcomes.filter((o) => o.status === 'saved').length;
    this.failed = outcomes.filter((o) => o.status === 'failed').length;
    this.conflict = outcomes.filter((o) => o.status === 'conflict').length;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-save-result': TkSaveResultEvent;
  }
}
