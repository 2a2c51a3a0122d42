// The Save section's outcome details in the UI language (issue #14): "(code: why)" after each account,
// quota and territory outcome. Our adapters' outcomes carry their sentence as data (`key`/`params`:
// src/adapters/texts), worded by shared/adapter-text.ts; a CRM's own code keeps the CRM's message as it
// is (never translated). Loaded on demand by save.ts when a save has outcomes to list.
import { adapterText, type AdapterWords } from '../../shared/adapter-text.js';

/** The "why" of an outcome in the UI language ('' when it has none). */
export function outcomeText(o: AdapterWords): string {
  return adapterText(o);
}
