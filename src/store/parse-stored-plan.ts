// Reading a stored working plan back: its own module because it validates with the zod/mini model,
// which the widgets load only when a stored plan is found (see the provider).
import * as z from 'zod/mini';
import { QuotaEntry } from '../model/quota.js';
import { validateBatch } from '../model/validate-batch.js';
import type { StoredPlan } from './persistence.js';

const Envelope = z.object({
  version: z.literal(1),
  adapterId: z.string(),
  savedAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' })),
  changes: z.array(z.unknown()),
  territories: z.optional(z.array(z.unknown())),
  quotas: z.optional(z.array(z.unknown())),
});

/**
 * Parses what `serialiseWorkingPlan` wrote. Corrupt or foreign text gives null with a reason; bad
 * individual changes are dropped (counted in `dropped`).
 *
 * @param text the stored text
 * @param adapterId when given, a plan stored for another adapter is refused
 */
export function parseStoredPlan(
  text: string | null,
  adapterId?: string,
): { plan: StoredPlan; dropped: number } | { plan: null; reason: string } {
  if (text === null || text === '') return { plan: null, reason: 'nothing stored' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { plan: null, reason: 'stored plan is not valid JSON' };
  }
  const env = Envelope.safeParse(raw);
  if (!env.success) {
    const issue = env.error.issues[0];
    return { plan: null, reason: `stored plan ${issue.path.join('.') || 'record'}: ${issue.message}` };
  }
  if (adapterId !== undefined && env.data.adapterId !== adapterId) {
    return { plan: null, reason: `stored plan belongs to adapter ${JSON.stringify(env.data.adapterId)}` };
  }
  const { valid, rejected } = validateBatch('change', env.data.changes);
  const changes = valid.map(({ accountId, from, to }) => ({ accountId, from, to }));
  const plan: StoredPlan = { version: 1, adapterId: env.data.adapterId, savedAt: env.data.savedAt, changes };
  let dropped = rejected.length;
  if (env.data.territories) {
    const t = validateBatch('territory', env.data.territories);
    plan.territories = t.valid;
    dropped += t.rejected.length;
  }
  if (env.data.quotas) {
    const quotas: QuotaEntry[] = [];
    for (const raw of env.data.quotas) {
      const q = QuotaEntry.safeParse(raw);
      if (q.success) quotas.push(q.data);
      else dropped++;
    }
    plan.quotas = quotas;
  }
  return { plan, dropped };
}

