// Plain sentences for what held a rebalance back: the engine's proven limits (large accounts, locks)
// and the distance limit, naming accounts and reps. Part of the preview chunk (types only imported).
import type { Account } from '../../../src/model/account.js';
import type { RebalanceLimit, RebalanceResult } from '../../../src/engine/rebalance.js';
import type { Metric } from '../../../src/engine/types.js';
import type { Formatters } from '../../shared/format.js';

/** How the sentences name things. */
export interface Namer {
  repName(id: string): string;
  accountName(id: string): string;
  /** The account (for its share of the total), if known. */
  account(id: string): Account | undefined;
}

/** Accounts or reps named in a sentence; the rest are counted. */
const NAMED = 3;

const METRIC_WORDS: Record<Metric, string> = { potential: 'potential', workload: 'workload', count: 'accounts' };

const plural = (f: Formatters, n: number, noun: string) => `${f.number(n, 0)} ${noun}${n === 1 ? '' : 's'}`;

/** "A, B, C and 4 more" (`total` counts every item, `ids` may list fewer). */
export function nameList(f: Formatters, names: readonly string[], total = names.length): string {
  const shown = names.slice(0, NAMED);
  const rest = total - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${f.number(rest, 0)} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

function value(a: Account | undefined, metric: Metric): number | null {
  if (!a) return null;
  if (metric === 'potential') return a.potential;
  if (metric === 'workload') return a.workload ?? 1;
  return 1;
}

/** One limit in words: who, which accounts, the band it forces (the bound) and where the rep ended. */
function limitSentence(limit: RebalanceLimit, result: RebalanceResult, tol: number, f: Formatters, n: Namer, alone: boolean): string {
  const metric = METRIC_WORDS[limit.metric];
  const reps = nameList(f, limit.repIds.map((id) => n.repName(id)));
  const accounts = nameList(f, limit.accountIds.map((id) => n.accountName(id)), limit.accountCount);
  const band = `±${f.percent(limit.bound, 1)}`;
  const reached = Math.abs(limit.reached - limit.bound) > 0.0005 ? ` (now ${f.percent(limit.reached, 1)})` : '';
  const others = alone ? `; every other rep keeps ±${f.percent(tol, 1)}` : '';
  const one = limit.repIds.length === 1;
  switch (limit.cause) {
    case 'large-account': {
      const total = result.metrics.after.totals[limit.metric];
      const v = value(n.account(limit.accountIds[0] ?? ''), limit.metric);
      const share = v !== null && total > 0 ? `, ${f.percent(v / total, 0)} of all ${metric}` : '';
      const held = limit.accountCount === 1 ? `${accounts}${share}` : accounts;
      return `${reps} ${one ? 'holds' : 'hold'} ${held}: ${one ? `${reps}'s` : 'their'} ${metric} band is widened to ${band}${reached}${others}.`;
    }
    case 'locked-accounts':
      return `${plural(f, limit.accountCount, 'locked account')} (${accounts}) alone put ${reps} over target on ${metric}: ${one ? 'their' : 'the'} band is widened to ${band}${reached}${others}. Unlock them to let them move.`;
    case 'locked-rep':
      return `${reps} ${one ? 'is' : 'are'} locked and ${one ? 'stays' : 'stay'} ${f.percent(limit.reached, 1)} off target on ${metric}; unlock ${one ? 'this rep' : 'them'} to rebalance ${one ? 'their' : 'those'} accounts.`;
    case 'remaining-reps':
      return `What the limits above leave for ${one ? reps : `the other ${plural(f, limit.repIds.length, 'rep')} (${reps})`} cannot be split within ±${f.percent(tol, 1)}: ${one ? 'the' : 'their'} ${metric} band is widened to ${band}${reached}.`;
    case 'large-accounts':
      return `Two of the largest accounts (${accounts}) must share a rep, whichever it is: the ${metric} band is widened to ${band} for ${one ? reps : plural(f, limit.repIds.length, 'rep')}${reached}${others}.`;
  }
}

/** Sentences for the result's limits and its distance limit (empty when nothing held it back). */
export function limitLines(result: RebalanceResult, tol: number, f: Formatters, n: Namer): string[] {
  const lines: string[] = [];
  const d = result.distanceLimit;
  if (d?.binds) {
    const names = nameList(f, d.accountIds.map((id) => n.accountName(id)), d.accountCount);
    const km = f.number(d.maxDistanceKm, 0);
    const done = result.outsideToleranceRepIds.length === 0 && result.unplacedAccountIds.length === 0;
    lines.push(
      done
        ? `${plural(f, d.accountCount, 'account')} stayed put because every rep with room is farther than ${km} km (${names}); the plan is balanced without moving ${d.accountCount === 1 ? 'it' : 'them'}.`
        : `${plural(f, d.accountCount, 'account')} could not move: every rep with room is farther than ${km} km (${names}). Raise the distance limit to let ${d.accountCount === 1 ? 'it' : 'them'} move.`,
    );
  }
  const touched = new Set(result.limits.flatMap((l) => l.repIds));
  for (const limit of result.limits) {
    const alone = limit.repIds.length === touched.size;
    lines.push(limitSentence(limit, result, tol, f, n, alone));
  }
  return lines;
}
