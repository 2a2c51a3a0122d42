// Supercluster over the account index: its own module, so the map loads it (a separate chunk) only
// after its first paint, and only when it clusters.
import Supercluster, { type PointFeature } from 'supercluster';
import type { AccountIndex, ClusterProps } from './account-index.js';

export interface ClusterIndexOptions {
  /** Highest zoom at which points cluster; above it every account is drawn. Default 9. */
  maxZoom?: number;
  /** Cluster radius in pixels. Default 48. */
  radius?: number;
  /** Sum potential per cluster (a slower build). Default false: clusters carry a count only. */
  potential?: boolean;
}

/**
 * Supercluster over the index (built once per index and options; about 100 ms for 50k accounts).
 * @param ix the index
 * @param options see ClusterIndexOptions
 * @returns the loaded Supercluster
 */
export function buildClusters(ix: AccountIndex, options: ClusterIndexOptions = {}): Supercluster<ClusterProps, ClusterProps> {
  const withPotential = options.potential ?? false;
  const sc = new Supercluster<ClusterProps, ClusterProps>({
    maxZoom: options.maxZoom ?? 9,
    radius: options.radius ?? 48,
    ...(withPotential
      ? {
          map: (p: ClusterProps) => ({ potential: p.potential ?? 0 }),
          reduce: (acc: ClusterProps, p: ClusterProps) => {
            acc.potential = (acc.potential ?? 0) + (p.potential ?? 0);
          },
        }
      : {}),
  });
  const n = ix.accounts.length;
  const points: PointFeature<ClusterProps>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    points[i] = {
      type: 'Feature',
      properties: withPotential ? { i, potential: ix.potential[i] } : { i },
      geometry: { type: 'Point', coordinates: [ix.lng[i], ix.lat[i]] },
    };
  }
  sc.load(points);
  return sc;
}
