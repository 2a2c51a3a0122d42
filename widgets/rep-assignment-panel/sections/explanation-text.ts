// The rebalance explanation ("How the rebalance got there") in the UI language, from the engine's
// sentences (RebalanceResult.explanationParts); the engine's English `explanation` when a result has none.
// Part of the rebalance preview's on-demand chunk: it imports only types (msg and str come with Words).
import type { ExplanationPart, ExplanationWorst, RebalanceResult } from '../../../src/engine/rebalance.js';
import type { Metric } from '../../../src/engine/types.js';
import type { Formatters } from '../../shared/format.js';
import type { Words } from './words.js';

function metricName({ msg }: Words, m: Metric): string {
  return m === 'potential' ? msg('potential', { id: 'explanation-metric-potential' }) : m === 'workload' ? msg('workload', { id: 'explanation-metric-workload' }) : msg('count', { id: 'explanation-metric-count' });
}

/** "workload 8.1%, potential 9%". */
function worstText(w: Words, f: Formatters, worst: ExplanationWorst[]): string {
  return worst.map((x) => `${metricName(w, x.metric)} ${f.percent(x.deviation, 1)}`).join(', ');
}

/** "12 accounts moved (all of them had no active owner)": one whole phrase per case. */
function movedText({ msg, str, isOne }: Words, f: Formatters, moved: number, placed: number): string {
  const n = f.number(moved, 0);
  if (placed === 0) return isOne(moved) ? msg(str`${n} account moved`) : msg(str`${n} accounts moved`);
  if (placed === moved) return isOne(moved) ? msg(str`${n} account moved (it had no active owner)`) : msg(str`${n} accounts moved (all of them had no active owner)`);
  const p = f.number(placed, 0);
  return isOne(moved) ? msg(str`${n} account moved (${p} had no active owner)`) : msg(str`${n} accounts moved (${p} had no active owner)`);
}

