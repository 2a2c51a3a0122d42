import type { SaveOptions, SaveStatus, TerritoryChange, TerritorySaveOutcome } from '../crm-adapter.js';
import { chunk } from '../shared/retry.js';
import { say } from '../texts/adapter.js';
import { sayGuard } from '../texts/guard.js';
import { asSaid, carried, type Words } from '../texts/said.js';
import { UNKNOWN_OUTCOME } from '../shared/deadline.js';
import { restError, type RestClient } from './client.js';
import type { ResolvedRestOptions } from './options.js';

const STATUSES: readonly SaveStatus[] = ['saved', 'failed', 'conflict'];

/**
 * Writes territories to `POST /territories:batch` (docs/adapters/rest.md):
 * `{ requestId, changes: [{ id, territory | null, expectedLastModified }] }` → `{ results: [{ id, status,
 * code?, message?, lastModified? }] }`. `territory: null` deletes; `expectedLastModified` is the stamp
 * the territory was loaded with (null for a new one) and the server answers `conflict` when its copy
 * differs. A repeated `requestId` must replay the stored answer, so the request is retried like a GET
 * (429, 5xx, network), bounded by the save's signal; a batch whose answer never came ends `failed`
 * `UNKNOWN_OUTCOME`. One outcome per change, in order.
 *
 * @example
 * await saveTerritoriesRest(client, opts, [{ id: 't1', territory, lastModified: t.lastModified }]);
 */
export async function saveTerritoriesRest(client: RestClient, opts: ResolvedRestOptions, changes: readonly TerritoryChange[], options: SaveOptions = {}): Promise<TerritorySaveOutcome[]> {
  const out: TerritorySaveOutcome[] = new Array(changes.length);
  const fail = (i: number, code: string, words: Words) => (out[i] = { territoryId: String(changes[i]?.id ?? ''), status: 'failed', code, ...carried(words) });
  const valid: number[] = [];
  const allowed = opts.canWrite !== false && opts.canWriteTerritories !== false;
  changes.forEach((c, i) => {
    if (!allowed) fail(i, 'READ_ONLY', say('mem.no-territories'));
    else if (!c || typeof c.id !== 'string' || c.id === '' || (c.territory !== null && typeof c.territory !== 'object')) fail(i, 'INVALID', say('save.territory-change-invalid'));
    else valid.push(i);
  });
  let done = changes.length - valid.length;
  for (const batch of chunk(valid, opts.batchSize)) {
    if (options.signal?.aborted) {
      for (const i of batch) fail(i, 'ABORTED', sayGuard('guard.not-written', { why: sayGuard('guard.save-aborted') }));
      continue;
    }
    const body = {
      requestId: opts.requestId(),
      changes: batch.map((i) => ({ id: changes[i].id, territory: changes[i].territory, expectedLastModified: changes[i].lastModified ?? null })),
    };
    const r = await client.repeatable('POST', '/territories:batch', body, options.signal);
    if (r.kind === 'ok') {
      const results = (r.body as { results?: unknown } | null)?.results;
      const byId = new Map<string, { status?: unknown; code?: unknown; message?: unknown; lastModified?: unknown }>();
      if (Array.isArray(results)) for (const x of results) if (x && typeof x.id === 'string') byId.set(x.id, x);
      for (const i of batch) {
        const x = byId.get(changes[i].id);
        const status = x && STATUSES.includes(x.status as SaveStatus) ? (x.status as SaveStatus) : undefined;
        if (!status) fail(i, UNKNOWN_OUTCOME, say('save.server-no-report-territory'));
        else
          out[i] = {
            territoryId: changes[i].id,
            status,
            ...(typeof x!.code === 'string' ? { code: x!.code } : {}),
            ...(typeof x!.message === 'string' ? { message: x!.message } : {}),
            ...(status === 'saved' && typeof x!.lastModified === 'string' ? { lastModified: x!.lastModified } : {}),
          };
      }
    } else {
      const e = restError(r);
      // A request that may have reached the server (network failure, 5xx, deadline) might have written.
      const unknown = r.kind === 'network' || r.kind === 'aborted' || (e.status !== undefined && e.status >= 500);
      // An abort here (the save deadline or the caller's signal) came while the batch was in flight (an
      // unsent one is caught above): the server may have applied it, so its outcome is unknown.
      const maybe = r.kind === 'aborted' ? say('save.stopped-mid-request') : say('save.territory-maybe-written', { why: asSaid(e) });
      for (const i of batch) fail(i, unknown ? UNKNOWN_OUTCOME : e.code, unknown ? maybe : sayGuard('guard.not-written', { why: asSaid(e) }));
    }
    done += batch.length;
    options.onProgress?.({ done, total: changes.length });
  }
  return out;
}
