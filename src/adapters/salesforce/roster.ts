import { str } from './coerce.js';
import type { SfRecord } from './types.js';

/** Who owns which territory in a Territory2Model, both ways. */
export interface Roster {
  /** Territory id → its owning rep: the one user with RoleInTerritory2 `Owner`, else the territory's only user. */
  ownerOf: Map<string, string>;
  /** Rep id → the one territory they own; `null` when they own several (ambiguous). */
  territoryOf: Map<string, string | null>;
}

/**
 * Builds the roster from UserTerritory2Association rows.
 *
 * @param rows UserTerritory2Association rows (UserId, Territory2Id, RoleInTerritory2)
 * @param roles roles that count (null = all)
 * @returns both directions of the owner ↔ territory relation
 * @example
 * buildRoster([{ UserId: 'u1', Territory2Id: 't1', RoleInTerritory2: 'Owner' }], null).territoryOf.get('u1'); // 't1'
 */
export function buildRoster(rows: SfRecord[], roles: string[] | null): Roster {
  const byTerritory = new Map<string, { user: string; role: string | null }[]>();
  for (const r of rows) {
    const role = str(r.RoleInTerritory2);
    if (roles && !roles.includes(role ?? '')) continue;
    const tid = String(r.Territory2Id);
    byTerritory.set(tid, [...(byTerritory.get(tid) ?? []), { user: String(r.UserId), role }]);
  }
  const ownerOf = new Map<string, string>();
  for (const [tid, users] of byTerritory) {
    const owners = users.filter((u) => u.role === 'Owner');
    const pick = owners.length === 1 ? owners[0] : owners.length === 0 && users.length === 1 ? users[0] : undefined;
    if (pick) ownerOf.set(tid, pick.user);
  }
  const territoryOf = new Map<string, string | null>();
  for (const [tid, user] of ownerOf) territoryOf.set(user, territoryOf.has(user) ? null : tid);
  return { ownerOf, territoryOf };
}
