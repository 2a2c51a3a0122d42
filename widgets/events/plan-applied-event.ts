/** What a plan-applied event applied. */
export type AppliedPlanKind = 'assignments' | 'territories' | 'restore';

/**
 * Fired by `<tk-territory-provider>` when a whole plan is applied in one step: accepted assignments
 * (e.g. a rebalance), replaced territories, or a restored unsaved plan. Bubbles and is composed.
 */
export class TkPlanAppliedEvent extends Event {
  static readonly eventName = 'tk-plan-applied';
  constructor(
    readonly kind: AppliedPlanKind,
    readonly label: string,
    /** Accounts whose working owner changed (0 for territories). */
    readonly changedCount: number,
  ) {
    super(TkPlanAppliedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-plan-applied': TkPlanAppliedEvent;
  }
}
