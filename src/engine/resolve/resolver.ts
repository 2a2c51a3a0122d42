/**
 * The per-account step of resolveTerritories, as a class so the hot methods are the same functions
 * on every call (per-call closures made V8 throw away its optimised code at each new call: "wrong
 * call target" deopts, measured with --trace-deopt). Private to resolveTerritories.
 */
import type { AccountResolution, ResolvableAccount, ResolveOverlap, ResolveReasonPart, ResolveSkip, ResolveVia } from '../resolve-territories.js';
import type { CompiledRules } from './compile-rules.js';
import type { RuleCondition } from '../resolve-territories.js';
import type { CompiledTerritories, CompiledTerritory } from './compile-territories.js';
import type { PointHits } from './polygon-index.js';

const GEOMETRY = 1;
const REGION = 2;
const REGION_POLYGON = 3;
const RULES = 4;
const MAX_NAMED = 3;

const quote = (t: CompiledTerritory) => `"${t.name}"`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function names(ts: readonly CompiledTerritory[]): string {
  const shown = ts.slice(0, MAX_NAMED).map(quote).join(', ');
  return ts.length > MAX_NAMED ? `${shown} and ${ts.length - MAX_NAMED} more` : shown;
}

function frozen(territoryId: string, reason: string, via: ResolveVia, part: ResolveReasonPart): AccountResolution {
  return Object.freeze({ territoryId, reason, reasonParts: Object.freeze([Object.freeze(part)]), via, matched: Object.freeze([territoryId]) as string[] });
}

export class Resolver {
  readonly list: CompiledTerritory[];
  readonly T: number;
  /** stamp[t] === i when territory t was already considered for account i. */
  readonly stamp: Int32Array;
  readonly viaOf: Uint8Array;
  readonly codeOf: string[];
  /** Accounts won per territory. */
  readonly won: Int32Array;
  readonly matches: number[] = [];
  /** The polygons containing each account's point (see PolygonIndex.locate); set before resolveOne. */
  hits: PointHits = { start: new Int32Array(1), owners: new Int32Array(0) };
  /** Reasons that do not depend on the account, built once per territory. */
  readonly inside: string[];
  readonly named: string[];
  /**
   * The result of the common cases, one frozen object (with a frozen `matched`) per territory,
   * shared by every account it fits: a single match inside the territory's polygon with no rules,
   * and a single named include (no skip text either way). Saves allocating ~100k objects and arrays
   * that would all survive into the old generation (measured: ≈ 20–25% of the call's CPU at 100k).
   */
  readonly sharedInside: AccountResolution[];
  readonly sharedNamed: AccountResolution[];
  /** The plain gap (no exclusion, no skip), shared by every such account like the results above. */
  readonly sharedGap: AccountResolution = Object.freeze({ territoryId: null, reason: 'Matches no territory', reasonParts: Object.freeze([Object.freeze({ code: 'none' as const })]), via: null, matched: Object.freeze([]) as unknown as string[] });
  readonly gaps: string[] = [];
  readonly overlaps: ResolveOverlap[] = [];
  readonly skipped: ResolveSkip[] = [];
  excludedFrom = -1;
  /** The `rules` / `with-rules` clause per list of conditions (CompiledRules.conditions gives shared lists). */
  /**
   * The frozen clause lists of a rules match and of a polygon match with rules, per list of conditions
   * (CompiledRules.conditions gives shared lists): most accounts share them; only overlaps, skips and
   * region matches allocate their own.
   */
  readonly rulesParts = new Map<readonly RuleCondition[], readonly ResolveReasonPart[]>();
  readonly insideWithRulesParts = new Map<readonly RuleCondition[], readonly ResolveReasonPart[]>();
  /** The clause of the last non-empty `skips` text. */
  skipPart: ResolveReasonPart | null = null;

  /** The name of a region code from the caller's `regionNames`, when it has one (own keys only). */
  private regionName(code: string): string | undefined {
    const names = this.regionNames;
    return names && Object.hasOwn(names, code) && typeof names[code] === 'string' && names[code] ? names[code] : undefined;
  }

