/**
 * Fired by `<tk-territory-provider>` when the selected accounts change. Bubbles and is composed.
 * (Not the native `selectionchange`, which is about text selection.)
 */
export class TkSelectionChangeEvent extends Event {
  static readonly eventName = 'tk-selection-change';
  constructor(
    /** The selected account ids now. */
    readonly selection: readonly string[],
    /** The selection before. */
    readonly previous: readonly string[],
  ) {
    super(TkSelectionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-selection-change': TkSelectionChangeEvent;
  }
}
