// The save guards' sentences (shared/save-guard.ts, batch-save-guard.ts, quota-save-guard.ts,
// territory-save-guard.ts, validate-outcomes.ts): their own catalogue because the store loads the
// outcome checks, and the rest of the adapters' wording (adapter.ts) must stay out of the pages' first load.
// Keys start with `guard.`; a UI words each one (test/widgets/adapter-texts.l10n.test.ts checks them all).
import { sayer } from './said.js';

const RELOAD = 'reload to see what the CRM holds now';

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
  'guard.territory-no-outcome': () => `the adapter reported no outcome for this territory — ${RELOAD}`,
  // A request or save that ran out of time (shared/deadline.ts, code TIMEOUT): `what` is one of the
  // `guard.what-…` sentences below, or a request line (`GET https://…/accounts`) as it is.
  'guard.no-answer': (p: { what: string; ms: number }) => `${p.what} got no answer within ${p.ms} ms`,
  'guard.what-request': () => 'the request',
  'guard.what-save': () => 'the save',
  'guard.what-territory-save': () => 'the territory save',
  'guard.what-quota-save': () => 'the quota save',
  'guard.what-check-after-abort': () => 'the check after an abort',
  'guard.what-check-after-retry': () => 'the check after the last retry',
  'guard.what-check-after-lost': () => 'the check after a lost answer',
  'guard.what-salesforce-read': () => 'a Salesforce read',
  'guard.what-salesforce-update': (p: { object: string }) => `Salesforce update of ${p.object}`,
  'guard.what-salesforce-create': (p: { object: string }) => `Salesforce create of ${p.object}`,
  'guard.what-salesforce-destroy': (p: { object: string }) => `Salesforce destroy of ${p.object}`,
};

export type GuardTextKey = keyof typeof GUARD_TEXTS;

/** A save guard's sentence as data with its English message (see `Said`). */
export const sayGuard = /* @__PURE__ */ sayer(GUARD_TEXTS);
