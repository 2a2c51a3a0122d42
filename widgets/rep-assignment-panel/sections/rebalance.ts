import { html, nothing } from 'lit';
import { styleProps } from '../../shared/style-props.js';
import { optionalNumber, section, sectionError, type PanelCtx } from './context.js';

const PHASES: Record<string, string> = {
  prepare: 'Preparing',
  assign: 'Placing unowned accounts',
  balance: 'Moving accounts',
  swap: 'Swapping accounts',
  evaluate: 'Evaluating',
  done: 'Done',
};

/** The rebalance goals (the engine's `objective`): value, label, what it does. */
const GOALS = [
  ['disruption', 'Fewest moves', 'Balances the loads by moving as few accounts as possible.'],
  ['compactness', 'Compact territories', 'Redraws from a clean sheet: each account goes to one of its nearest reps, then the loads are balanced. Moves many more accounts, or as many as the limits below allow, where they shorten distances most.'],
] as const;

function start(ctx: PanelCtx): void {
  const tolerancePct = optionalNumber(ctx.ui.tolerancePct);
  const maxMoves = optionalNumber(ctx.ui.maxMoves);
  const maxPotential = optionalNumber(ctx.ui.maxPotential);
  const maxDistanceKm = optionalNumber(ctx.ui.maxDistanceKm);
  let error = '';
  if (tolerancePct === null || Number.isNaN(tolerancePct) || tolerancePct > 100) error = 'Tolerance must be a percentage between 0 and 100.';
  else if (Number.isNaN(maxMoves) || (maxMoves !== null && !Number.isInteger(maxMoves))) error = 'Most accounts moved must be a whole number ≥ 0, or empty for no limit.';
  else if (Number.isNaN(maxPotential)) error = 'Most potential moved must be a number ≥ 0, or empty for no limit.';
  else if (Number.isNaN(maxDistanceKm)) error = 'Move accounts at most … km must be a distance ≥ 0, or empty for no limit.';
  ctx.set({ errors: { ...ctx.ui.errors, rebalance: error } });
  if (error) return;
  void ctx.rebalance.run(ctx.s, {
    tolerance: tolerancePct! / 100,
    maxMoves,
    maxPotentialMoved: maxPotential,
    maxDistanceKm,
    respectLocks: true,
    lockSelection: ctx.ui.lockSelection,
    objective: ctx.ui.objective,
  });
}

