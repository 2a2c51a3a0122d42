// Plain sentences for what held a rebalance back: the engine's proven limits (large accounts, locks)
// and the distance limit, naming accounts and reps, in the UI language (built here from the engine's
// structured limits). Part of the preview chunk (types only imported; msg and str come in `Words`).
import type { Account } from '../../../src/model/account.js';
import type { RebalanceLimit, RebalanceResult } from '../../../src/engine/rebalance.js';
import type { Metric } from '../../../src/engine/types.js';
import type { Formatters } from '../../shared/format.js';
import type { Words } from './words.js';

/** How the sentences name things. */
export interface Namer {
  repName(id: string): string;
  accountName(id: string): string;
  /** The account (for its share of the total), if known. */
  account(id: string): Account | undefined;
}

/** Accounts or reps named in a sentence; the rest are counted. */
const NAMED = 3;

/** The metric as a noun ("potential", "workload", "accounts"). */
function metricWord(metric: Metric, { msg }: Words): string {
  return metric === 'potential' ? msg('potential', { desc: 'metric' }) : metric === 'workload' ? msg('workload', { desc: 'metric' }) : msg('accounts', { desc: 'metric' });
}

/** "A, B, C and 4 more" (`total` counts every item, `ids` may list fewer). */
export function nameList(w: Words, f: Formatters, names: readonly string[], total = names.length): string {
  return w.listSome(names, total, NAMED, (n) => f.number(n, 0));
}

function value(a: Account | undefined, metric: Metric): number | null {
  if (!a) return null;
  if (metric === 'potential') return a.potential;
  if (metric === 'workload') return a.workload ?? 1;
  return 1;
}

/** One limit in words: who, which accounts, the band it forces (the bound) and where the rep ended. */
function limitSentence(limit: RebalanceLimit, result: RebalanceResult, tol: number, f: Formatters, n: Namer, alone: boolean, w: Words): string {
  const { msg, str, isOne } = w;
  const metric = metricWord(limit.metric, w);
  const reps = nameList(w, f, limit.repIds.map((id) => n.repName(id)));
  const accounts = nameList(w, f, limit.accountIds.map((id) => n.accountName(id)), limit.accountCount);
  const band = `±${f.percent(limit.bound, 1)}`;
  const now = f.percent(limit.reached, 1);
  const reached = Math.abs(limit.reached - limit.bound) > 0.0005 ? msg(str` (now ${now})`) : '';
  const tolerance = `±${f.percent(tol, 1)}`;
  const others = alone ? msg(str`; every other rep keeps ${tolerance}`) : '';
  const one = limit.repIds.length === 1;
  const repCount = f.number(limit.repIds.length, 0);
  const accountCount = f.number(limit.accountCount, 0);
  switch (limit.cause) {
    case 'large-account': {
      const total = result.metrics.after.totals[limit.metric];
      const v = value(n.account(limit.accountIds[0] ?? ''), limit.metric);
      const share = v !== null && total > 0 ? f.percent(v / total, 0) : null;
      const held = limit.accountCount === 1 && share !== null ? msg(str`${accounts}, ${share} of all ${metric}`) : accounts;
      return one
        ? msg(str`${reps} holds ${held}: ${reps}'s ${metric} band is widened to ${band}${reached}${others}.`)
        : msg(str`${reps} hold ${held}: their ${metric} band is widened to ${band}${reached}${others}.`);
    }
    case 'locked-accounts':
      if (isOne(limit.accountCount)) {
        return one
          ? msg(str`${accountCount} locked account (${accounts}) alone puts ${reps} over target on ${metric}: their band is widened to ${band}${reached}${others}. Unlock it to let it move.`)
          : msg(str`${accountCount} locked account (${accounts}) alone puts ${reps} over target on ${metric}: the band is widened to ${band}${reached}${others}. Unlock it to let it move.`);
      }
      return one
        ? msg(str`${accountCount} locked accounts (${accounts}) alone put ${reps} over target on ${metric}: their band is widened to ${band}${reached}${others}. Unlock them to let them move.`)
        : msg(str`${accountCount} locked accounts (${accounts}) alone put ${reps} over target on ${metric}: the band is widened to ${band}${reached}${others}. Unlock them to let them move.`);
    case 'locked-rep':
      return one
        ? msg(str`${reps} is locked and stays ${now} off target on ${metric}; unlock this rep to rebalance their accounts.`)
        : msg(str`${reps} are locked and stay ${now} off target on ${metric}; unlock them to rebalance those accounts.`);
    case 'remaining-reps':
      return one
        ? msg(str`What the limits above leave for ${reps} cannot be split within ${tolerance}: the ${metric} band is widened to ${band}${reached}.`)
        : msg(str`What the limits above leave for the other ${repCount} reps (${reps}) cannot be split within ${tolerance}: their ${metric} band is widened to ${band}${reached}.`);
    case 'large-accounts':
      return one
        ? msg(str`Two of the largest accounts (${accounts}) must share a rep, whichever it is: the ${metric} band is widened to ${band} for ${reps}${reached}${others}.`)
        : msg(str`Two of the largest accounts (${accounts}) must share a rep, whichever it is: the ${metric} band is widened to ${band} for ${repCount} reps${reached}${others}.`);
  }
}

/** Sentences for the result's limits and its distance limit (empty when nothing held it back). */
export function limitLines(result: RebalanceResult, tol: number, f: Formatters, n: Namer, w: Words): string[] {
  const { msg, str, isOne } = w;
  const lines: string[] = [];
  const d = result.distanceLimit;
  if (d?.binds) {
    const names = nameList(w, f, d.accountIds.map((id) => n.accountName(id)), d.accountCount);
    const km = f.number(d.maxDistanceKm, 0);
    const done = result.outsideToleranceRepIds.length === 0 && result.unplacedAccountIds.length === 0;
    const n1 = isOne(d.accountCount);
    const count = f.number(d.accountCount, 0);
    lines.push(
      done
        ? n1
          ? msg(str`${count} account stayed put because every rep with room is farther than ${km} km (${names}); the plan is balanced without moving it.`)
          : msg(str`${count} accounts stayed put because every rep with room is farther than ${km} km (${names}); the plan is balanced without moving them.`)
        : n1
          ? msg(str`${count} account could not move: every rep with room is farther than ${km} km (${names}). Raise the distance limit to let it move.`)
          : msg(str`${count} accounts could not move: every rep with room is farther than ${km} km (${names}). Raise the distance limit to let them move.`),
    );
  }
  const touched = new Set(result.limits.flatMap((l) => l.repIds));
  for (const limit of result.limits) {
    const alone = limit.repIds.length === touched.size;
    lines.push(limitSentence(limit, result, tol, f, n, alone, w));
  }
  return lines;
}
