import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type Supercluster from 'supercluster';
import type { PlanState } from '../../../src/store/types.js';
import type { Account } from '../../../src/model/account.js';
import type { Territory } from '../../../src/model/territory.js';
import { resolveTerritories } from '../../../src/engine/resolve-territories.js';
import { same } from '../../shared/same.js';
import { buildAccountIndex, type AccountIndex, type ClusterProps } from './account-index.js';
import { colorAccounts, type Coloring } from './coloring.js';
import { colorsFor, UNASSIGNED_COLOR } from './colors.js';
import type { RegionPaint } from './region-controller.js';

export interface MapDataOptions {
  repId(): string | null;
  colorBy(): 'rep' | 'territory';
  noCluster(): boolean;
  clusterBy(): 'count' | 'potential';
}

/**
 * What the map draws, derived from the plan state and rebuilt only when its inputs change identity:
 * the account index, the supercluster index (built after the first paint), the colouring (with the
 * focus fade) and the paint of each territory and region code.
 */
export class MapData implements ReactiveController {
  ix: AccountIndex | null = null;
  clusters: Supercluster<ClusterProps, ClusterProps> | 'pending' | null = null;
  coloring: Coloring | null = null;
  /** Region code → paint (the first territory listing a code wins). */
  regionPaint: ReadonlyMap<string, RegionPaint> = new Map();
  private territoryPaint = new Map<string, RegionPaint>();
  private state: PlanState | undefined;
  private ixKey: unknown[] = [];
  private clustersKey: unknown[] = [];
  private resolvedKey: unknown[] = [];
  private resolved: Map<string, { territoryId: string | null }> | null = null;
  private colorKey: unknown[] = [];
  private paintKey: unknown[] = [];
  private readonly host: ReactiveControllerHost;
  private readonly options: MapDataOptions;

  constructor(host: ReactiveControllerHost, options: MapDataOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The account's rep in the working plan. */
  readonly repOf = (a: Account): string | null => {
    const working = this.state?.working ?? {};
    return Object.hasOwn(working, a.id) ? working[a.id] : a.ownerId;
  };

  /** A territory's paint: its colour (or its first rep's, colouring by rep), faded outside the focus. */
  readonly paintOf = (t: Territory): RegionPaint => this.territoryPaint.get(t.id) ?? { color: UNASSIGNED_COLOR, faded: false };

  /** Rebuilds what changed; returns whether anything did. Region paint changes call `onPaint`. */
  derive(state: PlanState | undefined, onPaint: () => void): boolean {
    this.state = state;
    const o = this.options;
    const before = [this.ix, this.clusters, this.coloring];
    const accounts = state?.accounts ?? [];
    const working = state?.working ?? {};
    const repId = o.repId();
    const ixKey = [accounts, repId, repId ? working : null];
    if (!same(ixKey, this.ixKey)) {
      this.ixKey = ixKey;
      this.ix = buildAccountIndex(repId ? accounts.filter((a) => this.repOf(a) === repId) : accounts);
    }
    const ix = this.ix!;
    this.deriveClusters(ix);

    // Territories are resolved only when colouring or focusing by them.
    const territories = state?.territories ?? [];
    const colorBy = o.colorBy();
    const focusRepId = state?.focusRepId ?? null;
    const focusTerritoryId = state?.focusTerritoryId ?? null;
    const byTerritory = colorBy === 'territory' || focusTerritoryId !== null;
    if (byTerritory && !same([ix, territories], this.resolvedKey)) {
      this.resolvedKey = [ix, territories];
      this.resolved = territories.length ? resolveTerritories(ix.accounts, territories).byAccount : null;
    }
    const resolved = byTerritory ? this.resolved : null;
    const colorKey = [ix, colorBy, working, resolved, state?.reps, focusRepId, focusTerritoryId];
    if (!same(colorKey, this.colorKey)) {
      this.colorKey = colorKey;
      this.coloring = colorAccounts({
        ix,
        colorBy,
        reps: state?.reps ?? [],
        territories,
        repOf: this.repOf,
        territoryOf: resolved ? (id) => resolved.get(id)?.territoryId ?? null : null,
        focusRepId,
        focusTerritoryId,
      });
    }
    if (this.derivePaint(territories, colorBy, state)) onPaint();
    return !same(before, [this.ix, this.clusters, this.coloring]);
  }

  /** The supercluster index is built in the task after the first paint (a screen-grid aggregation stands in until then). */
  private deriveClusters(ix: AccountIndex): void {
    const clustersKey = [ix, this.options.noCluster(), this.options.clusterBy()];
    if (same(clustersKey, this.clustersKey)) return;
    this.clustersKey = clustersKey;
    this.clusters = clustersKey[1] || !ix.accounts.length ? null : 'pending';
    if (this.clusters !== 'pending') return;
    const potential = clustersKey[2] === 'potential';
    // After the next frame is painted (rAF, then a task), so the stand-in shows first; supercluster
    // is a separate chunk, fetched meanwhile.
    const load = import('./cluster-index.js');
    requestAnimationFrame(() =>
      setTimeout(async () => {
        let mod: typeof import('./cluster-index.js') | null = null;
        try {
          mod = await load;
        } catch (error) {
          console.warn('territory-kit: clustering unavailable, drawing every account', error);
        }
        if (this.clustersKey !== clustersKey) return;
        this.clusters = mod ? mod.buildClusters(ix, { potential }) : null;
        this.host.requestUpdate();
      }, 0),
    );
  }

  private derivePaint(territories: readonly Territory[], colorBy: 'rep' | 'territory', s: PlanState | undefined): boolean {
    const key = [territories, colorBy, s?.reps, s?.focusRepId, s?.focusTerritoryId];
    if (same(key, this.paintKey)) return false;
    this.paintKey = key;
    const focusT = s?.focusTerritoryId ?? null;
    const focusR = s?.focusRepId ?? null;
    const colors =
      colorBy === 'territory'
        ? colorsFor(territories.map((x) => x.id), new Map(territories.map((x) => [x.id, x.color])))
        : colorsFor((s?.reps ?? []).map((r) => r.id));
    this.territoryPaint = new Map();
    const regionPaint = new Map<string, RegionPaint>();
    for (const t of territories) {
      const faded = (focusT !== null && t.id !== focusT) || (focusR !== null && !t.repIds.includes(focusR));
      const key = colorBy === 'territory' ? t.id : t.repIds[0];
      const paint = { color: (key && colors.get(key)) || UNASSIGNED_COLOR, faded };
      this.territoryPaint.set(t.id, paint);
      for (const code of t.definition?.regions ?? []) if (!regionPaint.has(code)) regionPaint.set(code, paint);
    }
    this.regionPaint = regionPaint;
    return true;
  }
}
