import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RebalanceResult } from '../../src/engine/rebalance.js';
import type { PlanState } from '../../src/store/types.js';

/** What to rebalance for. */
export interface ScenarioRebalanceChoice {
  objective: 'disruption' | 'compactness';
  /** Most accounts that may change hands; null = no limit. */
  maxMoves: number | null;
  tolerance: number;
}

export type ScenarioRebalancePhase =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number }
  | { kind: 'error'; message: string; /** What was thrown (an EngineError is worded in the UI language). */ error?: unknown };

/**
 * Runs the engine's rebalance of a scenario (in a Worker where the page allows one, else time-sliced
 * on the main thread) and hands the result to `done`. The engine is a separate chunk, imported on
 * the first run. A new run, `cancel()` or disconnecting the host aborts the previous one.
 */
export class ScenarioRebalanceController implements ReactiveController {
  phase: ScenarioRebalancePhase = { kind: 'idle' };
  private abort: AbortController | null = null;
  private readonly host: ReactiveControllerHost;
  private readonly worker: () => 'auto' | 'never';

  constructor(host: ReactiveControllerHost, options: { worker: () => 'auto' | 'never' }) {
    this.host = host;
    this.worker = options.worker;
    host.addController(this);
  }

  get running(): boolean {
    return this.phase.kind === 'running';
  }

  /** Rebalances `assignments` (a scenario's) and calls `done` with the result unless aborted. */
  async run(state: PlanState, assignments: PlanState['working'], choice: ScenarioRebalanceChoice, done: (result: RebalanceResult) => void): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.phase = { kind: 'running', fraction: 0 };
    this.host.requestUpdate();
    try {
      const { runRebalance } = await import('../../src/engine/rebalance/run-rebalance.js');
      const result = await runRebalance(
        { accounts: state.accounts, reps: state.reps, current: assignments },
        {
          worker: this.worker(),
          tolerance: choice.tolerance,
          objective: choice.objective,
          signal: abort.signal,
          onProgress: (p) => {
            if (this.abort !== abort || p.fraction - (this.phase.kind === 'running' ? this.phase.fraction : 0) < 0.05) return;
            this.phase = { kind: 'running', fraction: p.fraction };
            this.host.requestUpdate();
          },
          ...(choice.maxMoves !== null ? { maxMoves: choice.maxMoves } : {}),
        },
      );
      if (this.abort !== abort) return;
      this.phase = { kind: 'idle' };
      done(result);
    } catch (error) {
      if (this.abort !== abort) return;
      const aborted = abort.signal.aborted || (error instanceof Error && error.name === 'AbortError');
      this.phase = aborted ? { kind: 'idle' } : { kind: 'error', message: error instanceof Error ? error.message : String(error), error };
    } finally {
      if (this.abort === abort) this.abort = null;
    }
    this.host.requestUpdate();
  }

  cancel(): void {
    this.abort?.abort();
    this.abort = null;
    this.phase = { kind: 'idle' };
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    this.phase = { kind: 'idle' };
  }
}
