// The adapters' sentences in the UI language (issue #14): every key of the adapters' catalogues
// (src/adapters/texts/adapter.ts, guard.ts, check.ts) worded with msg(), nested sentences worded in turn, and the
// parameters that are not ours — the CRM's own error text (`detail`), ids, names, field names — shown as
// they are. The table is typed over the catalogues' keys, so a new sentence without a wording fails the
// typecheck; in English each wording is the adapter's message word for word
// (test/widgets/adapter-texts.l10n.test.ts). Loaded on demand: by the provider's load-notice.ts (load
// notices and load errors) and the panel's outcome-text.ts (save outcomes), never in a page's first load.
import { msg, str } from '@lit/localize';
import type { SaidParam } from '../../src/adapters/crm-adapter.js';
import type { AdapterTextKey } from '../../src/adapters/texts/adapter.js';
import type { GuardTextKey } from '../../src/adapters/texts/guard.js';
import type { CheckTextKey } from '../../src/adapters/texts/check.js';

/** A sentence's parameters, rendered: text as it is, nested sentences worded, numbers as the English shows them. */
type P = Record<string, string | null>;

/** What is loaded, in "Loading … failed" (a plural noun); an unknown one as it is. */
function what(w: string | null): string {
  switch (w) {
    case 'accounts':
      return msg('accounts', { id: 'adapter-what-accounts', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'reps':
      return msg('reps', { id: 'adapter-what-reps', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'territories':
      return msg('territories', { id: 'adapter-what-territories', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'opportunities':
      return msg('opportunities', { id: 'adapter-what-opportunities', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'owners':
      return msg('owners', { id: 'adapter-what-owners', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'companies':
      return msg('companies', { id: 'adapter-what-companies', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'deals':
      return msg('deals', { id: 'adapter-what-deals', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'quotas':
      return msg('quotas', { id: 'adapter-what-quotas', desc: 'plural noun in "Loading … was aborted / failed"' });
    case 'deal owner history':
      return msg('deal owner history', { id: 'adapter-what-deal-owner-history', desc: 'noun in "Loading … was aborted / failed"' });
    default: return w ?? '';
  }
}

/** An outcome status as the save guards name it ("a saved outcome"). */
function statusWord(s: string | null): string {
  if (s === 'saved') return msg('saved', { id: 'adapter-status-saved', desc: 'outcome status in "the adapter reported a … outcome"' });
  if (s === 'failed') return msg('failed', { id: 'adapter-status-failed', desc: 'outcome status in "the adapter reported a … outcome"' });
  if (s === 'conflict') return msg('conflict', { id: 'adapter-status-conflict', desc: 'outcome status in "the adapter reported a … outcome"' });
  return s ?? '';
}

/** One wording per sentence of the adapters. */
const TEXT: { [K in AdapterTextKey | GuardTextKey | CheckTextKey]: (p: P) => string } = {
  'guard.save-aborted': () => msg('the save was aborted'),
  'guard.deadline': (p) => msg(str`the save passed its deadline of ${p.ms} ms`),
  'guard.not-written': (p) => msg(str`not written: ${p.why}`),
  'guard.aborted-before-start': () => msg('not written: the save was aborted before it started'),
  'guard.stopped': (p) => msg(str`the save stopped with an error (${p.detail}); the change may or may not be written — reload to see what the CRM holds now`),
  'guard.late': (p) => msg(str`${p.why} while the CRM had not answered; the change may or may not be written — reload to see what the CRM holds now`),
  'guard.late-territory': (p) => msg(str`${p.why} while the CRM had not answered; the territory may or may not be written — reload to see what the CRM holds now`),
  'guard.late-quota': (p) => msg(str`${p.why} while the CRM had not answered; the quota may or may not be written — reload to see what the CRM holds now`),
  'guard.stopped-territory': (p) => msg(str`the territory save stopped with an error (${p.detail}); it may or may not be written — reload to see what the CRM holds now`),
  'guard.stopped-quota': (p) => msg(str`the quota save stopped with an error (${p.detail}); it may or may not be written — reload to see what the CRM holds now`),
  'guard.territory-no-outcome': () => msg('the adapter reported no outcome for this territory — reload to see what the CRM holds now'),
  'guard.not-a-list': (p) => msg(str`the adapter's save() resolved ${p.detail} instead of a list of outcomes; the change may or may not be written — reload to check`),
  'guard.unmatched': (p) => msg(str`the adapter reported ${p.count} outcome(s) without an account id, none for this change; it may or may not be written — reload to check`),
  'guard.no-outcome': () => msg('the adapter reported no outcome for this change; it may or may not be written — reload to check'),
  'guard.bad-status': (p) => msg(str`the adapter reported the status ${p.detail}, which is none of saved, failed or conflict; the change may or may not be written — reload to check`),
  'guard.bad-code': (p) => msg(str`the adapter reported a ${statusWord(p.status)} outcome with the code ${p.detail}; the change may or may not be written — reload to check`),
  'guard.quota-not-a-list': () => msg('the adapter\'s saveQuotas() did not resolve with a list of outcomes; the quota may or may not be written — reload to see what the CRM holds now'),
  'guard.quota-no-outcome': () => msg('the adapter reported no outcome for this quota; the quota may or may not be written — reload to see what the CRM holds now'),
  'guard.quota-bad-status': () => msg('the adapter reported a status that is none of saved, failed or conflict; the quota may or may not be written — reload to see what the CRM holds now'),
  'guard.quota-bad-code': (p) => msg(str`the adapter reported a ${statusWord(p.status)} outcome with a code that is not text; the quota may or may not be written — reload to see what the CRM holds now`),
  'notice.deals-left-out': (p) => msg(str`Deals are left out (the performance board credits history to account owners instead): ${p.why}`),
  'notice.deals-without-company-one': (p) => msg(str`${p.count} deal has no associated company and is left out of the earned history`),
  'notice.deals-without-company': (p) => msg(str`${p.count} deals have no associated company and are left out of the earned history`),
  'notice.performance-field-unreadable': (p) => msg(str`Performance figures are left out: ${p.field} is not readable for this user (${p.detail})`),
  'notice.performance-left-out': (p) => msg(str`Performance figures are left out: ${p.why}`),
  'notice.deal-owner-history-unread': (p) => msg(str`Closed deals are credited to their current owner, not to the owner when they closed: the deal owner history could not be read (${p.why})`),
  'notice.owner-history-unread': (p) => msg(str`Closed opportunities are credited to their current owner, not to the owner when they closed: the opportunity owner history could not be read (${p.why})`),
  'notice.owner-history-field-unreadable': (p) => msg(str`Closed opportunities are credited to their current owner, not to the owner when they closed: ${p.field} is not readable for this user`),
  'notice.owner-not-tracked': () => msg('Closed opportunities are credited to their current owner, not to the owner when they closed: field history tracking is off for Opportunity Owner in this org'),
  'guard.no-answer': (p) => msg(str`${p.what} got no answer within ${p.ms} ms`),
  'guard.what-request': () => msg('the request', { id: 'adapter-what-request', desc: 'subject of "… got no answer within N ms"' }),
  'guard.what-save': () => msg('the save', { id: 'adapter-what-save', desc: 'subject of "… got no answer within N ms"' }),
  'guard.what-territory-save': () => msg('the territory save', { id: 'adapter-what-territory-save', desc: 'subject of "… got no answer within N ms"' }),
  'guard.what-quota-save': () => msg('the quota save', { id: 'adapter-what-quota-save', desc: 'subject of "… got no answer within N ms"' }),
  'guard.what-check-after-abort': () => msg('the check after an abort', { id: 'adapter-what-check-after-abort', desc: 'subject of "… got no answer within N ms": the read that checks whether an aborted write landed' }),
  'guard.what-check-after-retry': () => msg('the check after the last retry', { id: 'adapter-what-check-after-retry', desc: 'subject of "… got no answer within N ms": the read that checks whether a write landed' }),
  'guard.what-check-after-lost': () => msg('the check after a lost answer', { id: 'adapter-what-check-after-lost', desc: 'subject of "… got no answer within N ms": the read that checks whether a write landed' }),
  'guard.what-salesforce-read': () => msg('a Salesforce read', { id: 'adapter-what-salesforce-read', desc: 'subject of "… got no answer within N ms"' }),
  'guard.what-salesforce-update': (p) => msg(str`Salesforce update of ${p.object}`, { id: 'adapter-what-salesforce-update', desc: 'subject of "… got no answer within N ms"; the object is a Salesforce API name (Account)' }),
  'guard.what-salesforce-create': (p) => msg(str`Salesforce create of ${p.object}`, { id: 'adapter-what-salesforce-create', desc: 'subject of "… got no answer within N ms"; the object is a Salesforce API name (Account)' }),
  'guard.what-salesforce-destroy': (p) => msg(str`Salesforce destroy of ${p.object}`, { id: 'adapter-what-salesforce-destroy', desc: 'subject of "… got no answer within N ms"; the object is a Salesforce API name (Account)' }),
  'net.no-answer': (p) => msg(str`no answer within ${p.ms} ms`),
  'net.read-failed': (p) => msg(str`reading the response failed: ${p.detail}`),
  'net.not-json': (p) => msg(str`HTTP ${p.status} with a body that is not JSON`),
  'net.http': (p) => msg(str`HTTP ${p.status}: ${p.detail}`),
  'net.server-http': (p) => msg(str`the server answered HTTP ${p.status}`),
  'net.aborted': () => msg('aborted'),
  'load.aborted': (p) => msg(str`Loading ${what(p.what)} was aborted`),
  'load.failed': (p) => msg(str`Loading ${what(p.what)} failed: ${p.detail}`),
  'load.failed-http': (p) => msg(str`Loading ${what(p.what)} failed with HTTP ${p.status}: ${p.detail}`),
  'load.no-items': (p) => msg(str`GET /${p.path} answered without an items list`),
  'load.rest-paging': (p) => msg(str`GET /${p.path} ${p.why}; stopped after ${p.pages} pages and ${p.records} records`),
  'load.quotas-paging': (p) => msg(str`GET /quotas ${p.why}`),
  'load.hubspot-paging': (p) => msg(str`HubSpot ${what(p.what)} paging ${p.why}; stopped after ${p.pages} pages and ${p.records} records`),
  'load.no-results': (p) => msg(str`HubSpot ${what(p.what)} answer has no results list`),
  'load.goals-aborted': (p) => msg(str`Loading the goal targets of "${p.goal}" was aborted`),
  'load.salesforce-aborted': () => msg('Salesforce load aborted'),
  'load.salesforce-failed': (p) => msg(str`Salesforce load failed: ${p.detail}`),
  'load.no-active-model': () => msg('No Active Territory2Model in this org'),
  'load.model-not-found': (p) => msg(str`Territory2Model ${p.id} not found`),
  'load.memory-aborted': () => msg('loading was aborted'),
  'paging.more-than': (p) => msg(str`sent more than the ${p.total} records it said it has`),
  'paging.hubspot-more-than': (p) => msg(str`sent more than the ${p.total} records HubSpot said it has`),
  'paging.repeats-cursor': (p) => msg(str`repeats the cursor ${p.cursor}`),
  'paging.no-new': () => msg('sent a page with no new records that names a next cursor'),
  'paging.hubspot-no-new': () => msg('brought a page with no new records that points at another page'),
  'paging.all-sent': (p) => msg(str`sent all ${p.total} records it said it has but names a next cursor`),
  'paging.too-many': (p) => msg(str`went past ${p.max} pages`),
  'sf.aborted': () => msg('the request was aborted'),
  'sf.session': () => msg('the session is still invalid after one refresh'),
  'sf.bulk-aborted': () => msg('bulk query aborted'),
  'sf.paging': (p) => msg(str`query ${p.query} on ${p.object}: ${p.why}; stopped paging after ${p.pages} pages and ${p.rows} rows`),
  'sf.paging-more': (p) => msg(str`the server said it has ${p.total} rows but sent more`),
  'sf.paging-repeats': (p) => msg(str`the server repeats the page ${p.page}`),
  'sf.paging-no-new': () => msg('a page brought no new rows but points at another page'),
  'sf.paging-all-sent': (p) => msg(str`the server sent all ${p.total} rows it said it has but points at another page`),
  'sf.paging-too-many': (p) => msg(str`more than ${p.max} pages without a row count`),
  'sf.refresh-failed': (p) => msg(str`${p.detail}; refreshing the session failed: ${p.refresh}`),
  'sf.outcome-unknown': (p) => msg(str`outcome unknown: ${p.detail}; re-reading the records also failed (${p.reread}); the change may or may not be written — reload to see what the CRM holds now`),
  'sf.gave-up-maybe': (p) => msg(str`${p.detail} (gave up after ${p.attempts} attempts); a request that got no answer may still be applied — reload to see what the CRM holds now`),
  'sf.gave-up': (p) => msg(str`${p.detail} (gave up after ${p.attempts} attempts)`),
  'sf.stopped-while-writing': () => msg('the save was stopped while Salesforce was writing; the change may or may not be written — reload to see what the CRM holds now'),
  'sf.aborted-before-record': () => msg('aborted before this record was written'),
  'sf.failed-without-error': () => msg('failed without an error'),
  'sf.not-attempted': () => msg('not attempted'),
  'sf.owner-now': (p) => msg(str`owner is now ${p.owner ?? msg('nobody')}`),
  'sf.field-now': (p) => msg(str`${p.field} is now ${p.value}`),
  'sf.apex-no-records': (p) => msg(str`TerritoryKitController.quotas(${p.action}) answered without records`),
  'sf.apex-no-describe': () => msg('TerritoryKitController.quotas(describe) answered without a describe'),
  'notice.goals-scope': (p) => msg(str`Quotas were not loaded from the HubSpot goal "${p.goal}" (the app needs the scope crm.objects.goals.read): ${p.detail}. Quotas stay in the plan and export as CSV.`),
  'notice.goals-unavailable': (p) => msg(str`Quotas were not loaded from the HubSpot goal "${p.goal}": ${p.detail}. Quotas stay in the plan and export as CSV.`),
  'notice.goal-target-refused': (p) => msg(str`Goal target ${p.id} of "${p.goal}" is left out: field ${p.field}: ${p.reason}`),
  'notice.goal-targets-truncated': (p) => msg(str`The goal "${p.goal}" has more than 10,000 targets (HubSpot's search limit); only the first 10,000 were loaded as quotas`),
  'notice.goal-target-duplicate': (p) => msg(str`${p.count} goal target(s) of "${p.goal}" repeat an owner and period start; the first of each is used`),
  'notice.goals-write-scope': (p) => msg(str`Quotas are not saved to HubSpot: ${p.detail}. They stay in the plan and export as CSV.`),
  'notice.invalid-quota': (p) => msg(str`Quota at position ${p.index} left out: field ${p.field}: ${p.reason}`),
  'notice.invalid-quota-rep': (p) => msg(str`Quota at position ${p.index} (rep ${p.rep}) left out: field ${p.field}: ${p.reason}`),
  'notice.quotas-unsupported': () => msg('Quotas stay in the plan (and export as CSV): this Salesforce transport has no quota methods (apexTransport needs the quotas method of TerritoryKitController)'),
  'notice.quotas-unavailable': (p) => msg(str`Quotas stay in the plan (and export as CSV): ${p.detail}`),
  'notice.quota-access-failed': (p) => msg(str`Quotas stay in the plan (and export as CSV): could not check access to ForecastingQuota (${p.detail})`),
  'notice.forecasting-disabled': () => msg('Quotas stay in the plan (and export as CSV): Collaborative Forecasts is not enabled in this Salesforce org (there is no ForecastingQuota object)'),
  'notice.no-forecast-access': () => msg('Quotas stay in the plan (and export as CSV): this user cannot read ForecastingQuota — it needs the View All Forecasts or Allow Forecasting permission (or to be a delegated forecast manager)'),
  'notice.no-manage-quotas': () => msg('Quotas stay in the plan (and export as CSV): this user may not create and edit ForecastingQuota.QuotaAmount — it needs the Manage Quotas permission'),
  'notice.forecast-types-failed': (p) => msg(str`Quotas stay in the plan (and export as CSV): could not read the forecast types (${p.detail})`),
  'notice.forecast-type-inactive': (p) => msg(str`Quotas stay in the plan (and export as CSV): the forecast type ${p.type} is not active in this org (active: ${p.active}); set the forecastingType option`),
  'notice.forecast-type-quantity': (p) => msg(str`Quotas stay in the plan (and export as CSV): the forecast type ${p.type} forecasts quantities, not amounts; choose a revenue forecast type`),
  'notice.quotas-off': () => msg('Quotas stay in the plan (and export as CSV): quota writing is turned off for this connection (option quotas: false)'),
  'notice.quotas-check-failed': (p) => msg(str`Quotas stay in the plan: ${p.detail}`),
  'notice.quotas-unread': (p) => msg(str`The quotas held in Salesforce could not be read (${p.detail}); plan quotas are compared with none`),
  'notice.lock-field-unreadable': (p) => msg(str`Lock flags are not loaded from Salesforce: ${p.field} is not readable for this user (${p.detail}); locks stay in this plan`),
  'reason.expected-object': () => msg('expected an object'),
  'reason.expected-rep': (p) => msg(str`expected a rep id, got ${p.got}`),
  'reason.expected-period': (p) => msg(str`expected the period's first day as YYYY-MM-DD, got ${p.got}`),
  'reason.expected-whole': (p) => msg(str`expected a whole number ≥ 0, got ${p.got}`),
  'reason.expected-date': (p) => msg(str`expected a date, got ${p.got}`),
  'reason.expected-amount': (p) => msg(str`expected a whole amount ≥ 0, got ${p.got}`),
  'save.aborted-before-change': () => msg('aborted before this change was written'),
  'save.aborted-before-lock': () => msg('aborted before this lock was written'),
  'save.not-found': (p) => msg(str`account ${p.id} does not exist or is not visible to this user`),
  'save.stale-owner': (p) => msg(str`owner is now ${p.owner ?? msg('nobody')}, not ${p.from ?? msg('nobody')} as loaded`),
  'save.stale-stamp': (p) => msg(str`account changed since it was loaded (${p.field} ${p.value})`),
  'save.stale-stamp-lock': (p) => msg(str`account changed since it was loaded (${p.field} ${p.value}); reload before locking it`),
  'save.owner-required': () => msg('Salesforce accounts always have an owner: cannot unassign'),
  'save.reread-account-failed': (p) => msg(str`not written: could not re-read the account before writing (${p.detail})`),
  'save.reread-record-failed': (p) => msg(str`not written: could not re-read the record before writing (${p.detail})`),
  'save.reread-company-failed': (p) => msg(str`not written: could not re-read the company before writing (${p.detail})`),
  'save.model-read-failed': (p) => msg(str`not written: could not read the territory model (${p.detail})`),
  'save.invalid-lock-change': () => msg('a lock change needs kind account|rep, a string id and a boolean locked'),
  'save.no-rep-lock-field': () => msg('rep locks stay in this plan: Salesforce has no rep lock field (lockField is an Account field)'),
  'save.no-lock-field': () => msg('no lock field is configured (set the lockField option to an Account checkbox)'),
  'save.duplicate-account': (p) => msg(str`account ${p.id} is already changed at position ${p.first} of this save`),
  'save.t-now-in': (p) => msg(str`account is now in ${p.now ?? msg('no territory')}, not ${p.from ?? msg('no territory')} as loaded`),
  'save.t-already-in': (p) => msg(str`account is already in ${p.to} as well as ${p.from}`),
  'save.t-add-failed': (p) => msg(str`not moved: adding it to ${p.to} failed (${p.detail}); it stays in ${p.from ?? msg('no territory')}`),
  'save.t-remove-failed': (p) => msg(str`not removed from ${p.from}: ${p.detail}`),
  'save.t-undone': (p) => msg(str`not moved: removing it from ${p.from} failed (${p.detail}); the new association to ${p.to} was removed again, so it stays in ${p.from}`),
  'save.t-partial': (p) => msg(str`account is now in BOTH ${p.from} and ${p.to}: removing it from ${p.from} failed (${p.detail}) and undoing the add failed (${p.undo}); remove one association by hand`),
  'save.changed-while-writing': () => msg('changed by someone else while writing'),
  'save.not-written': () => msg('not written'),
  'save.no-outcome': () => msg('no outcome recorded; reload to see what the CRM holds now'),
  'save.maybe-written': (p) => msg(str`${p.why}; the change may or may not be written — reload to see what the CRM holds now`),
  'save.maybe-in-hubspot': (p) => msg(str`${p.why}; the change may or may not be in HubSpot — reload to see what the CRM holds now`),
  'save.territory-maybe-written': (p) => msg(str`${p.why}; the territory may or may not be written — reload to see what the CRM holds now`),
  'save.lock-maybe-in-hubspot': (p) => msg(str`${p.why}; re-reading failed too — the lock may or may not be in HubSpot; reload to see what the CRM holds now`),
  'save.it-maybe-written': (p) => msg(str`${p.why}; it may or may not be written — reload to see what the CRM holds now`),
  'save.stopped-mid-request': () => msg('the save was stopped mid-request; the change may or may not be written — reload to see what the CRM holds now'),
  'save.stopped-mid-request-it': () => msg('the save was stopped mid-request; it may or may not be written — reload to see what the CRM holds now'),
  'save.server-no-report': () => msg('the server did not report on this change; it may or may not be written — reload to see what the CRM holds now'),
  'save.server-no-report-quota': () => msg('the server did not report on this quota; reload to see what the CRM holds now'),
  'save.server-no-report-territory': () => msg('the server did not report on this territory; reload to see what the CRM holds now'),
  'save.server-no-report-lock': () => msg('the server did not report on this lock; reload to check'),
  'save.quotas-read-only': () => msg('not written: this adapter may not write quotas (option quotas)'),
  'save.no-lock-field-option': () => msg('this adapter has no lock field to write (set the lockField option)'),
  'save.territory-change-invalid': () => msg('a territory change needs a string id and a territory (or null to delete)'),
  'save.hubspot-changed-while-saving': (p) => msg(str`the company changed in HubSpot while saving (owner now ${p.owner ?? msg('nobody')})`),
  'save.hubspot-deleted-while-saving': () => msg('the company was deleted or merged while saving'),
  'save.hubspot-no-company': () => msg('no such company in HubSpot (deleted, merged or never there)'),
  'save.hubspot-owner-now': (p) => msg(str`the owner in HubSpot is now ${p.owner ?? msg('nobody')}, not ${p.from ?? msg('nobody')}`),
  'save.hubspot-stale': (p) => msg(str`the company changed in HubSpot at ${p.at}, after it was loaded (${p.stamp})`),
  'save.hubspot-stale-lock': (p) => msg(str`the company changed in HubSpot at ${p.at}, after it was loaded (${p.stamp}); reload before locking it`),
  'save.hubspot-stopped-mid-request': () => msg('the save was stopped mid-request; the change may or may not be in HubSpot — reload to see what the CRM holds now'),
  'save.may-not-write': () => msg('this adapter may not write'),
  'save.hubspot-no-rep-lock': () => msg('rep locks stay in this plan: HubSpot owners have no lock property'),
  'save.hubspot-no-lock-property': () => msg('no lock property is configured (set the lockProperty option to a boolean company property)'),
  'save.hubspot-duplicate-lock': () => msg('another lock change for this company comes earlier in the same save'),
  'quota.hubspot-no-write': (p) => msg(str`${p.label}: this adapter does not write HubSpot goal targets (option goals.write)`),
  'save.hubspot-no-report': () => msg('HubSpot did not report on this record'),
  'save.hubspot-no-report-company': () => msg('HubSpot did not report on this company'),
  'save.hubspot-no-report-target': () => msg('HubSpot did not report on this target'),
  'save.hubspot-record-error': () => msg('HubSpot reported an error for this record'),
  'save.hubspot-company-error': () => msg('HubSpot reported an error for this company'),
  'mem.not-found': (p) => msg(str`account "${p.id}" does not exist`),
  'mem.rep-missing': (p) => msg(str`rep "${p.id}" does not exist`),
  'mem.record-missing': (p) => msg(str`record "${p.id}" does not exist`),
  'mem.rep-inactive': (p) => msg(str`rep "${p.id}" is inactive`),
  'mem.changed-in-batch': (p) => msg(str`account "${p.id}" was already changed earlier in this batch`),
  'mem.changed': (p) => msg(str`account "${p.id}" changed in the CRM since it was loaded`),
  'mem.owned-by': (p) => msg(str`account "${p.id}" is owned by ${p.owner}, not ${p.from}`),
  'mem.already-owned': () => msg('already owned by the target rep; nothing written'),
  'mem.quota-held': () => msg('already held; nothing written'),
  'mem.lock-aborted': () => msg('saving was aborted before this lock was written'),
  'mem.no-locks': () => msg('this adapter may not write locks'),
  'mem.territory-aborted': () => msg('saving was aborted before this territory was written'),
  'mem.no-territories': () => msg('this adapter may not write territories'),
  'mem.territory-change-invalid': () => msg('a territory change needs an id and a territory (or null to delete)'),
  'mem.invalid-territory': () => msg('invalid territory'),
  'mem.territory-changed': (p) => msg(str`territory "${p.id}" changed in the CRM since it was loaded`),
  'mem.territory-deleted': (p) => msg(str`territory "${p.id}" was deleted in the CRM since it was loaded`),
  'tm.no-id': () => msg('a territory change needs a string id'),
  'tm.twice': (p) => msg(str`territory ${p.id} is changed twice in one save`),
  'tm.id-mismatch': (p) => msg(str`territory ${p.id}: its content has id ${p.other}`),
  'tm.stale': (p) => msg(str`Territory2 ${p.tid} in planning model ${p.model} changed at ${p.at}, after ${p.seen} as this plan last saw it; not written — reload to see it`),
  'tm.not-planning': (p) => msg(str`Territory2Model ${p.model} (${p.id}) is now ${p.state}: territory-kit writes only to a model in Planning state and never touches an active or archived one. Nothing was written; save again to start a new planning model.`),
  'tm.gone': (p) => msg(str`Territory2Model ${p.id} no longer exists: territory-kit writes only to a model in Planning state and never touches an active or archived one. Nothing was written; save again to start a new planning model.`),
  'tm.territory-note': (p) => msg(str`territory ${p.name} (${p.id}), ${p.field}: ${p.why}`),
  'tm.field-note': (p) => msg(str`${p.field}: ${p.why}`),
  'tm.notes': (p) => msg(str`${p.first}; ${p.rest}`),
  'tm.where': (p) => msg(str`planning model ${p.model} (${p.id})`),
  'tm.removed': (p) => msg(str`removed from ${p.where}`),
  'tm.saved': (p) => msg(str`Territory2 ${p.tid} in ${p.where}; review and activate the model in Setup.`),
  'tm.saved-with': (p) => msg(str`Territory2 ${p.tid} in ${p.where}; review and activate the model in Setup. Not in Territory2 — ${p.notes}.`),
  'tm.parent-not-in-plan': (p) => msg(str`parent ${p.parent} is not in the plan, so the Territory2 has no parent`),
  'tm.more': (p) => msg(str`${p.list} and ${p.more} more`),
  'tm.no-field-mapped': (p) => msg(str`${p.what} has no Account field mapped (fieldMap.${p.what})`),
  'tm.industry-value': () => msg('an industry holding a comma, or more than 1,000 characters in all, cannot be a Territory2 rule value'),
  'tm.not-api-name': (p) => msg(str`${p.field} is not an Account field API name`),
  'tm.no-operation': (p) => msg(str`operator ${p.op} has no Territory2 rule operation`),
  'tm.bad-value': () => msg('the value cannot be a Territory2 rule value (empty, a comma inside a value, or over 1,000 characters)'),
  'tm.drawn-area': () => msg('a drawn area cannot be a Territory2 rule (rules test field values, not coordinates)'),
  'tm.regions-comma': (p) => msg(str`region codes ${p.codes} are not US states (they hold a comma)`),
  'tm.regions-not-states': (p) => msg(str`region codes ${p.codes} are not US states (counties and other regions have no Account field a rule can test)`),
  'tm.regions-too-long': () => msg('the regions make a rule value over 1,000 characters'),
  'tm.narrowed-one': (p) => msg(str`the rule covers only the ${p.count} region that map: accounts elsewhere in the plan's territory are not assigned by it`),
  'tm.narrowed': (p) => msg(str`the rule covers only the ${p.count} regions that map: accounts elsewhere in the plan's territory are not assigned by it`),
  'tm.narrowed-one-area': (p) => msg(str`the rule covers only the ${p.count} region that map, not the drawn area: accounts elsewhere in the plan's territory are not assigned by it`),
  'tm.narrowed-area': (p) => msg(str`the rule covers only the ${p.count} regions that map, not the drawn area: accounts elsewhere in the plan's territory are not assigned by it`),
  'tm.rule-not-written': () => msg('no assignment rule was written, because without the parts above it would assign accounts the plan does not; add a rule in Setup or assign accounts by name'),
  'tm.rule-items': (p) => msg(str`${p.count} rule items: Salesforce's rule editor offers 10 criteria per rule; the save may fail for this territory`),
  'tm.bad-accounts': (p) => msg(str`${p.ids} are not Salesforce Account ids`),
  'tm.exclude-one': (p) => msg(str`Territory2 rules cannot leave out named accounts: ${p.count} excluded account will be assigned by the rule when they match; remove them by hand after running the rules`),
  'tm.exclude': (p) => msg(str`Territory2 rules cannot leave out named accounts: ${p.count} excluded accounts will be assigned by the rule when they match; remove them by hand after running the rules`),
  'tm.bad-users': (p) => msg(str`${p.ids} are not Salesforce User ids`),
  'tm.no-accounts': () => msg('no rule and no named accounts: in the planning model this territory holds no accounts until some are added'),
  'tm.truncated': () => msg('Territory2.Name holds 80 characters: the name was shortened'),
  'quota.label': (p) => msg(str`the quota of ${p.id} for the period starting ${p.period}`),
  'quota.label-named': (p) => msg(str`the quota of ${p.name} (${p.id}) for the period starting ${p.period}`),
  'quota.field': (p) => msg(str`${p.label}: field ${p.field}: ${p.why}`),
  'quota.said': (p) => msg(str`${p.label}: ${p.why}`),
  'quota.duplicate': (p) => msg(str`${p.label} is already changed at position ${p.first} of this save`),
  'quota.conflict': (p) => msg(str`${p.label} changed in the CRM since it was loaded (${p.now}; ${p.then})`),
  'quota.now': (p) => msg(str`now ${p.amount}`),
  'quota.now-unset': () => msg('no longer set'),
  'quota.then': (p) => msg(str`${p.amount} when the plan was loaded`),
  'quota.then-none': () => msg('none when the plan was loaded'),
  'quota.expected-rep': () => msg('expected a rep id'),
  'quota.expected-amount': (p) => msg(str`expected a whole number ≥ 0 (or null to remove), got ${p.got}`),
  'quota.expected-from': (p) => msg(str`expected the loaded amount as a whole number ≥ 0 or null, got ${p.got}`),
  'quota.aborted': (p) => msg(str`${p.label}: not written, the save was aborted`),
  'quota.read-only': (p) => msg(str`${p.label}: not written, this adapter may not write quotas`),
  'quota.no-rep': (p) => msg(str`${p.label}: field repId: no rep ${p.id}`),
  'quota.hubspot-no-delete': () => msg('territory-kit does not delete HubSpot goal targets; set an amount, or remove the target in HubSpot'),
  'quota.hubspot-no-target': (p) => msg(str`HubSpot has no target of the goal "${p.goal}" for this rep and period; add the rep's target to the goal in HubSpot (territory-kit updates targets, it does not create them)`),
  'quota.hubspot-read-refused': (p) => msg(str`HubSpot refused to read goal targets (scope crm.objects.goals.read): ${p.detail}`),
  'quota.hubspot-write-refused': (p) => msg(str`HTTP 403: ${p.detail} (the app needs the scope crm.objects.goals.write, and a proxy must forward goal writes)`),
  'quota.hubspot-goal-read-failed': (p) => msg(str`${p.label}: not written: reading the goal "${p.goal}" failed: ${p.detail}`),
  'quota.hubspot-refused-amount': () => msg('HubSpot refused the amount'),
  'quota.hubspot-maybe': (p) => msg(str`${p.label}: ${p.why}; the amount may or may not be in HubSpot — reload to see what the CRM holds now`),
  'quota.salesforce-not-written': (p) => msg(str`${p.label}: not written — ${p.why}`),
  'quota.no-quota-methods': () => msg('no quota methods'),
  'quota.salesforce-read-failed': (p) => msg(str`${p.label}: not written — could not read ForecastingQuota first (${p.detail})`),
  'quota.salesforce-holds': () => msg('Salesforce already holds this amount; nothing written'),
  'quota.no-outcome': (p) => msg(str`${p.label}: no outcome recorded; reload to see what the CRM holds now`),
};

/** Words an adapter gave: a message, and its sentence as data when it is ours. */
export interface AdapterWords {
  key?: string;
  params?: Record<string, SaidParam>;
  message?: string;
}

const isKey = (k: unknown): k is keyof typeof TEXT => typeof k === 'string' && Object.prototype.hasOwnProperty.call(TEXT, k);

/** Whether `w` is one of our sentences that this module words (else its message is shown as it is). */
export function isWorded(w: AdapterWords): boolean {
  return isKey(w.key);
}

/**
 * The sentence in the UI language: worded from its key and params when it is one of ours, else the
 * message as it is (the CRM's own text, or another adapter's).
 *
 * @example
 * adapterText({ key: 'mem.not-found', params: { id: 'a1' }, message: 'account "a1" does not exist' }) // German: 'Account „a1“ existiert nicht'
 */
export function adapterText(w: AdapterWords): string {
  if (!isKey(w.key)) return w.message ?? '';
  const p: P = {};
  for (const [k, v] of Object.entries(w.params ?? {})) p[k] = param(v);
  return TEXT[w.key](p);
}

function param(v: SaidParam | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return adapterText(v);
  return String(v);
}

/** Every key this module words (for tests). */
export const WORDED_KEYS: readonly string[] = Object.keys(TEXT);
