// A fit reason (recommendReps, distributeAccounts) in the UI language, from the engine's clauses
// (reasonParts); the engine's English `reason` when there are none. Shared by <tk-distribute-preview> and
// the panel's selection section (which loads this element's chunk anyway).
import { msg, str } from '@lit/localize';
import type { FitReasonPart } from '../../src/engine/recommend-reps.js';
import type { Formatters } from '../shared/format.js';

function clause(f: Formatters, p: FitReasonPart): string {
  switch (p.code) {
    case 'skill': {
      const named = p.industries.join(', ');
      const more = f.number(p.more, 0);
      const list = p.more > 0 ? msg(str`${named} +${more} more`) : named;
      if (p.count === undefined || p.of === undefined) return msg(str`knows ${list}`);
      const count = f.number(p.count, 0);
      const of = f.number(p.of, 0);
      return msg(str`knows ${list} (${count} of ${of})`);
    }
    case 'owns-it':
      return msg('owns it');
    case 'owns-already':
      return msg('owns it already');
    case 'owns-some': {
      const count = f.number(p.count, 0);
      const of = f.number(p.of, 0);
      return msg(str`owns ${count} of ${of}`);
    }
    case 'distance': {
      const km = f.number(p.km, 0);
      return msg(str`${km} km from home`);
    }
    case 'no-home':
      return msg('no home base');
    case 'headroom': {
      const pct = f.percent(p.percent / 100, 0);
      return p.after ? msg(str`${pct} headroom after`) : msg(str`${pct} headroom`);
    }
    case 'over-target': {
      const pct = f.percent(p.percent / 100, 0);
      return p.after ? msg(str`${pct} over target after`) : msg(str`${pct} over target`);
    }
    case 'no-workload-target':
      return msg('no workload target');
    case 'least-over':
      return msg('every rep was at the limit: least over');
  }
}

/** The reason in the UI language (clauses joined with "; ", the first letter capitalised), or the English `reason`. */
export function fitReasonText(f: Formatters, r: { reason: string; reasonParts?: readonly FitReasonPart[] }): string {
  if (!r.reasonParts?.length) return r.reason;
  const text = r.reasonParts.map((p) => clause(f, p)).join(msg('; ', { id: 'fit-reason-separator', desc: 'Between the clauses of a fit reason (skills; distance; headroom)' }));
  return text.charAt(0).toLocaleUpperCase(f.locale) + text.slice(1);
}
