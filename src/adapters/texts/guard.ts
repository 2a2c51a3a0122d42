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
};

export type GuardTextKey = keyof typeof GUARD_TEXTS;

/** A save guard's sentence as data with its English message (see `Said`). */
export const sayGuard = /* @__PURE__ */ sayer(GUARD_TEXTS);
