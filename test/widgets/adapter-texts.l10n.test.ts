// The adapters' sentences in the UI language (issue #14). Every sentence our adapters make — load notices,
// load errors, save outcomes of accounts, locks, territories and quotas — comes from the catalogues in
// src/adapters/texts (the adapters build their messages only from there); this test enumerates the
// catalogues' keys (no grep: Object.keys of what the adapters use) and checks that each has a wording
// whose English is the adapter's message word for word, and a German and a Japanese translation. Then the
// Save section with failed and conflicting outcomes, a load notice and a load error, rendered from real
// adapters (memory, REST) in German and Japanese, with no English left.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep } from '../helpers/plan-fixture.js';
import { ADAPTER_TEXTS, say, type AdapterTextKey } from '../../src/adapters/texts/adapter.js';
import { GUARD_TEXTS, sayGuard, type GuardTextKey } from '../../src/adapters/texts/guard.js';
import { CHECK_TEXTS, sayCheck, type CheckTextKey } from '../../src/adapters/texts/check.js';
import type { SaidParam } from '../../src/adapters/crm-adapter.js';
import { createMemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { createRestAdapter } from '../../src/adapters/rest/adapter.js';
import { adapterText, WORDED_KEYS } from '../../widgets/shared/adapter-text.js';
import { currentLanguage, useLanguage } from '../../widgets/shared/localize.js';
import type { TkRepAssignmentPanel } from '../../widgets/rep-assignment-panel/rep-assignment-panel.component.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';

type Key = AdapterTextKey | GuardTextKey | CheckTextKey;

/** Parameters for every sentence (a key without one fails the typecheck): ids, CRM text, nested sentences of ours. */
const FIXTURES: Record<Key, Record<string, SaidParam>> = {
  'guard.save-aborted': {},
  'guard.deadline': { ms: 30000 },
  'guard.not-written': { why: sayGuard('guard.save-aborted') },
  'guard.aborted-before-start': {},
  'guard.stopped': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'guard.late': { why: sayGuard('guard.save-aborted') },
  'guard.late-territory': { why: sayGuard('guard.save-aborted') },
  'guard.late-quota': { why: sayGuard('guard.save-aborted') },
  'guard.stopped-territory': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'guard.stopped-quota': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'guard.not-a-list': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'guard.unmatched': { count: 3 },
  'guard.no-outcome': {},
  'guard.bad-status': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'guard.bad-code': { status: 'conflict', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'guard.quota-not-a-list': {},
  'guard.quota-no-outcome': {},
  'guard.quota-bad-status': {},
  'guard.quota-bad-code': { status: 'conflict' },
  'guard.territory-no-outcome': {},
  'guard.no-answer': { what: sayGuard('guard.what-salesforce-read'), ms: 30000 },
  'guard.what-request': {},
  'guard.what-save': {},
  'guard.what-territory-save': {},
  'guard.what-quota-save': {},
  'guard.what-check-after-abort': {},
  'guard.what-check-after-retry': {},
  'guard.what-check-after-lost': {},
  'guard.what-salesforce-read': {},
  'guard.what-salesforce-update': { object: 'Account' },
  'guard.what-salesforce-create': { object: 'ObjectTerritory2Association' },
  'guard.what-salesforce-destroy': { object: 'ObjectTerritory2Association' },
  'net.no-answer': { ms: 30000 },
  'net.read-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'net.not-json': { status: 503 },
  'net.http': { status: 503, detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'net.server-http': { status: 503 },
  'net.aborted': {},
  'load.aborted': { what: 'companies' },
  'load.failed': { what: 'companies', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'load.failed-http': { what: 'companies', status: 503, detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'load.no-items': { path: 'accounts' },
  'load.rest-paging': { path: 'accounts', why: sayGuard('guard.save-aborted'), pages: 2, records: 400 },
  'load.quotas-paging': { why: sayGuard('guard.save-aborted') },
  'load.hubspot-paging': { what: 'companies', why: sayGuard('guard.save-aborted'), pages: 2, records: 400 },
  'load.no-results': { what: 'companies' },
  'load.goals-aborted': { goal: 'FY27 Sales' },
  'load.salesforce-aborted': {},
  'load.salesforce-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'load.no-active-model': {},
  'load.model-not-found': { id: '0015g00000AbCd' },
  'load.memory-aborted': {},
  'paging.more-than': { total: 250 },
  'paging.hubspot-more-than': { total: 250 },
  'paging.repeats-cursor': { cursor: '"c-9"' },
  'paging.no-new': {},
  'paging.hubspot-no-new': {},
  'paging.all-sent': { total: 250 },
  'paging.too-many': { max: 100000 },
  'sf.aborted': {},
  'sf.session': {},
  'sf.bulk-aborted': {},
  'sf.paging': { query: 'accounts', object: 'Account', why: sayGuard('guard.save-aborted'), pages: 2, rows: 400 },
  'sf.paging-more': { total: 250 },
  'sf.paging-repeats': { page: '"01g-2000"' },
  'sf.paging-no-new': {},
  'sf.paging-all-sent': { total: 250 },
  'sf.paging-too-many': { max: 100000 },
  'sf.refresh-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt', refresh: 'invalid_grant' },
  'sf.outcome-unknown': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt', reread: 'NETWORK' },
  'sf.gave-up-maybe': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt', attempts: 6 },
  'sf.gave-up': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt', attempts: 6 },
  'sf.stopped-while-writing': {},
  'sf.aborted-before-record': {},
  'sf.failed-without-error': {},
  'sf.not-attempted': {},
  'sf.owner-now': { owner: null },
  'sf.field-now': { field: 'hs_target_amount', value: '2027-01-05T10:00:00Z' },
  'sf.apex-no-records': { action: 'read' },
  'sf.apex-no-describe': {},
  'notice.goals-scope': { goal: 'FY27 Sales', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.goals-unavailable': { goal: 'FY27 Sales', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.goal-target-refused': { id: '0015g00000AbCd', goal: 'FY27 Sales', field: 'hs_target_amount', reason: say('reason.expected-whole', { got: '"5"' }) },
  'notice.goal-targets-truncated': { goal: 'FY27 Sales' },
  'notice.goal-target-duplicate': { count: 3, goal: 'FY27 Sales' },
  'notice.goals-write-scope': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.invalid-quota': { index: 4, field: 'hs_target_amount', reason: say('reason.expected-whole', { got: '"5"' }) },
  'notice.invalid-quota-rep': { index: 4, rep: 'r1', field: 'hs_target_amount', reason: say('reason.expected-whole', { got: '"5"' }) },
  'notice.quotas-unsupported': {},
  'notice.quotas-unavailable': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.quota-access-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.forecasting-disabled': {},
  'notice.no-forecast-access': {},
  'notice.no-manage-quotas': {},
  'notice.forecast-types-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.forecast-type-inactive': { type: '"OpportunityRevenue"', active: 'QuantityForecast' },
  'notice.forecast-type-quantity': { type: '"OpportunityRevenue"' },
  'notice.quotas-off': {},
  'notice.quotas-check-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.quotas-unread': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'notice.deals-left-out': { why: say('load.failed-http', { what: 'deals', status: 403, detail: 'MISSING_SCOPES: Zugriff verweigert' }) },
  'notice.deals-without-company-one': { count: 1 },
  'notice.deals-without-company': { count: 7 },
  'notice.performance-field-unreadable': { field: 'Opportunity.Amount', detail: 'INVALID_FIELD: Zeile gesperrt' },
  'notice.performance-left-out': { why: 'INVALID_TYPE: sObject type Opportunity is not supported' },
  'notice.deal-owner-history-unread': { why: say('net.http', { status: 403, detail: 'MISSING_SCOPES: Zugriff verweigert' }) },
  'notice.owner-history-unread': { why: say('net.no-answer', { ms: 30000 }) },
  'notice.owner-history-field-unreadable': { field: 'OpportunityFieldHistory.OldValue' },
  'notice.owner-not-tracked': {},
  'notice.lock-field-unreadable': { field: 'hs_target_amount', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'reason.expected-object': {},
  'reason.expected-rep': { got: '"x"' },
  'reason.expected-period': { got: '"x"' },
  'reason.expected-whole': { got: '"x"' },
  'reason.expected-date': { got: '"x"' },
  'reason.expected-amount': { got: '"x"' },
  'save.aborted-before-change': {},
  'save.aborted-before-lock': {},
  'save.not-found': { id: '0015g00000AbCd' },
  'save.stale-owner': { owner: null, from: null },
  'save.stale-stamp': { field: 'hs_target_amount', value: '2027-01-05T10:00:00Z' },
  'save.stale-stamp-lock': { field: 'hs_target_amount', value: '2027-01-05T10:00:00Z' },
  'save.owner-required': {},
  'save.reread-account-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'save.reread-record-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'save.reread-company-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'save.model-read-failed': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'save.invalid-lock-change': {},
  'save.no-rep-lock-field': {},
  'save.no-lock-field': {},
  'save.duplicate-account': { id: '0015g00000AbCd', first: 1 },
  'save.t-now-in': { now: null, from: null },
  'save.t-already-in': { to: '0MI2', from: '0MI1' },
  'save.t-add-failed': { to: '0MI2', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt', from: null },
  'save.t-remove-failed': { from: '005B', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'save.t-undone': { from: '005B', to: '0MI2', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'save.t-partial': { from: '005B', to: '0MI2', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt', undo: 'DELETE_FAILED' },
  'save.changed-while-writing': {},
  'save.not-written': {},
  'save.no-outcome': {},
  'save.maybe-written': { why: sayGuard('guard.save-aborted') },
  'save.maybe-in-hubspot': { why: sayGuard('guard.save-aborted') },
  'save.territory-maybe-written': { why: sayGuard('guard.save-aborted') },
  'save.lock-maybe-in-hubspot': { why: sayGuard('guard.save-aborted') },
  'save.it-maybe-written': { why: sayGuard('guard.save-aborted') },
  'save.stopped-mid-request': {},
  'save.stopped-mid-request-it': {},
  'save.server-no-report': {},
  'save.server-no-report-quota': {},
  'save.server-no-report-territory': {},
  'save.server-no-report-lock': {},
  'save.quotas-read-only': {},
  'save.no-lock-field-option': {},
  'save.territory-change-invalid': {},
  'save.hubspot-changed-while-saving': { owner: null },
  'save.hubspot-deleted-while-saving': {},
  'save.hubspot-no-company': {},
  'save.hubspot-owner-now': { owner: null, from: null },
  'save.hubspot-stale': { at: '2027-01-05T10:00:00Z', stamp: '2027-01-01T08:00:00Z' },
  'save.hubspot-stale-lock': { at: '2027-01-05T10:00:00Z', stamp: '2027-01-01T08:00:00Z' },
  'save.hubspot-stopped-mid-request': {},
  'save.may-not-write': {},
  'save.hubspot-no-rep-lock': {},
  'save.hubspot-no-lock-property': {},
  'save.hubspot-duplicate-lock': {},
  'quota.hubspot-no-write': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }) },
  'save.hubspot-no-report': {},
  'save.hubspot-no-report-company': {},
  'save.hubspot-no-report-target': {},
  'save.hubspot-record-error': {},
  'save.hubspot-company-error': {},
  'mem.not-found': { id: '0015g00000AbCd' },
  'mem.rep-missing': { id: '0015g00000AbCd' },
  'mem.record-missing': { id: '0015g00000AbCd' },
  'mem.rep-inactive': { id: '0015g00000AbCd' },
  'mem.changed-in-batch': { id: '0015g00000AbCd' },
  'mem.changed': { id: '0015g00000AbCd' },
  'mem.owned-by': { id: '0015g00000AbCd', owner: '005A', from: '005B' },
  'mem.already-owned': {},
  'mem.quota-held': {},
  'mem.lock-aborted': {},
  'mem.no-locks': {},
  'mem.territory-aborted': {},
  'mem.no-territories': {},
  'mem.territory-change-invalid': {},
  'mem.invalid-territory': {},
  'mem.territory-changed': { id: '0015g00000AbCd' },
  'mem.territory-deleted': { id: '0015g00000AbCd' },
  'tm.no-id': {},
  'tm.twice': { id: '0015g00000AbCd' },
  'tm.id-mismatch': { id: '0015g00000AbCd', other: 't8' },
  'tm.stale': { tid: '0MI7', model: '"TerritoryKit Plan"', at: '2027-01-05T10:00:00Z', seen: '2027-01-04T09:00:00Z' },
  'tm.not-planning': { model: '"TerritoryKit Plan"', id: '0015g00000AbCd', state: 'Active' },
  'tm.gone': { id: '0015g00000AbCd' },
  'tm.territory-note': { name: '"West"', id: '0015g00000AbCd', field: 'definition.regions', why: sayGuard('guard.save-aborted') },
  'tm.field-note': { field: 'definition.regions', why: sayGuard('guard.save-aborted') },
  'tm.notes': { first: 'a', rest: 'b' },
  'tm.where': { model: '"TerritoryKit Plan"', id: '0015g00000AbCd' },
  'tm.removed': { where: say('tm.where', { model: '"TerritoryKit Plan"', id: '0MA5' }) },
  'tm.saved': { tid: '0MI7', where: say('tm.where', { model: '"TerritoryKit Plan"', id: '0MA5' }) },
  'tm.saved-with': { tid: '0MI7', where: say('tm.where', { model: '"TerritoryKit Plan"', id: '0MA5' }), notes: say('tm.notes', { first: say('tm.field-note', { field: 'parentId', why: say('tm.parent-not-in-plan', { parent: 't9' }) }), rest: 'name: x' }) },
  'tm.parent-not-in-plan': { parent: 't9' },
  'tm.more': { list: '06001, 06003', more: 12 },
  'tm.no-field-mapped': { what: 'industry' },
  'tm.industry-value': {},
  'tm.not-api-name': { field: 'definition.regions' },
  'tm.no-operation': { op: 'contains' },
  'tm.bad-value': {},
  'tm.drawn-area': {},
  'tm.regions-comma': { codes: say('tm.more', { list: '06001, 06003', more: 12 }) },
  'tm.regions-not-states': { codes: say('tm.more', { list: '06001, 06003', more: 12 }) },
  'tm.regions-too-long': {},
  'tm.narrowed-one': { count: 3 },
  'tm.narrowed': { count: 3 },
  'tm.narrowed-one-area': { count: 3 },
  'tm.narrowed-area': { count: 3 },
  'tm.rule-not-written': {},
  'tm.rule-items': { count: 3 },
  'tm.bad-accounts': { ids: say('tm.more', { list: '06001, 06003', more: 12 }) },
  'tm.exclude-one': { count: 3 },
  'tm.exclude': { count: 3 },
  'tm.bad-users': { ids: say('tm.more', { list: '06001, 06003', more: 12 }) },
  'tm.no-accounts': {},
  'tm.truncated': {},
  'quota.label': { id: '0015g00000AbCd', period: '2027-01-01' },
  'quota.label-named': { name: '"West"', id: '0015g00000AbCd', period: '2027-01-01' },
  'quota.field': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), field: 'hs_target_amount', why: sayGuard('guard.save-aborted') },
  'quota.said': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), why: sayGuard('guard.save-aborted') },
  'quota.duplicate': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), first: 1 },
  'quota.conflict': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), now: say('quota.now', { amount: 500 }), then: say('quota.then-none') },
  'quota.now': { amount: 450000 },
  'quota.now-unset': {},
  'quota.then': { amount: 450000 },
  'quota.then-none': {},
  'quota.expected-rep': {},
  'quota.expected-amount': { got: '"x"' },
  'quota.expected-from': { got: '"x"' },
  'quota.aborted': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }) },
  'quota.read-only': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }) },
  'quota.no-rep': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), id: '0015g00000AbCd' },
  'quota.hubspot-no-delete': {},
  'quota.hubspot-no-target': { goal: 'FY27 Sales' },
  'quota.hubspot-read-refused': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'quota.hubspot-write-refused': { detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'quota.hubspot-goal-read-failed': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), goal: 'FY27 Sales', detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'quota.hubspot-refused-amount': {},
  'quota.hubspot-maybe': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), why: sayGuard('guard.save-aborted') },
  'quota.salesforce-not-written': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), why: sayGuard('guard.save-aborted') },
  'quota.no-quota-methods': {},
  'quota.salesforce-read-failed': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }), detail: 'UNABLE_TO_LOCK_ROW: Zeile gesperrt' },
  'quota.salesforce-holds': {},
  'quota.no-outcome': { label: say('quota.label-named', { name: 'Ana Ruiz', id: 'r1', period: '2027-01-01' }) },
};

