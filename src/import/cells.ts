/** Cell readers shared by the import: text in, a value, `undefined` (empty) or `null` (unreadable) out. */

/**
 * A number as people write it in a spreadsheet: `1234.5`, `1,234.50`, `$ 1 234`, `(1,000)` for
 * negative, `1.2e6`. Empty → `undefined`; anything else → `null`.
 */
export function parseNumber(text: string): number | null | undefined {
  if (text === '') return undefined;
  let t = text.replace(/[\s\u00A0\u202F$€£¥,]/g, '');
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    t = paren[1];
    sign = -1;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = sign * Number(t);
  return Number.isFinite(n) ? n : null;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'active', 'won', 'closed', 'locked', 'wahr', 'oui', 'ja']);
const FALSE = new Set(['false', 'no', 'n', '0', 'inactive', 'open', 'lost', 'unlocked', 'falsch', 'non', 'nein']);

/** `true`/`yes`/`1`/`x`… or `false`/`no`/`0`…; empty → `undefined`; anything else → `null`. */
export function parseBoolean(text: string): boolean | null | undefined {
  if (text === '') return undefined;
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}

/** Text for comparing names: case, accents, spaces and punctuation ignored. */
export const squash = (s: string): string => s.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}@.]/gu, '');
