// The outcome checks' sentences (validate-outcomes.ts, shared/quota-save-guard.ts's validateQuotaOutcomes):
// their own small catalogue because the store runs these checks on every save, so they are in the pages'
// first load; the rest of the guards' and adapters' wording (guard.ts, adapter.ts) stays out of it.
// Keys start with `guard.` like the save guards'; a UI words each one (widgets/shared/adapter-text.ts).
import { sayer } from './said.js';

const RELOAD = 'reload to see what the CRM holds now';
const CHECK = 'reload to check';

/** Every sentence of the outcome checks, in English (`detail`: what the adapter sent, shown as it is). */
export const CHECK_TEXTS = {
  'guard.not-a-list': (p: { detail: string }) => `the adapter's save() resolved ${p.detail} instead of a list of outcomes; the change may or may not be written — ${CHECK}`,
  'guard.unmatched': (p: { count: number }) => `the adapter reported ${p.count} outcome(s) without an account id, none for this change; it may or may not be written — ${CHECK}`,
  'guard.no-outcome': () => `the adapter reported no outcome for this change; it may or may not be written — ${CHECK}`,
  'guard.bad-status': (p: { detail: string }) => `the adapter reported the status ${p.detail}, which is none of saved, failed or conflict; the change may or may not be written — ${CHECK}`,
  'guard.bad-code': (p: { status: string; detail: string }) => `the adapter reported a ${p.status} outcome with the code ${p.detail}; the change may or may not be written — ${CHECK}`,
  'guard.quota-not-a-list': () => `the adapter's saveQuotas() did not resolve with a list of outcomes; the quota may or may not be written — ${RELOAD}`,
  'guard.quota-no-outcome': () => `the adapter reported no outcome for this quota; the quota may or may not be written — ${RELOAD}`,
  'guard.quota-bad-status': () => `the adapter reported a status that is none of saved, failed or conflict; the quota may or may not be written — ${RELOAD}`,
  'guard.quota-bad-code': (p: { status: string }) => `the adapter reported a ${p.status} outcome with a code that is not text; the quota may or may not be written — ${RELOAD}`,
};

export type CheckTextKey = keyof typeof CHECK_TEXTS;

/** An outcome check's sentence as data with its English message (see `Said`). */
export const sayCheck = /* @__PURE__ */ sayer(CHECK_TEXTS);