  constructor(
    readonly c: CompiledTerritories,
    private readonly regionNames: Readonly<Record<string, string>> | undefined = undefined,
  ) {
    this.list = c.list;
    this.T = c.list.length;
    this.stamp = new Int32Array(this.T).fill(-1);
    this.viaOf = new Uint8Array(this.T);
    this.codeOf = new Array<string>(this.T).fill('');
    this.won = new Int32Array(this.T);
    this.inside = this.list.map((t) => `Inside the ${quote(t)} polygon`);
    this.named = this.list.map((t) => `Named account of ${quote(t)}`);
    this.sharedInside = this.list.map((t, k) => frozen(t.id, this.inside[k], 'geometry', { code: 'geometry', territory: t.name }));
    this.sharedNamed = this.list.map((t, k) => frozen(t.id, this.named[k], 'include', { code: 'include', territory: t.name }));
  }

  /** Records territory t as a match of account a (position i), once, unless it excludes a or its rules fail. */
  consider(a: ResolvableAccount, i: number, t: number, how: number, code: string): void {
    if (this.stamp[t] === i) return;
    this.stamp[t] = i;
    const ter = this.list[t];
    if (ter.exclude !== null && ter.exclude.has(a.id)) {
      if (this.excludedFrom < 0) this.excludedFrom = t;
      return;
    }
    if (ter.rules !== null && !ter.rules.test(a)) return;
    this.viaOf[t] = how;
    this.codeOf[t] = code;
    this.matches.push(t);
  }

  /** Resolves account a (position i), which has coordinates when `hasCoords`. */
  resolveOne(a: ResolvableAccount, i: number, hasCoords: boolean): AccountResolution {
    const { c, list, T, matches } = this;
    matches.length = 0;
    this.excludedFrom = -1;
    const included = c.includes.size > 0 ? c.includes.get(a.id) : undefined;
    if (included) {
      for (const t of included) matches.push(t);
    } else {
      const { start, owners } = this.hits;
      const from = start[i];
      const to = start[i + 1];
      for (let k = from; k < to; k++) if (owners[k] < T) this.consider(a, i, owners[k], GEOMETRY, '');
      if (a.regions) {
        for (const code of a.regions) {
          const ts = c.regionTerritories.get(code);
          if (ts) for (const t of ts) this.consider(a, i, t, REGION, code);
        }
      }
      for (let k = from; k < to; k++) {
        const h = owners[k];
        if (h < T) continue;
        const code = c.regionCodes[h - T];
        for (const t of c.regionTerritories.get(code) as number[]) this.consider(a, i, t, REGION_POLYGON, code);
      }
      for (const t of c.rulesOnly) this.consider(a, i, t, RULES, '');
    }

    // The winner: highest priority, then territory order; `tied` counts matches at that priority.
    let best = -1;
    let tied = 0;
    for (const t of matches) {
      const p = list[t].priority;
      if (best < 0 || p > list[best].priority) {
        best = t;
        tied = 1;
      } else if (p === list[best].priority) {
        tied++;
        if (t < best) best = t;
      }
    }

    const skipText = hasCoords || included ? '' : this.skips(a, i, best);
    const excludedFrom = this.excludedFrom;

    if (best < 0) {
      this.gaps.push(a.id);
      if (excludedFrom < 0 && !skipText) return this.sharedGap;
      const excluded = excludedFrom >= 0 ? ` (excluded from ${quote(list[excludedFrom])})` : '';
      const reason = skipText ? `${capitalise(skipText)}; matches no territory${excluded}` : `Matches no territory${excluded}`;
      const none: ResolveReasonPart = excludedFrom >= 0 ? { code: 'none', excludedFrom: list[excludedFrom].name } : { code: 'none' };
      return { territoryId: null, reason, reasonParts: skipText ? [this.skipPart as ResolveReasonPart, none] : [none], via: null, matched: [] };
    }
    const w = list[best];
    this.won[best]++;
    let reason: string;
    let via: ResolveVia;
    let parts: readonly ResolveReasonPart[];
    const how = included ? 0 : this.viaOf[best];
    if (tied === 1 && !skipText) {
      if (how === 0) return this.sharedNamed[best];
      if (how === GEOMETRY && w.rules === null) return this.sharedInside[best];
    }
    if (how === 0) {
      reason = this.named[best];
      via = 'include';
      parts = this.sharedNamed[best].reasonParts;
    } else if (how === RULES) {
      reason = `${capitalise((w.rules as CompiledRules).describe(a))} (rules of ${quote(w)})`;
      via = 'rules';
      const conditions = (w.rules as CompiledRules).conditions(a);
      let cached = this.rulesParts.get(conditions);
      if (!cached) this.rulesParts.set(conditions, (cached = Object.freeze([Object.freeze({ code: 'rules' as const, territory: w.name, conditions })])));
      parts = cached;
    } else {
      const code = this.codeOf[best];
      const name = how === GEOMETRY ? undefined : this.regionName(code);
      reason =
        how === GEOMETRY
          ? this.inside[best]
          : name !== undefined
            ? `${how === REGION ? 'In' : 'Inside'} ${name}, a region of ${quote(w)}`
            : how === REGION
              ? `Region ${code} of ${quote(w)}`
              : `Inside region ${code} of ${quote(w)}`;
      parts =
        how === GEOMETRY
          ? this.sharedInside[best].reasonParts
          : [{ code: how === REGION ? 'region' : 'region-polygon', territory: w.name, region: code, ...(name !== undefined ? { name } : {}) }];
      if (w.rules) {
        reason += `, with ${w.rules.describe(a)}`;
        const conditions = w.rules.conditions(a);
        if (how === GEOMETRY) {
          let cached = this.insideWithRulesParts.get(conditions);
          if (!cached) this.insideWithRulesParts.set(conditions, (cached = Object.freeze([parts[0], Object.freeze({ code: 'with-rules' as const, conditions })])));
          parts = cached;
        } else parts = [parts[0], { code: 'with-rules', conditions }];
      }
      via = how === GEOMETRY ? 'geometry' : 'region';
    }
    let matched: string[];
    if (tied === 1) {
      matched = [w.id];
    } else {
      const top = matches.filter((t) => list[t].priority === w.priority).sort((x, y) => x - y);
      matched = top.map((t) => list[t].id);
      const others = top.slice(1).map((t) => list[t]);
      reason += `; overlaps ${names(others)} at priority ${w.priority}, picked by territory order`;
      parts = [...parts, { code: 'overlap', territories: others.slice(0, MAX_NAMED).map((t) => t.name), more: Math.max(0, others.length - MAX_NAMED), priority: w.priority }];
      this.overlaps.push({ accountId: a.id, territoryIds: matched.slice(), priority: w.priority });
    }
    if (skipText) {
      reason += `; ${skipText}`;
      parts = [...parts, this.skipPart as ResolveReasonPart];
    }
    return { territoryId: w.id, reason, reasonParts: parts, via, matched };
  }

