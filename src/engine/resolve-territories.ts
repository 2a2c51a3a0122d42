import type { MultiPolygon, Polygon } from 'geojson';
import type { Account } from '../model/account.js';
import type { FieldOperator } from '../model/territory.js';
import { compileTerritories, type ResolvableTerritory } from './resolve/compile-territories.js';
import { Resolver } from './resolve/resolver.js';

export type { ResolvableTerritory };

/** How an account came to its territory. */
export type ResolveVia = 'include' | 'geometry' | 'region' | 'rules';

/**
 * The resolution of one account. Read-only data: the common results (one polygon match without
 * rules, one named include, or a plain gap) are a single frozen object, with a frozen `matched`, shared by every
 * account with that result; copy before changing one.
 */
export interface AccountResolution {
  /** The winning territory, or null when nothing matched (a gap). */
  territoryId: string | null;
  /**
   * Why, in words: `Inside the "West" polygon`, `Named account of "Key Accounts"`, `Region 06 of "West"`
   * (or `In California, a region of "West"` when `options.regionNames` names the code).
   */
  reason: string;
  /**
   * The reason as data, one clause per part, in the order of `reason` (for wording it in another
   * language; `reason` is these parts in English). Territory names, region codes and CRM values are
   * given as they are, to be shown untranslated. Frozen lists, often shared between accounts.
   */
  reasonParts: readonly ResolveReasonPart[];
  /** What decided the winner; null for a gap. */
  via: ResolveVia | null;
  /** Every territory id matching at the winning priority (named includes only, when included), in territory order. */
  matched: string[];
}

/** One condition of a territory's attribute rules, as the account met it (see `ResolveReasonPart`). */
export type RuleCondition =
  /** `industry Healthcare`: the industry the account matched, in the rule's spelling. */
  | { kind: 'industry'; value: string }
  /** `employees 50–200`, `revenue ≥ 10M`, `potential ≤ 5k`. */
  | { kind: 'range'; field: 'employees' | 'revenue' | 'potential'; min?: number; max?: number }
  /** A custom-field predicate: `Tier = Gold`, `Segment in A, B`, `Region contains "North"`, `Partner is set`. */
  | { kind: 'field'; field: string; op: FieldOperator; values: readonly (string | number | boolean)[] };

/**
 * A clause of an account's resolution reason. English wording (the `reason`):
 * - `geometry`: `Inside the "West" polygon`; `include`: `Named account of "Key Accounts"`;
 * - `region`: `Region CA of "West"`; `region-polygon`: `Inside region CA of "West"`; when
 *   `options.regionNames` names the code (`name`): `In California, a region of "West"` and
 *   `Inside California, a region of "West"`;
 * - `rules`: `industry Healthcare and revenue ≥ 10M (rules of "Health")`;
 * - `with-rules` (after geometry/region): `, with industry Healthcare`;
 * - `overlap`: `; overlaps "East", "North" and 2 more at priority 1, picked by territory order`
 *   (`territories` are the first names shown, `more` the rest);
 * - `no-coordinates`: `no coordinates, so not tested against the "West" polygon nor 2 other territories
 *   with polygons` (`polygon` false: "region polygons"); capitalised and before `none` in a gap;
 * - `none`: `Matches no territory`, with ` (excluded from "West")` when `excludedFrom` is set.
 */
export type ResolveReasonPart =
  | { code: 'geometry' | 'include'; territory: string }
  | { code: 'region' | 'region-polygon'; territory: string; region: string; name?: string }
  | { code: 'rules'; territory: string; conditions: readonly RuleCondition[] }
  | { code: 'with-rules'; conditions: readonly RuleCondition[] }
  | { code: 'overlap'; territories: readonly string[]; more: number; priority: number }
  | { code: 'no-coordinates'; territory: string; polygon: boolean; others: number }
  | { code: 'none'; excludedFrom?: string };

/** An account matched by several territories at the top priority. */
export interface ResolveOverlap {
  accountId: string;
  territoryIds: string[];
  priority: number;
}

/** An account without coordinates that territories with a geometry could not be tested against. */
export interface ResolveSkip {
  accountId: string;
  /** The first (highest priority, then territory order) territory it could not be tested against. */
  territoryId: string;
  reason: string;
  /** How many territories it could not be tested against (≥ 1). */
  count: number;
}

