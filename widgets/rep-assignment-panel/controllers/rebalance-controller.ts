import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Assignments } from '../../../src/model/plan.js';
import type { PlanState } from '../../../src/store/types.js';
import type { RebalanceOptions, RebalanceProgress, RebalanceResult } from '../../../src/engine/rebalance.js';
import type { rebalancePreview } from '../sections/rebalance-preview.js';

/** What the user chose in the rebalance form. */
export interface RebalanceChoice {
  /** Allowed relative deviation (0.05 = ±5%). */
  tolerance: number;
  /** Most accounts that may change hands; null = no limit. */
  maxMoves: number | null;
  /** Most potential that may change hands; null = no limit. */
  maxPotentialMoved: number | null;
  /** Farthest an account may go from its new rep (km, great circle); null or absent = no limit. */
  maxDistanceKm?: number | null;
  /** Honour `locked` on accounts and reps (when false, locks are ignored for this run). */
  respectLocks: boolean;
  /** Keep the selected accounts where they are. */
  lockSelection: boolean;
  /** 'disruption' (fewest moves, the default) or 'compactness' (redraw compact territories, within the budgets). */
  objective?: 'disruption' | 'compactness';
}

/** The runner: the engine's rebalance entry (swappable, e.g. for the Worker path). */
export type RebalanceRunner = (
  input: { accounts: PlanState['accounts']; reps: PlanState['reps']; current: Assignments },
  options: RebalanceOptions,
) => Promise<RebalanceResult>;

/** Shortest time between two progress re-renders, in ms. */
const PROGRESS_MS = 100;

/**
 * The engine's `runRebalance`: in a module Worker where the page allows one, else time-sliced on the
 * main thread (Salesforce LWS forbids Workers). The engine is a separate chunk, loaded on the first
 * run (it is most of the engine's size and most pages never rebalance).
 */
export function engineRunner(worker: 'auto' | 'never'): RebalanceRunner {
  return async (input, options) => {
    const { runRebalance } = await import('../../../src/engine/rebalance/run-rebalance.js');
    return runRebalance(input, { ...options, worker });
  };
}

/** The lifecycle of one rebalance run and its preview. */
export type RebalancePhaseState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: RebalanceProgress | null }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string; /** What was thrown (an EngineError is worded in the UI language). */ error?: unknown }
  | { kind: 'preview'; result: RebalanceResult; basedOn: Assignments; view: typeof rebalancePreview; choice: RebalanceChoice };

/**
 * Runs a rebalance of the working plan off the render path: progress, cancel (AbortController), the
 * result kept as a preview until applied or discarded. A new run aborts the previous one; so does
 * disconnecting the host. The preview's template (sections/rebalance-preview.ts) is a separate chunk,
 * fetched while the engine runs; the phase becomes `preview` once both are in.
 */
export class RebalanceController implements ReactiveController {
  phase: RebalancePhaseState = { kind: 'idle' };
  private abort: AbortController | null = null;
  private shownAt = 0;
  private readonly host: ReactiveControllerHost;

  constructor(
    host: ReactiveControllerHost,
    /** The runner to use for the next run. */
    private readonly runner: () => RebalanceRunner = () => engineRunner('auto'),
  ) {
    this.host = host;
    host.addController(this);
  }

  get running(): boolean {
    return this.phase.kind === 'running';
  }

  /** Starts a rebalance of `state.working` with the chosen options. */
  async run(state: PlanState, choice: RebalanceChoice): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const basedOn = state.working;
    const accounts = choice.respectLocks ? state.accounts : state.accounts.map((a) => (a.locked ? { ...a, locked: false } : a));
    const reps = choice.respectLocks ? state.reps : state.reps.map((r) => (r.locked ? { ...r, locked: false } : r));
    const options: RebalanceOptions = {
      tolerance: choice.tolerance,
      signal: abort.signal,
      onProgress: (progress) => {
        if (this.abort !== abort) return;
        const shown = this.phase.kind === 'running' ? this.phase.progress : null;
        this.phase = { kind: 'running', progress };
        // Re-render at most every PROGRESS_MS (and on each phase change), not after every slice.
        const now = performance.now();
        if (shown && shown.phase === progress.phase && now - this.shownAt < PROGRESS_MS) return;
        this.shownAt = now;
        this.host.requestUpdate();
      },
    };
    if (choice.maxMoves !== null) options.maxMoves = choice.maxMoves;
    if (choice.maxPotentialMoved !== null) options.maxPotentialMoved = choice.maxPotentialMoved;
    if (choice.maxDistanceKm !== null && choice.maxDistanceKm !== undefined) options.maxDistanceKm = choice.maxDistanceKm;
    if (choice.lockSelection && state.selection.length) options.lockedAccountIds = state.selection;
    if (choice.objective === 'compactness') options.objective = 'compactness';
    this.phase = { kind: 'running', progress: null };
    this.host.requestUpdate();
    try {
      const view = import('../sections/rebalance-preview.js');
      view.catch(() => {}); // a failure is reported below, after the run
      const result = await this.runner()({ accounts, reps, current: basedOn }, options);
      const { rebalancePreview } = await view;
      if (this.abort !== abort) return;
      this.phase = { kind: 'preview', result, basedOn, view: rebalancePreview, choice };
    } catch (error) {
      if (this.abort !== abort) return;
      const aborted = abort.signal.aborted || (error instanceof Error && error.name === 'AbortError');
      this.phase = aborted ? { kind: 'cancelled' } : { kind: 'error', message: error instanceof Error ? error.message : String(error), error };
    } finally {
      if (this.abort === abort) this.abort = null;
    }
    this.host.requestUpdate();
  }

  /** Cancels a running rebalance. */
  cancel(): void {
    if (!this.abort) return;
    this.abort.abort();
    this.abort = null;
    this.phase = { kind: 'cancelled' };
    this.host.requestUpdate();
  }

  /** Forgets the preview (or the cancelled/error notice). */
  clear(): void {
    this.cancel();
    this.phase = { kind: 'idle' };
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.phase.kind === 'running') this.phase = { kind: 'idle' };
  }
}