  /**
   * For an account without coordinates: records (once) the territories with polygons it could not
   * be tested against, at or above the winner's priority, and returns the text ('' when none).
   */
  private skips(a: ResolvableAccount, i: number, best: number): string {
    const { c, list } = this;
    const noCodes = !a.regions || a.regions.length === 0;
    let first = -1;
    let count = 0;
    // c.spatial runs from the highest priority down, so the first hit is the one to name.
    for (const t of c.spatial) {
      const ter = list[t];
      if (best >= 0 && ter.priority < list[best].priority) break;
      if (this.stamp[t] === i) continue; // matched by a region code, excluded, or failed its rules
      if (!ter.hasGeometry && !noCodes) continue;
      if (ter.exclude !== null && ter.exclude.has(a.id)) continue;
      if (ter.rules !== null && !ter.rules.test(a)) continue;
      count++;
      if (first < 0) first = t;
    }
    if (count === 0) return '';
    const others = count - 1;
    const text =
      `no coordinates, so not tested against the ${quote(list[first])} ${list[first].hasGeometry ? 'polygon' : 'region polygons'}` +
      (others > 0 ? ` nor ${others} other ${others === 1 ? 'territory' : 'territories'} with polygons` : '');
    this.skipPart = { code: 'no-coordinates', territory: list[first].name, polygon: list[first].hasGeometry, others };
    this.skipped.push({ accountId: a.id, territoryId: list[first].id, reason: capitalise(text), count });
    return text;
  }
}