const sentence = (key: Key) => (key in CHECK_TEXTS ? sayCheck : key.startsWith('guard.') ? sayGuard : say)(key as never, FIXTURES[key] as never);

/**
 * Keys whose German or Japanese is rightly the same as the English: bare HTTP status lines and a REST path
 * with its reason, a field and its note, a list of notes (all of it parameters and punctuation).
 */
const SAME = {
  de: new Set<Key>(['net.http', 'load.quotas-paging', 'tm.notes', 'tm.field-note']),
  ja: new Set<Key>(['net.http', 'load.quotas-paging', 'tm.field-note']),
};

/**
 * English words of the adapters' sentences that must not be left in a German or Japanese render (the
 * CRM's own text, ids, field and option names set aside by the caller).
 */
const ENGLISH = /\b(the|and|of|with|not|no|was|were|is|are|written|saved|failed|conflict|reload|loaded|loading|changed|account|territory|territories|quota|quotas|rep|owner|field|position|left out|plan|period|starting|save|aborted|could|read|answer|server|reported|outcome)\b/;

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const panelOf = (p: Element) => p.querySelector('tk-rep-assignment-panel') as TkRepAssignmentPanel;

/** The English left in `t` once every CRM word (names, ids, field names, the CRM's own messages) is taken out. */
function englishIn(t: string, crm: readonly string[]): string | null {
  let rest = t;
  for (const w of [...crm].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  const m = ENGLISH.exec(rest);
  return m ? `${m[0]} in "${rest}"` : null;
}

describe('the adapters\' sentences', () => {
  after(() => useLanguage('en'));

  it('has a wording for every key of the catalogues the adapters use, and no other', () => {
    const keys = [...Object.keys(ADAPTER_TEXTS), ...Object.keys(GUARD_TEXTS), ...Object.keys(CHECK_TEXTS)].sort();
    expect([...WORDED_KEYS].sort()).to.deep.equal(keys);
    expect(Object.keys(FIXTURES).sort()).to.deep.equal(keys);
  });

  it('in English, words each sentence as the adapter does, word for word', async () => {
    await useLanguage('en');
    for (const key of Object.keys(FIXTURES) as Key[]) {
      const said = sentence(key);
      expect(adapterText(said), key).to.equal(said.message);
    }
  });

  for (const lang of ['de', 'ja'] as const) {
    it(`has a ${lang} translation of every sentence`, async () => {
      await useLanguage(lang);
      await waitUntil(() => currentLanguage() === lang, `${lang} did not load`);
      const untranslated = (Object.keys(FIXTURES) as Key[]).filter((key) => !SAME[lang].has(key) && adapterText(sentence(key)) === sentence(key).message);
      expect(untranslated).to.deep.equal([]);
      // A nested sentence is worded too: "not written: <why>" in the UI language all through.
      const nested = adapterText(sayGuard('guard.not-written', { why: sayGuard('guard.deadline', { ms: 120000 }) }));
      expect(nested).to.equal(lang === 'de' ? 'nicht geschrieben: das Speichern hat seine Frist von 120000 ms überschritten' : '書き込まれていません: 保存が期限の 120000 ms を超えました');
    });

    it(`${lang}: the opportunity/deal loading notices, the owner history and the time-out sentence leave no English`, async () => {
      await useLanguage(lang);
      await waitUntil(() => currentLanguage() === lang, `${lang} did not load`);
      const moved = (Object.keys(FIXTURES) as Key[]).filter((k) => /^notice\.(deals?-|performance-|owner-|deal-owner-)|^guard\.(no-answer|what-)/.test(k));
      expect(moved.length).to.equal(21);
      const crm = ['MISSING_SCOPES: Zugriff verweigert', 'INVALID_FIELD: Zeile gesperrt', 'INVALID_TYPE: sObject type Opportunity is not supported', 'Opportunity.Amount', 'OpportunityFieldHistory.OldValue', 'ObjectTerritory2Association', 'Account', 'Salesforce', 'HTTP 403'];
      const left = moved.map((k) => englishIn(adapterText(sentence(k)), crm)).filter((x) => x !== null);
      expect(left).to.deep.equal([]);
      // A load error with the time-out nested, as the Salesforce adapter throws it.
      const error = say('load.salesforce-failed', { detail: sayGuard('guard.no-answer', { what: sayGuard('guard.what-salesforce-read'), ms: 20 }) });
      expect(englishIn(adapterText(error), ['Salesforce'])).to.equal(null);
    });
  }
});

/** A memory CRM with two reps (one inactive), five accounts, two territories and quotas. */
function memoryCrm() {
  return createMemoryAdapter({
    accounts: [account('a1', 'r1'), account('a2', 'r1'), account('a3', 'r1'), account('a4', 'r2'), account('a5', null)],
    reps: [rep('r1', 'Ana Ruiz'), rep('r2', 'Ben Cole'), rep('r3', 'Cleo Park', { active: false })],
    territories: [
      { id: 't1', name: 'West', repIds: ['r1'], priority: 0, definition: {} },
      { id: 't2', name: 'East', repIds: ['r2'], priority: 0, definition: {} },
    ],
    quotas: [{ repId: 'r1', period: '2027-01-01', amount: 400000 }, { repId: 'r2', period: '2027-01-01', amount: 300000 }, { repId: 'r2', period: '2027-13-01', amount: 5 }],
  });
}

/** Saves a plan whose changes fail (inactive rep), conflict (the CRM moved on) and succeed, for accounts, quotas and territories. */
async function savedWithTrouble(locale: string): Promise<{ provider: TkTerritoryProvider; panel: TkRepAssignmentPanel }> {
  const crm = memoryCrm();
  const provider = await mountProvider(crm, html`<tk-rep-assignment-panel></tk-rep-assignment-panel>`, { locale });
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  provider.actions.assign(['a1'], 'r2'); // saved
  provider.actions.assign(['a2'], 'r3'); // failed: inactive rep
  provider.actions.assign(['a4'], 'r1'); // conflict: changed in the CRM meanwhile
  crm.touch('a4');
  provider.actions.applyQuotas!('2027-01-01', [{ repId: 'r1', amount: 450000 }, { repId: 'r2', amount: 300000 }]);
  crm.touchQuota('r1', '2027-01-01', 500000); // conflict
  provider.actions.setTerritories(provider.state.territories.map((t) => (t.id === 't2' ? { ...t, name: 'East Coast' } : t)), 'rename');
  crm.touchTerritory('t2'); // conflict
  await provider.actions.save();
  await settle(provider);
  const panel = panelOf(provider);
  panel.setSectionOpen('save', true);
  await settle(provider);
  await waitUntil(() => rootOf(panel).querySelector('[part~=outcomes] .detail')?.textContent?.includes(':'), 'the outcome wording did not load', { timeout: 10_000 });
  await waitUntil(() => rootOf(panel).querySelector('[part~=quota-outcomes] .detail'), `the quota outcomes did not show: ${JSON.stringify(provider.state.lastQuotaSave)}`, { timeout: 10_000 });
  await settle(provider);
  return { provider, panel };
}

const CRM_WORDS = ['Ana Ruiz', 'Ben Cole', 'Cleo Park', 'Account a1', 'Account a2', 'Account a4', 'West', 'East Coast', 'East', 'STALE', 'INVALID_OWNER', 'INVALID_QUOTA', 'NETWORK', 'r1', 'r2', 'r3', 'a1', 'a2', 'a4', 't2', 'repId', 'period', '"2027-13-01"', 'GET /accounts'];

describe('<tk-rep-assignment-panel> Save section: outcomes in the UI language', () => {
  after(() => useLanguage('en'));

  it('words failed and conflicting account, quota and territory outcomes in German, with no English left', async () => {
    const { panel } = await savedWithTrouble('de-DE');
    const details = [...rootOf(panel).querySelectorAll('[data-section=save] .detail')].map(text);
    expect(details).to.include('(INVALID_OWNER: Vertriebsmitarbeiter „r3“ ist inaktiv)');
    expect(details).to.include('(STALE: Account „a4“ wurde seit dem Laden im CRM geändert)');
    expect(details).to.include('(STALE: die Quote von Ana Ruiz (r1) für die Periode ab 2027-01-01 wurde seit dem Laden im CRM geändert (jetzt 500000; 400000 beim Laden des Plans))');
    expect(details).to.include('(STALE: Gebiet „t2“ wurde seit dem Laden im CRM geändert)');
    const left = [...rootOf(panel).querySelectorAll('[data-section=save] li')].map((li) => englishIn(text(li), CRM_WORDS)).filter(Boolean);
    expect(left).to.deep.equal([]);
  });

  it('words them in Japanese, with no English left', async () => {
    const { panel } = await savedWithTrouble('ja-JP');
    const details = [...rootOf(panel).querySelectorAll('[data-section=save] .detail')].map(text);
    expect(details).to.include('(INVALID_OWNER: 営業担当「r3」は無効です)');
    expect(details).to.include('(STALE: 取引先「a4」は読み込み後に CRM で変更されました)');
    const left = [...rootOf(panel).querySelectorAll('[data-section=save] li')].map((li) => englishIn(text(li), CRM_WORDS)).filter(Boolean);
    expect(left).to.deep.equal([]);
  });

  it('in English shows the adapters\' own messages', async () => {
    const { panel } = await savedWithTrouble('en-US');
    const details = [...rootOf(panel).querySelectorAll('[data-section=save] .detail')].map(text);
    expect(details).to.include('(INVALID_OWNER: rep "r3" is inactive)');
    expect(details).to.include('(STALE: account "a4" changed in the CRM since it was loaded)');
  });
});

/** A REST CRM that never answers: the load ends with NETWORK "Loading accounts failed: no answer within 50 ms". */
function silentRest() {
  return createRestAdapter({ baseUrl: 'https://crm.invalid/api', fetch: () => new Promise<Response>(() => undefined), requestTimeoutMs: 50, retry: { retries: 0 } });
}

describe('<tk-territory-provider>: load notices and load errors from the adapters in the UI language', () => {
  after(() => useLanguage('en'));

  for (const [locale, notice, error] of [
    ['de-DE', 'Quote an Position 2 (Vertriebsmitarbeiter r2) ausgelassen: Feld period: den ersten Tag der Periode als JJJJ-MM-TT erwartet, erhalten: "2027-13-01"', /^Der Plan konnte nicht geladen werden: Das Laden der (Accounts|Vertriebsmitarbeiter|Gebiete) ist fehlgeschlagen: keine Antwort innerhalb von 50 ms \(NETWORK\)$/],
    ['ja-JP', '位置 2 のクォータ（営業担当 r2）を除外しました: 項目 period: 期間の初日（YYYY-MM-DD）が必要ですが、"2027-13-01" でした', /^プランを読み込めませんでした：(取引先|営業担当|テリトリー)の読み込みに失敗しました: 50 ms 以内に応答がありません（NETWORK）$/],
  ] as const) {
    it(`words a memory adapter's quota notice and a REST load error in ${locale}, with no English left`, async () => {
      const provider = await mountProvider(memoryCrm(), html``, { locale });
      await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
      await waitUntil(() => rootOf(provider).querySelector('[part~=notices] p'), 'the notice did not show', { timeout: 10_000 });
      const shown = text(rootOf(provider).querySelector('[part~=notices] p'));
      expect(shown).to.equal(notice);
      expect(englishIn(shown, CRM_WORDS)).to.equal(null);

      const failed = await mountProvider(silentRest(), html``, { locale });
      expect(failed.state.status).to.equal('error');
      await waitUntil(() => text(rootOf(failed).querySelector('[part~=error] span')).length > 0, 'the error did not show');
      const line = text(rootOf(failed).querySelector('[part~=error] span'));
      expect(line).to.match(error);
      expect(englishIn(line, CRM_WORDS), line).to.equal(null);
    });
  }
});
