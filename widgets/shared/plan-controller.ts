import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { planActionsContext } from '../../src/context/plan-actions-context.js';
import { planStateContext } from '../../src/context/plan-state-context.js';
import type { PlanActions, PlanState } from '../../src/store/types.js';

/**
 * Consumes the plan state and actions provided by the nearest `<tk-territory-provider>` and
 * re-renders its host whenever a new state is provided.
 *
 * @example
 * class MyWidget extends LitElement {
 *   private plan = new PlanController(this);
 *   render() { return html`${this.plan.state?.reps.length ?? 0} reps`; }
 * }
 */
export class PlanController implements ReactiveController {
  private readonly stateConsumer: ContextConsumer<typeof planStateContext, ReactiveControllerHost & HTMLElement>;
  private readonly actionsConsumer: ContextConsumer<typeof planActionsContext, ReactiveControllerHost & HTMLElement>;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private seen: PlanState | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    // ContextConsumer calls host.requestUpdate() whenever a new value arrives.
    this.stateConsumer = new ContextConsumer(host, { context: planStateContext, subscribe: true });
    this.actionsConsumer = new ContextConsumer(host, { context: planActionsContext, subscribe: true });
    host.addController(this);
  }

  /** The current plan state, or undefined outside a provider. */
  get state(): PlanState | undefined {
    return this.stateConsumer.value;
  }

  /** The plan actions, or undefined outside a provider. */
  get actions(): PlanActions | undefined {
    return this.actionsConsumer.value;
  }

  /** Whether the viewer may edit (a provider is present, the role is not `rep`, and no other tab owns the plan). */
  get canEdit(): boolean {
    return this.state !== undefined && this.state.role !== 'rep' && !this.state.readOnlyReason;
  }

  /**
   * Whether any of these state fields changed since the previous call; use it in `shouldUpdate` so
   * that, e.g., a selection change does not re-render a widget that does not show the selection.
   *
   * @example
   * protected override shouldUpdate(changed: PropertyValues) {
   *   return this.plan.changed(['accounts', 'reps', 'working']) || changed.size > 0;
   * }
   */
  changed(keys: readonly (keyof PlanState)[]): boolean {
    const s = this.state;
    const last = this.seen;
    this.seen = s;
    if (!s || !last) return s !== last;
    return keys.some((k) => s[k] !== last[k]);
  }

  hostConnected(): void {
    // A provider defined after this element never saw its context request: ask again once it is.
    if (this.state === undefined && !customElements.get('tk-territory-provider')) {
      void customElements.whenDefined('tk-territory-provider').then(() => {
        if (this.state !== undefined || !this.host.isConnected) return;
        for (const consumer of [this.stateConsumer, this.actionsConsumer]) {
          consumer.hostDisconnected();
          consumer.hostConnected();
        }
      });
    }
  }
}