/** How many accounts and reps the rebalance will leave as they are, in words. */
function lockNote(ctx: PanelCtx): string {
  const a = ctx.s.accounts.filter((x) => x.locked).length;
  const r = ctx.s.reps.filter((x) => x.locked).length;
  if (!a && !r) return 'Nothing is locked. Lock accounts (Selection) or reps (Reps) to keep them where they are.';
  const parts = [a ? `${ctx.f.number(a, 0)} locked account${a === 1 ? '' : 's'}` : '', r ? `${ctx.f.number(r, 0)} locked rep${r === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `${parts.join(' and ')} stay as they are; unlock them in Selection or Reps to let them move.`;
}

/** The notice left after Apply: what was done, with Undo (focus lands here). */
function appliedNotice(ctx: PanelCtx) {
  const a = ctx.ui.applied;
  if (!a || ctx.s.past.length !== a.past || ctx.s.past.at(-1)?.label !== a.label) return nothing;
  return html`<p part="applied" class="applied" role="status">Applied: ${a.label}.
    <button type="button" data-history="undo-applied" aria-keyshortcuts="Control+Z Meta+Z"
      @click=${() => {
        if (ctx.a.undo()) ctx.announce(`Undone: ${a.label}`);
        ctx.set({ applied: null });
        ctx.focus('button[type=submit]');
      }}>Undo</button></p>`;
}

/** Rebalance: options → run (progress, cancel) → preview diff → apply (one undoable step) or discard. */
export function rebalanceSection(ctx: PanelCtx) {
  const { f, ui } = ctx;
  return section(ctx, 'rebalance', 'Rebalance', () => {
    const phase = ctx.rebalance.phase;
    const running = phase.kind === 'running';
    const input = (key: 'tolerancePct' | 'maxMoves' | 'maxPotential' | 'maxDistanceKm') => (e: Event) => ctx.set({ [key]: (e.target as HTMLInputElement).value });
    return html`<form part="rebalance-form" class="grid" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        start(ctx);
      }}>
        <fieldset class="goal" ?disabled=${running}>
          <legend>Goal</legend>
          ${GOALS.map(
            ([value, label]) => html`<label class="check"><input type="radio" name="objective" value=${value} .checked=${ui.objective === value}
                aria-describedby="goal-hint" @change=${() => ctx.set({ objective: value })} /> ${label}</label>`,
          )}
          <p id="goal-hint" class="weak">${GOALS.find(([value]) => value === ui.objective)![2]}</p>
        </fieldset>
        <label>Tolerance (±%)
          <input type="number" name="tolerance" min="0" max="100" step="0.5" .value=${ui.tolerancePct} @change=${input('tolerancePct')} ?disabled=${running} />
        </label>
        <label>Most accounts moved
          <input type="number" name="maxMoves" min="0" step="1" placeholder="no limit" .value=${ui.maxMoves} @change=${input('maxMoves')} ?disabled=${running} />
        </label>
        <label>Most potential moved
          <input type="number" name="maxPotential" min="0" step="any" placeholder="no limit" .value=${ui.maxPotential} @change=${input('maxPotential')} ?disabled=${running} />
        </label>
        <label>Move accounts at most (km)
          <input type="number" name="maxDistanceKm" min="0" step="any" placeholder="no limit" aria-describedby="distance-hint"
            .value=${ui.maxDistanceKm} @change=${input('maxDistanceKm')} ?disabled=${running} />
        </label>
        <p id="distance-hint" class="weak">No account goes to a rep farther than this from the rep's home (else the middle of their accounts); empty: no limit.</p>
        <p class="weak" data-stat="locks">${lockNote(ctx)}</p>
        <label class="check"><input type="checkbox" name="lockSelection" .checked=${ui.lockSelection} ?disabled=${running}
          @change=${(e: Event) => ctx.set({ lockSelection: (e.target as HTMLInputElement).checked })} /> Keep the selected accounts where they are</label>
        <div class="row">
          <button type="submit" class="brand" ?disabled=${running || ctx.s.reps.length === 0}>Rebalance</button>
          ${running ? html`<button type="button" @click=${() => ctx.rebalance.cancel()}>Cancel</button>` : nothing}
        </div>
      </form>
      ${sectionError(ctx, 'rebalance')}
      ${running
        ? (() => {
            const p = phase.progress;
            const pct = Math.round((p?.fraction ?? 0) * 100);
            const text = `${PHASES[p?.phase ?? 'prepare'] ?? 'Working'}: ${pct}%${p ? `, ${f.number(p.moves, 0)} moves, worst deviation ${f.percent(p.maxDeviation, 1)}` : ''}`;
            return html`<div part="progress" class="progress" role="progressbar" aria-label="Rebalance progress" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=${pct} aria-valuetext=${text}>
                <div class="bar" style=${styleProps({ width: `${pct}%` })}></div>
              </div>
              <p class="weak">${text}</p>`;
          })()
        : nothing}
      ${phase.kind === 'cancelled' ? html`<p part="rebalance-note" role="status">Rebalance cancelled; the plan is unchanged.</p>` : nothing}
      ${phase.kind === 'error' ? html`<p class="error" role="alert">Rebalance failed: ${phase.message}</p>` : nothing}
      ${phase.kind === 'idle' ? appliedNotice(ctx) : nothing}
      ${phase.kind === 'preview' ? phase.view({ html, nothing }, ctx, phase.result, phase.basedOn, phase.choice) : nothing}`;
  });
}
