import type { Change } from '../../src/adapters/crm-adapter.js';

/** What produced an assignment change. */
export type AssignmentChangeSource = 'assign' | 'apply' | 'undo' | 'redo' | 'discard' | 'restore' | 'save' | 'load';

/**
 * Fired by `<tk-territory-provider>` when working assignments change (assign, applied plan, undo,
 * redo, discard, restore). Bubbles and is composed. Named `tk-assignment-change` rather than `change`
 * so that it never mixes with the native `change` events of form controls slotted in the provider.
 */
export class TkAssignmentChangeEvent extends Event {
  static readonly eventName = 'tk-assignment-change';
  constructor(
    /** The accounts whose working owner changed in this step: `from` before, `to` after. */
    readonly changes: readonly Change[],
    readonly source: AssignmentChangeSource,
    /** The step's undo label, when it has one. */
    readonly label: string | null,
    /** Unsaved changes in total after this step. */
    readonly pendingCount: number,
  ) {
    super(TkAssignmentChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-assignment-change': TkAssignmentChangeEvent;
  }
}