export interface ResolveResult {
  /**
   * Account id → resolution, for every account given, in account order (read-only; see
   * AccountResolution). A Map rather than a Record: filling a Record with 100k ids took ≈ 55–90 ms
   * at 100k accounts, a Map ≈ 30 ms, and any id (even `__proto__`) is an ordinary key. Structured
   * clone (postMessage) keeps it; for JSON, use `Object.fromEntries(result.byAccount)`.
   */
  byAccount: Map<string, AccountResolution>;
  /** Ids of accounts matching no territory, in account order. */
  gaps: string[];
  /** Accounts matched by several territories at the winning priority, in account order. */
  overlaps: ResolveOverlap[];
  /** Accounts without coordinates whose result could depend on a geometry, in account order. */
  skipped: ResolveSkip[];
  /** Territory id → number of accounts it won (every territory given appears, possibly with 0). */
  counts: Record<string, number>;
}

export interface ResolveOptions {
  /**
   * Polygons of region codes (e.g. state or county shapes), by code. When a territory lists a code
   * that has a polygon here, an account with coordinates whose own `regions` do not list the code is
   * tested against the polygon. Default: none (region codes only match `Account.regions`).
   */
  regionGeometries?: Readonly<Record<string, Polygon | MultiPolygon>>;
  /**
   * Names of region codes, by code (e.g. `{ '49': 'Utah' }`; `usStateNames` in src/data holds the US
   * states by FIPS code), for the reason: `In Utah, a region of "West"` rather than `Region 49 of
   * "West"`. Codes without a name keep the code. Default: none.
   */
  regionNames?: Readonly<Record<string, string>>;
}

/** The account fields resolution reads. */
export type ResolvableAccount = Pick<Account, 'id' | 'lat' | 'lng' | 'industry' | 'employees' | 'annualRevenue' | 'potential' | 'regions' | 'fields'>;

function fail(what: string, field: string, message: string): never {
  throw new TypeError(`resolveTerritories: ${what}: ${field} ${message}`);
}

/** Checks every account's id and coordinates; returns the coordinates as columns (no coordinates: located 0). */
function checkAccounts(accounts: readonly ResolvableAccount[]): { x: Float64Array; y: Float64Array; located: Uint8Array } {
  const n = accounts.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const located = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    if (!a || typeof a.id !== 'string' || a.id.length === 0) fail(`account at position ${i}`, 'id', 'must be a non-empty string');
    const noLat = a.lat === null || a.lat === undefined;
    const noLng = a.lng === null || a.lng === undefined;
    if (noLat !== noLng) fail(`account ${JSON.stringify(a.id)}`, noLat ? 'lat' : 'lng', 'is missing: lat and lng must both be numbers or both be null');
    if (noLat) continue;
    if (!(Number.isFinite(a.lat) && Number.isFinite(a.lng))) {
      fail(`account ${JSON.stringify(a.id)}`, Number.isFinite(a.lat) ? 'lng' : 'lat', 'must be a finite number or null');
    }
    x[i] = a.lng as number;
    y[i] = a.lat as number;
    located[i] = 1;
  }
  return { x, y, located };
}

/** Resolves every account into a Map by id (its own function, so V8 optimises the loop once). */
function resolveAll(r: Resolver, accounts: readonly ResolvableAccount[], located: Uint8Array): Map<string, AccountResolution> {
  const byAccount = new Map<string, AccountResolution>();
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    byAccount.set(a.id, r.resolveOne(a, i, located[i] === 1));
    if (byAccount.size !== i + 1) {
      fail(`account ${JSON.stringify(a.id)}`, 'id', `is a duplicate: already used by the account at position ${accounts.findIndex((x) => x.id === a.id)}`);
    }
  }
  return byAccount;
}

