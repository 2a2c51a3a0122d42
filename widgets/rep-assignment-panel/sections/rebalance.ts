import { html, nothing } from 'lit';
import { styleProps } from '../../shared/style-props.js';
import type { Assignments } from '../../../src/model/plan.js';
import type { RebalanceResult } from '../../../src/engine/rebalance.js';
import { optionalNumber, section, sectionError, type PanelCtx } from './context.js';

/** Moves listed with their reason; the rest are counted. */
const LISTED_MOVES = 100;

const PHASES: Record<string, string> = {
  prepare: 'Preparing',
  assign: 'Placing unowned accounts',
  balance: 'Moving accounts',
  swap: 'Swapping accounts',
  evaluate: 'Evaluating',
  done: 'Done',
};

const STATUS: Record<RebalanceResult['status'], string> = {
  balanced: 'Balanced',
  'at-lower-bound': 'As balanced as these accounts allow',
  'budget-exhausted': 'Stopped by the move budget',
  infeasible: 'Blocked by locks or inactive reps',
  'local-optimum': 'No further improvement found',
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
  let error = '';
  if (tolerancePct === null || Number.isNaN(tolerancePct) || tolerancePct > 100) error = 'Tolerance must be a percentage between 0 and 100.';
  else if (Number.isNaN(maxMoves) || (maxMoves !== null && !Number.isInteger(maxMoves))) error = 'Most accounts moved must be a whole number ≥ 0, or empty for no limit.';
  else if (Number.isNaN(maxPotential)) error = 'Most potential moved must be a number ≥ 0, or empty for no limit.';
  ctx.set({ errors: { ...ctx.ui.errors, rebalance: error } });
  if (error) return;
  void ctx.rebalance.run(ctx.s, {
    tolerance: tolerancePct! / 100,
    maxMoves,
    maxPotentialMoved: maxPotential,
    respectLocks: ctx.ui.respectLocks,
    lockSelection: ctx.ui.lockSelection,
    objective: ctx.ui.objective,
  });
}

function apply(ctx: PanelCtx, result: RebalanceResult): void {
  const assignments: Assignments = {};
  for (const m of result.moves) assignments[m.accountId] = m.to;
  const n = result.moves.length;
  const label = `Rebalance: move ${ctx.f.number(n, 0)} account${n === 1 ? '' : 's'}`;
  if (ctx.a.applyAssignments(assignments, label)) ctx.announce(`${label}. Undo with Ctrl+Z.`);
  ctx.rebalance.clear();
}

function preview(ctx: PanelCtx, result: RebalanceResult, stale: boolean) {
  const { f } = ctx;
  const c = result.metrics.comparison;
  const before = result.metrics.before.balance;
  const after = result.metrics.after.balance;
  const affected = c.reps.filter((r) => r.gained || r.lost);
  const km = { before: result.metrics.before.compactnessKm, after: result.metrics.after.compactnessKm };
  return html`<div part="preview" role="region" aria-label="Rebalance preview">
    <p><strong>${STATUS[result.status]}.</strong> ${result.explanation}</p>
    <dl part="preview-stats" class="stats">
      <div><dt>Accounts moved</dt><dd data-stat="accounts">${f.number(c.accountsMoved, 0)}</dd>
        <dd class="weak">${f.percent(c.accountsMovedShare, 1)} of accounts; at least ${f.number(c.lowerBound.accounts, 0)} needed</dd></div>
      <div><dt>Potential moved</dt><dd data-stat="potential">${f.currency(c.potentialMoved)}</dd>
        <dd class="weak">${f.percent(c.potentialMovedShare, 1)} of potential</dd></div>
      <div><dt>Max deviation, workload</dt><dd data-stat="workload-deviation">${f.percent(before.workload.maxDeviation, 1)} → ${f.percent(after.workload.maxDeviation, 1)}</dd></div>
      <div><dt>Max deviation, potential</dt><dd data-stat="potential-deviation">${f.percent(before.potential.maxDeviation, 1)} → ${f.percent(after.potential.maxDeviation, 1)}</dd></div>
      ${km.before !== null && km.after !== null
        ? html`<div><dt>Mean distance to rep</dt><dd data-stat="distance">${f.number(km.before, 0)} km → ${f.number(km.after, 0)} km</dd>
            <dd class="weak">weighted by workload</dd></div>`
        : nothing}
    </dl>
    ${affected.length
      ? html`<div class="scroll tall" tabindex="0" role="region" aria-label="Reps affected"><table part="preview-reps">
          <caption>Reps affected</caption>
          <thead><tr><th scope="col">Rep</th><th scope="col" class="num">Gains</th><th scope="col" class="num">Loses</th><th scope="col" class="num">Net potential</th></tr></thead>
          <tbody>
            ${affected.map(
              (r) => html`<tr data-rep=${r.repId}>
                <th scope="row">${ctx.repName(r.repId)}</th>
                <td class="num">${f.number(r.gained, 0)}</td>
                <td class="num">${f.number(r.lost, 0)}</td>
                <td class="num ${r.netPotential < 0 ? 'loss' : 'gain'}">${r.netPotential < 0 ? '−' : '+'}${f.currency(Math.abs(r.netPotential))}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>`
      : nothing}
    ${result.moves.length
      ? html`<h3 id="moves-title">Moves</h3>
          <div class="scroll tall" tabindex="0" role="region" aria-labelledby="moves-title"><ol part="moves" aria-labelledby="moves-title">
            ${result.moves.slice(0, LISTED_MOVES).map(
              (m) => html`<li data-account=${m.accountId}>
                <span class="name">${ctx.accountName(m.accountId)}</span>: ${ctx.repName(m.from)} → ${ctx.repName(m.to)}
                <span class="weak reason">— ${m.reason}</span>
              </li>`,
            )}
            ${result.moves.length > LISTED_MOVES ? html`<li class="weak">and ${f.number(result.moves.length - LISTED_MOVES, 0)} more</li>` : nothing}
          </ol></div>`
      : html`<p class="weak">No account needs to move.</p>`}
    ${stale ? html`<p class="error" role="alert">The plan changed since this preview was made; run the rebalance again.</p>` : nothing}
    <div class="row">
      <button type="button" class="brand" ?disabled=${stale || result.moves.length === 0} @click=${() => apply(ctx, result)}>Apply</button>
      <button type="button" @click=${() => ctx.rebalance.clear()}>Discard</button>
    </div>
  </div>`;
}

/** Rebalance: options → run (progress, cancel) → preview diff → apply (one undoable step) or discard. */
export function rebalanceSection(ctx: PanelCtx) {
  const { f, ui } = ctx;
  return section(ctx, 'rebalance', 'Rebalance', () => {
    const phase = ctx.rebalance.phase;
    const running = phase.kind === 'running';
    const input = (key: 'tolerancePct' | 'maxMoves' | 'maxPotential') => (e: Event) => ctx.set({ [key]: (e.target as HTMLInputElement).value });
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
        <label class="check"><input type="checkbox" name="respectLocks" .checked=${ui.respectLocks} ?disabled=${running}
          @change=${(e: Event) => ctx.set({ respectLocks: (e.target as HTMLInputElement).checked })} /> Respect locked accounts and reps</label>
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
      ${phase.kind === 'preview' ? preview(ctx, phase.result, phase.basedOn !== ctx.s.working) : nothing}`;
  });
}
