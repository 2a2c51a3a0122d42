// A rebalance move's reason in the UI language, from the engine's clauses (RebalanceMove.reasonParts);
// the engine's English `reason` when a move has none. Part of the rebalance preview's on-demand chunk: it
// imports only types (msg and str come with the section's Words).
import type { RebalanceMove, MoveReasonPart, MoveReasonStanding } from '../../../src/engine/rebalance.js';
import type { Formatters } from '../../shared/format.js';
import type { Words } from './words.js';

/** Names for the clauses' rep and account ids. */
export interface ReasonNamer {
  repName(id: string): string;
  accountName(id: string): string;
}

/** "23% over potential target", "on workload target": one whole phrase per metric and direction. */
function standing({ msg, str }: Words, f: Formatters, s: MoveReasonStanding): string {
  const on = Math.abs(s.deviation) < 0.005;
  const pct = f.percent(Math.round(Math.abs(s.deviation) * 100) / 100, 0);
  const over = s.deviation > 0;
  switch (s.metric) {
    case 'potential':
      return on ? msg('on potential target') : over ? msg(str`${pct} over potential target`) : msg(str`${pct} under potential target`);
    case 'workload':
      return on ? msg('on workload target') : over ? msg(str`${pct} over workload target`) : msg(str`${pct} under workload target`);
    default:
      return on ? msg('on count target') : over ? msg(str`${pct} over count target`) : msg(str`${pct} under count target`);
  }
}

function clause(w: Words, f: Formatters, names: ReasonNamer, p: MoveReasonPart): string {
  const { msg, str } = w;
  const where = (repId: string, km: number | null) => {
    const name = names.repName(repId);
    return km === null ? name : msg(str`${name} (${f.number(km, 0)} km away)`);
  };
  switch (p.code) {
    case 'unassigned':
      return msg('Unassigned');
    case 'unknown-owner':
      return msg('Owner is not a known rep');
    case 'inactive':
    case 'was-inactive': {
      const name = names.repName(p.repId);
      return msg(str`${name} is inactive`);
    }
    case 'giver-over': {
      const state = standing(w, f, p);
      if (p.repId === null) return msg(str`No owner was ${state}`);
      const name = names.repName(p.repId);
      return msg(str`${name} was ${state}`);
    }
    case 'nearest-with-room': {
      const to = where(p.repId, p.km);
      const state = standing(w, f, p);
      return msg(str`${to} is the nearest rep with room (${state})`);
    }
    case 'receiver-under': {
      const to = where(p.repId, p.km);
      const state = standing(w, f, p);
      return msg(str`${to} was ${state}`);
    }
    case 'chain': {
      const to = where(p.repId, p.km);
      const state = standing(w, f, p);
      return msg(str`${to} was ${state} (a hand-over in a chain between neighbouring reps, which carries the region's surplus to the reps under target without long moves)`);
    }
    case 'swap': {
      const account = names.accountName(p.accountId);
      const to = where(p.repId, p.km);
      const state = standing(w, f, p);
      return msg(str`swapped with ${account} from ${to}, which was ${state}`);
    }
    case 'redrawn': {
      const to = where(p.repId, p.km);
      return msg(str`Territories redrawn for compactness: ${to} is one of the nearest reps with room`);
    }
    case 'was-unassigned':
      return msg('it was unassigned');
    case 'was-unknown-owner':
      return msg('its owner is not a known rep');
    case 'was-held': {
      const name = names.repName(p.repId);
      return msg(str`${name} held it`);
    }
    case 'was-away': {
      const name = names.repName(p.repId);
      const km = f.number(p.km, 0);
      return msg(str`${name} is ${km} km away`);
    }
    case 'no-nearer-room':
      return msg('no nearer rep had room for it');
    case 'nearer-had-room': {
      const nearer = where(p.repId, p.km);
      const to = names.repName(p.toRepId);
      return msg(str`nearer ${nearer} had room, but ${to} needed the account to reach its target`);
    }
    case 'moved': {
      const to = where(p.repId, p.km);
      return msg(str`moved to ${to}`);
    }
  }
}

/** The move's reason in the UI language (clauses joined with "; "), or its English `reason`. */
export function moveReasonText(w: Words, f: Formatters, names: ReasonNamer, move: RebalanceMove): string {
  if (!move.reasonParts?.length) return move.reason;
  return move.reasonParts.map((p) => clause(w, f, names, p)).join(w.msg('; ', { id: 'move-reason-separator', desc: 'Between the clauses of a rebalance move reason' }));
}