/**
 * Works out which territory owns each account, and why.
 *
 * **Matching.** An account matches a territory when the territory names it in `definition.include`
 * (via `include`), or when it is not named in `definition.exclude` and satisfies every part the
 * definition gives:
 * - geography, when `geometry` or `regions` is given: the point [lng, lat] lies inside `geometry`
 *   (a point on an edge or vertex counts as inside, also on a hole's edge; planar lng/lat, polygons
 *   must not cross the antimeridian) — via `geometry`; or one of the account's `regions` codes is
 *   listed in `definition.regions` — via `region`; or, for a listed code with a polygon in
 *   `options.regionGeometries`, the point lies inside that polygon — via `region`;
 * - and `rules`, when given: every condition holds. `industries` (case-insensitive, trimmed);
 *   `employees`, `annualRevenue`, `potential` ranges (inclusive, either end open; a missing value
 *   fails); `fields` predicates on `Account.fields` — text compares case-insensitively, two numbers
 *   numerically; `gt/gte/lt/lte` need two numbers or two texts; `neq`/`notIn` hold for a missing
 *   value, every other operator fails on it; `exists` (value true, the default, or false) treats null
 *   and '' as missing. Empty rules (`{}`, empty lists, ranges with no bound) are no condition.
 *   A rules-only territory matches via `rules`.
 *
 * A definition with neither geography nor rules matches only its named accounts. A named include
 * wins even if the same territory also excludes the account. Include ids of unknown accounts are
 * ignored. `parentId` plays no part: every territory is matched on its own definition.
 *
 * **Reasons.** When a territory matches in several ways, `via` and `reason` name the first of:
 * inside its geometry (`Inside the "West" polygon`), a listed region code (`Region 06 of
 * "California"`), inside a region polygon (`Inside region 32 of "Nevada"`); rules are appended
 * (`…, with industry Healthcare`), or alone for a rules-only territory (`Industry Healthcare and
 * revenue ≥ 10M (rules of "Health")`). Overlaps and skips are appended to the reason too.
 *
 * **Precedence.** A named include beats everything (among several including territories, the same
 * rule as below applies). Otherwise the highest `priority` (default 0) among the matches wins. Several matches at
 * the top priority are an overlap: the account goes to the first of them in territory order (a
 * deterministic pick), all of them are listed in `matched`, and the overlap is reported in `overlaps`.
 *
 * **Accounts without coordinates** (lat/lng null) cannot be tested against a geometry (nor a region
 * polygon, when the account lists no region codes at all). When such a territory could otherwise
 * match (not excluded, rules pass) and its priority is at least that of the winner (or nothing won),
 * the account is reported once in `skipped`, naming the first such territory (highest priority,
 * then territory order) and how many there were. The account still gets whatever else it matched; if
 * it matched nothing it is also a gap (it has no owner), with the skip in its reason.
 *
 * **Speed.** A kdbush index over the account points is queried with the bounding box of every
 * polygon (MultiPolygon parts and region polygons separately), one polygon after another; the points
 * found get an exact crossing-number test on flat coordinate arrays with robust orientation (the
 * per-edge rule and boundary handling of point-in-polygon-hao, which `@turf/boolean-point-in-polygon`
 * runs, without its per-call overhead), visiting only the edges in the point's latitude band.
 * Rules-only territories are tested against every account. About O(n log n + p·√n + h + n · r) for
 * n accounts, p polygons, h bounding-box hits, r rules-only territories; see BENCHMARKS.md
 * (`npm run bench:resolve`).
 *
 * @param accounts the accounts (ids unique; lat and lng both finite numbers or both null).
 * @param territories the territories, in territory order (ids unique).
 * @param options `regionGeometries`: polygons of region codes (default none); `regionNames`: names of
 *   region codes for the reasons (default none: the code).
 * @returns per-account resolutions, gaps, overlaps, skipped accounts and per-territory counts
 *   (plain, serialisable data; per-account resolutions are read-only and may be frozen objects
 *   shared between accounts). Throws a TypeError naming the record and field on bad input.
 * @example
 * const west = { id: 'w', name: 'West', priority: 0, definition: { geometry: westPolygon } };
 * const keys = { id: 'k', name: 'Key Accounts', priority: 0, definition: { include: ['a2'] } };
 * const r = resolveTerritories(accounts, [west, keys]);
 * r.byAccount.get('a1'); // { territoryId: 'w', via: 'geometry', reason: 'Inside the "West" polygon', matched: ['w'] }
 * r.byAccount.get('a2'); // { territoryId: 'k', via: 'include', reason: 'Named account of "Key Accounts"', matched: ['k'] }
 */
export function resolveTerritories(
  accounts: readonly ResolvableAccount[],
  territories: readonly ResolvableTerritory[],
  options: ResolveOptions = {},
): ResolveResult {
  const r = new Resolver(compileTerritories(territories, options.regionGeometries), options.regionNames);
  const { x, y, located } = checkAccounts(accounts);
  r.hits = r.c.index.locate(x, y, located, accounts.length);
  const byAccount = resolveAll(r, accounts, located);
  const counts: Record<string, number> = {};
  r.list.forEach((t, k) => Object.defineProperty(counts, t.id, { value: r.won[k], enumerable: true, writable: true, configurable: true }));
  return { byAccount, gaps: r.gaps, overlaps: r.overlaps, skipped: r.skipped, counts };
}
