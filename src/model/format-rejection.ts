import type { Rejection } from './validate-batch.js';

/**
 * One line per rejection, naming the record and field, for logs and UI lists.
 * @example
 * formatRejection(rejected[0]); // 'account "001A": lat expected number, got the string "41.2"'
 */
export function formatRejection(r: Rejection): string {
  const who = r.id !== undefined ? `${r.kind} ${JSON.stringify(r.id)}` : `${r.kind} at position ${r.index}`;
  return r.field ? `${who}: ${r.field} ${r.reason}` : `${who}: ${r.reason}`;
}