function sentence(w: Words, f: Formatters, p: ExplanationPart): string {
  const { msg, str, isOne } = w;
  const pct = (d: number) => f.percent(d, 1);
  const num = (n: number) => f.number(n, 0);
  const names = (list: string[], more: number) => w.listSome(list, list.length + more, list.length, num);
  switch (p.code) {
    case 'compact-redrawn': {
      const n = num(p.redrawn);
      return isOne(p.redrawn)
        ? msg(str`Territories redrawn for compactness (${n} account placed with one of its nearest reps first).`)
        : msg(str`Territories redrawn for compactness (${n} accounts placed with one of their nearest reps first).`);
    }
    case 'balanced': {
      const tol = pct(p.tolerance);
      const worst = worstText(w, f, p.worst);
      const moved = movedText(w, f, p.moved, p.placed);
      return msg(str`Every active rep is within ±${tol} (worst: ${worst}); ${moved}.`);
    }
    case 'within': {
      const tol = pct(p.tolerance);
      const worst = worstText(w, f, p.worst);
      return msg(str`Every active rep is within ±${tol} (worst: ${worst}).`);
    }
    case 'others-within': {
      const tol = pct(p.tolerance);
      return msg(str`Every other rep is within ±${tol}.`);
    }
    case 'still-outside': {
      const tol = pct(p.tolerance);
      const worst = worstText(w, f, p.worst);
      const n = num(p.reps);
      return isOne(p.reps) ? msg(str`Still outside ±${tol}: ${n} rep (worst: ${worst}).`) : msg(str`Still outside ±${tol}: ${n} reps (worst: ${worst}).`);
    }
    case 'moved': {
      const moved = movedText(w, f, p.moved, p.placed);
      return msg(str`${moved}.`, { id: 'explanation-moved-sentence', desc: 'A sentence of the phrase "12 accounts moved"' });
    }
    case 'budget-stopped': {
      const limits: string[] = [];
      if (p.maxMoves !== null) {
        const m = num(p.maxMoves);
        limits.push(isOne(p.maxMoves) ? msg(str`the move limit of ${m} account`) : msg(str`the move limit of ${m} accounts`));
      }
      if (p.maxPotentialMoved !== null) {
        const v = num(Math.round(p.maxPotentialMoved));
        limits.push(msg(str`the limit on potential moved (${v})`));
      }
      const which = w.listText(limits);
      const n = num(p.moved);
      return isOne(p.moved) ? msg(str`Stopped at ${which}: ${n} account moved.`) : msg(str`Stopped at ${which}: ${n} accounts moved.`);
    }
    case 'orphans-first': {
      const n = num(p.placed);
      return msg(str`Accounts without an active owner are placed first: ${n} of the moves went to them.`);
    }
    case 'unplaced': {
      const n = num(p.accounts);
      if (p.locked === 0) return isOne(p.accounts) ? msg(str`${n} account without an active owner could not be placed.`) : msg(str`${n} accounts without an active owner could not be placed.`);
      if (p.accounts === 1) return msg(str`${n} account without an active owner could not be placed (it is locked: unlock it or assign it by hand).`);
      if (p.locked === p.accounts) return msg(str`${n} accounts without an active owner could not be placed (all of them locked: unlock them or assign them by hand).`);
      const l = num(p.locked);
      return msg(str`${n} accounts without an active owner could not be placed (${l} of them locked: unlock them or assign them by hand).`);
    }
    case 'undone': {
      const n = num(p.moves);
      return isOne(p.moves) ? msg(str`${n} move was undone to keep it.`) : msg(str`${n} moves were undone to keep it.`);
    }
    case 'distance-kept': {
      const n = num(p.accounts);
      if (p.orphansOutOfReach) {
        return isOne(p.accounts)
          ? msg(str`The distance limit kept ${n} account from going to a rep further away than allowed (some orphans have no rep within reach).`)
          : msg(str`The distance limit kept ${n} accounts from going to a rep further away than allowed (some orphans have no rep within reach).`);
      }
      return isOne(p.accounts)
        ? msg(str`The distance limit kept ${n} account from going to a rep further away than allowed.`)
        : msg(str`The distance limit kept ${n} accounts from going to a rep further away than allowed.`);
    }
    case 'allow-more':
      return msg('Allow more moves to balance further.');
    case 'no-free-rep':
      return msg('No active, unlocked rep can take accounts.');
    case 'no-improving-move':
      return msg('No single move or swap improves the balance further.');
    case 'limit-large-account': {
      const { account, rep } = p;
      const share = pct(p.share);
      const metric = metricName(w, p.metric);
      const tol = pct(p.tolerance);
      const reached = pct(p.reached);
      const bound = pct(p.bound);
      return msg(str`${account} alone is ${share} of ${rep}'s ${metric} target, so ${rep} cannot be within ±${tol}: it keeps the account and ends ${reached} off (the least possible is ${bound}).`);
    }
    case 'limit-locked-accounts': {
      const { rep } = p;
      const list = names(p.names, p.more);
      const metric = metricName(w, p.metric);
      const tol = pct(p.tolerance);
      const reached = pct(p.reached);
      const bound = pct(p.bound);
      return msg(str`Locked accounts on ${rep} (${list}) hold more ${metric} than ${rep} may have within ±${tol}: ${rep} ends ${reached} off (the least possible is ${bound}); unlock some to balance it.`);
    }
    case 'limit-locked-rep': {
      const { rep } = p;
      const bound = pct(p.bound);
      const metric = metricName(w, p.metric);
      return msg(str`${rep} is locked and ${bound} off its ${metric} target; unlock the rep to balance it.`);
    }
    case 'limit-remaining-reps': {
      const n = num(p.reps);
      const bound = pct(p.bound);
      const metric = metricName(w, p.metric);
      const reached = pct(p.reached);
      return isOne(p.reps)
        ? msg(str`What is left for the other ${n} rep is ${bound} off its ${metric} target on average: it ends within ${reached}.`)
        : msg(str`What is left for the other ${n} reps is ${bound} off their ${metric} targets on average: they end within ${reached}.`);
    }
    case 'limit-large-accounts': {
      const list = names(p.names, p.more);
      const tol = pct(p.tolerance);
      const metric = metricName(w, p.metric);
      const bound = pct(p.bound);
      const reached = pct(p.reached);
      return msg(str`The largest accounts (${list}) cannot be spread so that every rep is within ±${tol} on ${metric}: two of them must share a rep (the least possible is ${bound}); worst rep ends ${reached} off.`);
    }
  }
}

/** The explanation in the UI language (sentences joined with a space), or `fallback(explanation)` without parts. */
export function explanationText(w: Words, f: Formatters, result: Pick<RebalanceResult, 'explanation' | 'explanationParts'>, fallback: (english: string) => string): string {
  if (!result.explanationParts?.length) return fallback(result.explanation);
  return result.explanationParts.map((p) => sentence(w, f, p)).join(w.msg(' ', { id: 'explanation-separator', desc: 'Between the sentences of the rebalance explanation (a space; Japanese too)' }));
}
