/**
 * Turns a HubSpot owner into a rep candidate (checked later by the Rep schema). The owner `id` is the
 * value of `hubspot_owner_id`; archived owners become inactive reps.
 *
 * @param owner The raw owner from /crm/v3/owners (not trusted).
 * @param archived Whether it came from the archived listing.
 * @returns The rep candidate.
 * @example
 * parseOwner({ id: '77', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@x.io' }, false)
 * // → { id: '77', name: 'Ada Lovelace', email: 'ada@x.io', active: true }
 */
export function parseOwner(owner: unknown, archived: boolean): unknown {
  if (owner === null || typeof owner !== 'object' || Array.isArray(owner)) return owner;
  const o = owner as Record<string, unknown>;
  const id = typeof o.id === 'number' ? String(o.id) : o.id;
  const part = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const email = typeof o.email === 'string' && o.email !== '' ? o.email : null;
  const name = [part(o.firstName), part(o.lastName)].filter(Boolean).join(' ') || email || (typeof id === 'string' ? `Owner ${id}` : '');
  return { id, name, email, active: !(archived || o.archived === true) };
}
