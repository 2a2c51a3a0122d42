import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { styleProps } from '../../shared/style-props.js';
import { optionalNumber, section, sectionError, type PanelCtx } from './context.js';
import { isOne, words } from './words.js';

/** The engine's phase in words. */
function phaseText(phase: string | undefined): string {
  switch (phase ?? 'prepare') {
    case 'prepare':
      return msg('Preparing');
    case 'assign':
      return msg('Placing unowned accounts');
    case 'balance':
      return msg('Moving accounts');
    case 'swap':
      return msg('Swapping accounts');
    case 'evaluate':
      return msg('Evaluating');
    case 'done':
      return msg('Done');
    default:
      return msg('Working');
  }
}

/** The rebalance goals (the engine's `objective`): value, label, what it does. */
const goals = () =>
  [
    ['disruption', msg('Fewest moves'), msg('Balances the loads by moving as few accounts as possible.')],
    [
      'compactness',
      msg('Compact territories'),
      msg('Redraws from a clean sheet: each account goes to one of its nearest reps, then the loads are balanced. Moves many more accounts, or as many as the limits below allow, where they shorten distances most.'),
    ],
  ] as const;

function start(ctx: PanelCtx): void {
  const tolerancePct = optionalNumber(ctx.ui.tolerancePct);
  const maxMoves = optionalNumber(ctx.ui.maxMoves);
  const maxPotential = optionalNumber(ctx.ui.maxPotential);
  const maxDistanceKm = optionalNumber(ctx.ui.maxDistanceKm);
  let error = '';
  if (tolerancePct === null || Number.isNaN(tolerancePct) || tolerancePct > 100) error = msg('Tolerance must be a percentage between 0 and 100.');
  else if (Number.isNaN(maxMoves) || (maxMoves !== null && !Number.isInteger(maxMoves))) error = msg('Most accounts moved must be a whole number ≥ 0, or empty for no limit.');
  else if (Number.isNaN(maxPotential)) error = msg('Most potential moved must be a number ≥ 0, or empty for no limit.');
  else if (Number.isNaN(maxDistanceKm)) error = msg('Move accounts at most … km must be a distance ≥ 0, or empty for no limit.');
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
  if (!a && !r) return msg('Nothing is locked. Lock accounts (Selection) or reps (Reps) to keep them where they are.');
  const accounts = ctx.f.number(a, 0);
  const reps = ctx.f.number(r, 0);
  if (!r) return isOne(a) ? msg(str`${accounts} locked account stays as it is; unlock it in Selection to let it move.`) : msg(str`${accounts} locked accounts stay as they are; unlock them in Selection to let them move.`);
  if (!a) return isOne(r) ? msg(str`${reps} locked rep stays as they are; unlock them in Reps to let them move.`) : msg(str`${reps} locked reps stay as they are; unlock them in Reps to let them move.`);
  const lockedAccounts = isOne(a) ? msg(str`${accounts} locked account`) : msg(str`${accounts} locked accounts`);
  const lockedReps = isOne(r) ? msg(str`${reps} locked rep`) : msg(str`${reps} locked reps`);
  return msg(str`${lockedAccounts} and ${lockedReps} stay as they are; unlock them in Selection or Reps to let them move.`);
}

/** The notice left after Apply: what was done, with Undo (focus lands here). */
function appliedNotice(ctx: PanelCtx) {
  const a = ctx.ui.applied;
  if (!a || ctx.s.past.length !== a.past || ctx.s.past.at(-1)?.label !== a.label) return nothing;
  const label = a.label;
  return html`<p part="applied" class="applied" role="status">${msg(str`Applied: ${label}.`)}
    <button type="button" data-history="undo-applied" aria-keyshortcuts="Control+Z Meta+Z"
      @click=${() => {
        if (ctx.a.undo()) ctx.announce(msg(str`Undone: ${label}`));
        ctx.set({ applied: null });
        ctx.focus('button[type=submit]');
      }}>${msg('Undo')}</button></p>`;
}

