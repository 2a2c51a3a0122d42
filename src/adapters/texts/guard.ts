// The save guards' sentences (shared/save-guard.ts, batch-save-guard.ts, quota-save-guard.ts,
// territory-save-guard.ts, validate-outcomes.ts): their own catalogue because the store loads the
// outcome checks, and the rest of the adapters' wording (adapter.ts) must stay out of the pages' first load.
// Keys start with `guard.`; a UI words each one (test/widgets/adapter-texts.l10n.test.ts checks them all).
import { sayer } from './said.js';

const RELOAD = 'reload to see what the CRM holds now';
const CHECK = 'reload to check';

/** Every sentence of the save guards, in English. Parameters in `detail` are other code's text, shown as they are. */
export const GUARD_TEXTS = {
  'guard.save-aborted': () => 'the save was aborted',
  'guard.deadline': (p: { ms: number }) => `the save passed its deadline of ${p.ms} ms`,
  'guard.not-written': (p: { why: string }) => `not written: ${p.why}`,
  'guard.aborted-before-start': () => 'not written: the save was aborted before it started',
  'guard.stopped': (p: { detail: string }) => `the save stopped with an error (${p.detail}); the change may or may not be written — ${RELOAD}`,
  'guard.late': (p: { why: string }) => `${p.why} while the CRM had not answered; the change may or may not be written — ${RELOAD}`,
  'guard.late-territory': (p: { why: string }) => `${p.why} while the CRM had not answered; the territory may or may not be written — ${RELOAD}`,
  'guard.late-quota': (p: { why: string }) => `${p.why} while the CRM had not answered; the quota may or may not be written — ${RELOAD}`,
  'guard.stopped-territory': (p: { detail: string }) => `the territory save stopped with an error (${p.detail}); it may or may not be written — ${RELOAD}`,
  'guard.stopped-quota': (p: { detail: string }) => `the quota save stopped with an error (${p.detail}); it may or may not be written — ${RELOAD}`,
  'guard.not-a-list': (p: { detail: string }) => `the adapter's save() resolved ${p.detail} instead of a list of outcomes; the change may or may not be written — ${CHECK}`,
  'guard.unmatched': (p: { count: number }) => `the adapter reported ${p.count} outcome(s) without an account id, none for this change; it may or may not be written — ${CHECK}`,
  'guard.no-outcome': () => `the adapter reported no outcome for this change; it may or may not be written — ${CHECK}`,
  'guard.bad-status': (p: { detail: string }) => `the adapter reported the status ${p.detail}, which is none of saved, failed or conflict; the change may or may not be written — ${CHECK}`,
  'guard.bad-code': (p: { status: string; detail: string }) => `the adapter reported a ${p.status} outcome with the code ${p.detail}; the change may or may not be written — ${CHECK}`,
  'guard.quota-not-a-list': () => `the adapter's saveQuotas() did not resolve with a list of outcomes; the quota may or may not be written — ${RELOAD}`,
  'guard.quota-no-outcome': () => `the adapter reported no outcome for this quota; the quota may or may not be written — ${RELOAD}`,
  'guard.quota-bad-status': () => `the adapter reported a status that is none of saved, failed or conflict; the quota may or may not be written — ${RELOAD}`,
  'guard.quota-bad-code': (p: { status: string }) => `the adapter reported a ${p.status} outcome with a code that is not text; the quota may or may not be written — ${RELOAD}`,
  'guard.territory-no-outcome': () => `the adapter reported no outcome for this territory — ${RELOAD}`,
};

export type GuardTextKey = keyof typeof GUARD_TEXTS;

/** A save guard's sentence as data with its English message (see `Said`). */
export const sayGuard = sayer(GUARD_TEXTS);
