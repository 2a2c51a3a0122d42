// Worker thread for bench/rebalance.bench.ts: turf clustersKmeans on [lng, lat] pairs, so that the
// main thread can stop it after a time limit. Plain JS: worker threads do not get tsx's hooks.
import { parentPort, workerData } from 'node:worker_threads';
import { clustersKmeans } from '@turf/clusters-kmeans';

const { coords, k } = workerData;
const features = [];
for (let i = 0; i < coords.length / 2; i++) {
  features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [coords[2 * i], coords[2 * i + 1]] } });
}
const t = performance.now();
const out = clustersKmeans({ type: 'FeatureCollection', features }, { numberOfClusters: k, mutate: true });
const ms = performance.now() - t;
const cluster = Int32Array.from(out.features, (f) => f.properties.cluster);
const centroids = [];
for (const f of out.features) centroids[f.properties.cluster] = f.properties.centroid;
parentPort.postMessage({ ms, cluster, centroids });
