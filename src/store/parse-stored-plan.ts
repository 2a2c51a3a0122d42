// Reading a stored working plan back: its own module because it validates with the zod/mini model,
// which the widgets load only when a stored plan is found (see the provider).
import * as z from 'zod/mini';
import { QuotaEntry } from '../model/quota.js';
import { validateBatch } from '../model/validate-batch.js';
import type { StoredPlan } from './persistence.js';
import type { ScenarioNamePart } from './types.js';

const Envelope = z.object({
  version: z.literal(1),
  adapterId: z.string(),
  savedAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' })),
  changes: z.array(z.unknown()),
  territories: z.optional(z.array(z.unknown())),
  locks: z.optional(z.object({ accounts: z.record(z.string(), z.boolean()), reps: z.record(z.string(), z.boolean()) })),
  alertSettings: z.optional(
    z.object({
      tolerance: z.optional(z.number().check(z.gte(0), z.lte(1))),
      highPotentialQuantile: z.optional(z.number().check(z.gte(0), z.lte(1))),
      untouchedDays: z.optional(z.number().check(z.gte(0), z.lte(36500))),
    }),
  ),
  scenarios: z.optional(z.array(z.unknown())),
  activeScenarioId: z.optional(z.string()),
  quotas: z.optional(z.array(z.unknown())),
});

const ScenarioEnvelope = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  createdAt: z.string(),
  note: z.optional(z.string()),
  nameParts: z.optional(z.unknown()),
  changes: z.array(z.unknown()),
});

/** One level of a default scenario name (`ScenarioNamePart`); `ofParts` is read level by level. */
const NamePart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }),
  z.object({ kind: z.literal('copy'), of: z.string(), ofParts: z.optional(z.unknown()) }),
  z.object({
    kind: z.literal('rebalanced'),
    objective: z.enum(['disruption', 'compactness']),
    maxMoves: z.nullable(z.number().check(z.int(), z.gte(0))),
    of: z.string(),
    ofParts: z.optional(z.unknown()),
  }),
]);

/** A stored default-name description, or undefined when absent or not one (the English `name` stays). */
function readNameParts(raw: unknown, depth = 0): ScenarioNamePart | undefined {
  if (raw === undefined || depth > 20) return undefined;
  const p = NamePart.safeParse(raw);
  if (!p.success) return undefined;
  if (p.data.kind === 'first') return { kind: 'first' };
  const ofParts = readNameParts(p.data.ofParts, depth + 1);
  if (p.data.ofParts !== undefined && !ofParts) return undefined;
  const { ofParts: _, ...level } = p.data;
  return (ofParts ? { ...level, ofParts } : level) as ScenarioNamePart;
}

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
  if (env.data.locks) plan.locks = env.data.locks;
  if (env.data.alertSettings) plan.alertSettings = env.data.alertSettings;
  let dropped = rejected.length;
  if (env.data.territories) {
    const t = validateBatch('territory', env.data.territories);
    plan.territories = t.valid;
    dropped += t.rejected.length;
  }
  if (env.data.scenarios) {
    // Scenarios are kept one by one: a bad one (or a bad change in one) is dropped, not the plan.
    plan.scenarios = [];
    for (const raw of env.data.scenarios) {
      const s = ScenarioEnvelope.safeParse(raw);
      if (!s.success) {
        dropped++;
        continue;
      }
      const c = validateBatch('change', s.data.changes);
      dropped += c.rejected.length;
      const changes = c.valid.map(({ accountId, from, to }) => ({ accountId, from, to }));
      const nameParts = readNameParts(s.data.nameParts);
      plan.scenarios.push({ id: s.data.id, name: s.data.name, ...(nameParts ? { nameParts } : {}), createdAt: s.data.createdAt, note: s.data.note ?? '', changes });
    }
    if (env.data.activeScenarioId !== undefined) plan.activeScenarioId = env.data.activeScenarioId;
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

