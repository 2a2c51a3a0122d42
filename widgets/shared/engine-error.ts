// Engine errors a user can cause (a setting out of range: src/engine/types.ts EngineError) in the UI
// language; any other error keeps its (English) message. Loaded with the panel's on-demand sections
// (closed-sections.ts), the quota planner and the scenario comparison.
import { msg, str } from '@lit/localize';
import type { EngineError } from '../../src/engine/engine-error.js';
import type { Formatters } from './format.js';

/**
 * The sentence to show for an error thrown by the engine: a coded `EngineError` worded in the UI
 * language (money and numbers in the locale's formats), anything else as its message.
 */
export function engineErrorText(error: unknown, f: Formatters): string {
  if (!(error instanceof Error)) return String(error);
  // An EngineError, or one rebuilt from a rebalance worker's reply (same name, code and params).
  const e = error as Partial<EngineError>;
  if (e.name !== 'EngineError' || !e.code) return error.message;
  const p = e.params ?? {};
  switch (e.code) {
    case 'rebalance-option':
      if (p.option === 'tolerance') return msg('Tolerance must be a percentage between 0 and 100.');
      if (p.option === 'maxMoves') return msg('Most accounts moved must be a whole number ≥ 0, or empty for no limit.');
      if (p.option === 'maxPotentialMoved') return msg('Most potential moved must be a number ≥ 0, or empty for no limit.');
      if (p.option === 'maxDistanceKm') return msg('Move accounts at most … km must be a distance above 0, or empty for no limit.');
      return e.message!;
    case 'quota-target':
      return msg('The team target must be a whole amount of 0 or more.');
    case 'quota-locked-over-target': {
      const locked = f.currency(Number(p.locked));
      const target = f.currency(Number(p.target));
      return msg(str`The locked quotas add up to ${locked}, more than the team target of ${target}. Unlock a quota or raise the target.`);
    }
    case 'quota-no-rep-left': {
      const rest = f.currency(Number(p.rest));
      return msg(str`${rest} of the target is left, and the quota of every active rep is locked. Unlock a quota to split it.`);
    }
  }
  return error.message;
}