/** Rebalance: options → run (progress, cancel) → preview diff → apply (one undoable step) or discard. */
export function rebalanceSection(ctx: PanelCtx) {
  const { f, ui } = ctx;
  return section(ctx, 'rebalance', msg('Rebalance'), () => {
    const phase = ctx.rebalance.phase;
    const running = phase.kind === 'running';
    const GOALS = goals();
    const input = (key: 'tolerancePct' | 'maxMoves' | 'maxPotential' | 'maxDistanceKm') => (e: Event) => ctx.set({ [key]: (e.target as HTMLInputElement).value });
    return html`<form part="rebalance-form" class="grid" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        start(ctx);
      }}>
        <fieldset class="goal" ?disabled=${running}>
          <legend>${msg('Goal')}</legend>
          ${GOALS.map(
            ([value, label]) => html`<label class="check"><input type="radio" name="objective" value=${value} .checked=${ui.objective === value}
                aria-describedby="goal-hint" @change=${() => ctx.set({ objective: value })} /> ${label}</label>`,
          )}
          <p id="goal-hint" class="weak">${GOALS.find(([value]) => value === ui.objective)![2]}</p>
        </fieldset>
        <label>${msg('Tolerance (±%)')}
          <input type="number" name="tolerance" min="0" max="100" step="0.5" .value=${ui.tolerancePct} @change=${input('tolerancePct')} ?disabled=${running} />
        </label>
        <label>${msg('Most accounts moved')}
          <input type="number" name="maxMoves" min="0" step="1" placeholder=${msg('no limit')} .value=${ui.maxMoves} @change=${input('maxMoves')} ?disabled=${running} />
        </label>
        <label>${msg('Most potential moved')}
          <input type="number" name="maxPotential" min="0" step="any" placeholder=${msg('no limit')} .value=${ui.maxPotential} @change=${input('maxPotential')} ?disabled=${running} />
        </label>
        <label>${msg('Move accounts at most (km)')}
          <input type="number" name="maxDistanceKm" min="0" step="any" placeholder=${msg('no limit')} aria-describedby="distance-hint"
            .value=${ui.maxDistanceKm} @change=${input('maxDistanceKm')} ?disabled=${running} />
        </label>
        <p id="distance-hint" class="weak">${msg("No account goes to a rep farther than this from the rep's home (else the middle of their accounts); empty: no limit.")}</p>
        <p class="weak" data-stat="locks">${lockNote(ctx)}</p>
        <label class="check"><input type="checkbox" name="lockSelection" .checked=${ui.lockSelection} ?disabled=${running}
          @change=${(e: Event) => ctx.set({ lockSelection: (e.target as HTMLInputElement).checked })} /> ${msg('Keep the selected accounts where they are')}</label>
        <div class="row">
          <button type="submit" class="brand" ?disabled=${running || ctx.s.reps.length === 0}>${msg('Rebalance')}</button>
          ${running ? html`<button type="button" @click=${() => ctx.rebalance.cancel()}>${msg('Cancel')}</button>` : nothing}
        </div>
      </form>
      ${sectionError(ctx, 'rebalance')}
      ${running
        ? (() => {
            const p = phase.progress;
            const pct = Math.round((p?.fraction ?? 0) * 100);
            const step = phaseText(p?.phase);
            const done = f.percent(pct / 100, 0);
            const moves = p ? f.number(p.moves, 0) : '';
            const worst = p ? f.percent(p.maxDeviation, 1) : '';
            const text = !p
              ? msg(str`${step}: ${done}`)
              : isOne(p.moves)
                ? msg(str`${step}: ${done}, ${moves} move, worst deviation ${worst}`)
                : msg(str`${step}: ${done}, ${moves} moves, worst deviation ${worst}`);
            return html`<div part="progress" class="progress" role="progressbar" aria-label=${msg('Rebalance progress')} aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=${pct} aria-valuetext=${text}>
                <div class="bar" style=${styleProps({ width: `${pct}%` })}></div>
              </div>
              <p class="weak">${text}</p>`;
          })()
        : nothing}
      ${phase.kind === 'cancelled' ? html`<p part="rebalance-note" role="status">${msg('Rebalance cancelled; the plan is unchanged.')}</p>` : nothing}
      ${phase.kind === 'error' ? html`<p class="error" role="alert">${msg(str`Rebalance failed: ${ctx.later?.engineErrorText(phase.error, ctx.f) ?? phase.message}`)}</p>` : nothing}
      ${phase.kind === 'idle' ? appliedNotice(ctx) : nothing}
      ${phase.kind === 'preview' ? phase.view({ html, nothing, words }, ctx, phase.result, phase.basedOn, phase.choice) : nothing}`;
  });
}
