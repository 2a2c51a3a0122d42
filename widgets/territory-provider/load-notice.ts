// The provider's load notices (LoadResult.notices), load error, rejected records and unsaved changes' reasons in
// the UI language (issue #14): a notice
// or error our adapters made carries its sentence as data (`key`/`params`, worded by shared/adapter-text.ts);
// older or other adapters' notices are worded from their code, topic and field; the adapter's English
// `message` for a notice this does not know. Loaded on
// demand by <tk-territory-provider> when a load has notices (they are rare; the record page stays small).
// Field names (Account.Locked__c, deals) are the CRM's and stay as they are.
import { msg, str } from '@lit/localize';
import type { LoadNotice } from '../../src/adapters/crm-adapter.js';
import type { Formatters } from '../shared/format.js';
import { adapterText, isWorded, type AdapterWords } from '../shared/adapter-text.js';
import { importProblemText } from '../file-import/problem-text.js';
import { fieldRuleText } from '../shared/field-rule-text.js';
import type { Rejection } from '../../src/model/validate-batch.js';

/** Whether the notice is one this module words (else it is shown in the adapter's English). */
export function isWordedNotice(n: LoadNotice): boolean {
  return loadNoticeText(null, n) !== null;
}

/** The notice in the UI language, or its English message (null for an unknown notice when `f` is null). */
export function loadNoticeText(f: Formatters, n: LoadNotice): string;
export function loadNoticeText(f: Formatters | null, n: LoadNotice): string | null;
export function loadNoticeText(f: Formatters | null, n: LoadNotice): string | null {
  // Our adapters give each notice as a sentence with its params (`key`): worded in shared/adapter-text.ts.
  if (isWorded(n)) return adapterText(n);
  const field = n.field ?? '';
  switch (n.code) {
    case 'FORECASTING_DISABLED':
      return msg('Quotas stay in the plan (and export as CSV): Collaborative Forecasts is not enabled in this Salesforce org.');
    case 'NO_FORECAST_ACCESS':
      return msg('Quotas stay in the plan (and export as CSV): this user cannot read Salesforce forecast quotas (it needs the View All Forecasts or Allow Forecasting permission).');
    case 'NO_MANAGE_QUOTAS':
      return msg('Quotas stay in the plan (and export as CSV): this user may not edit Salesforce forecast quotas (it needs the Manage Quotas permission).');
    case 'FORECASTING_TYPE':
      return msg('Quotas stay in the plan (and export as CSV): the forecast type is not an active amount forecast in this Salesforce org; set the forecastingType option.');
    case 'GOALS_WRITE_SCOPE':
      return msg('Quotas are not saved to HubSpot (the app may not write goal targets). They stay in the plan and export as CSV.');
  }
  // An older notice without a key: an unreadable lock field, with Salesforce's own error code and `topic`;
  // `detail` is Salesforce's error message (CRM text), shown as it is.
  const detail = n.detail ?? '';
  if (n.topic === 'lock-field-unreadable' && field) {
    return msg(str`Lock flags are not loaded from Salesforce: ${field} is not readable for this user (${detail}); locks stay in this plan`);
  }
  return f ? n.message : null;
}

/**
 * The load error line in the UI language: "Could not load the plan: <why> (<code>)", the why worded from
 * the error's sentence when it is one of our adapters' (CrmLoadError `key`/`params`), else its message as
 * it is (a CRM's, a transport's, another adapter's).
 */
export function loadErrorText(e: AdapterWords & { code: string; message: string }): string {
  const why = adapterText(e);
  return msg(str`Could not load the plan: ${why} (${e.code})`);
}

/**
 * Why a record was rejected at load, in the UI language: worded from its broken rule (`rule`, which our
 * adapters ask `validateBatch` for, and drop where they reword the reason); else the adapter's English
 * `reason` (another adapter's, the file adapter's "accounts row 12: …").
 */
export function rejectionText(f: Formatters, r: Pick<Rejection, 'reason' | 'rule' | 'dropped' | 'fileRow'>): string {
  if (r.fileRow) return fileRowText(f, r.fileRow);
  return (r.rule && fieldRuleText(f, r.rule, r.dropped === true)) || r.reason;
}

/** A rejected row of an imported file: "accounts row 12: <the import problem>" in the UI language. */
function fileRowText(f: Formatters, x: NonNullable<Rejection['fileRow']>): string {
  const why = importProblemText(f, x as Parameters<typeof importProblemText>[1]);
  const row = x.row;
  switch (x.file) {
    case 'accounts':
      return msg(str`accounts row ${row}: ${why}`);
    case 'reps':
      return msg(str`reps row ${row}: ${why}`);
    case 'opportunities':
      return msg(str`opportunities row ${row}: ${why}`);
  }
  return `${x.file} row ${row}: ${why}`;
}

/** A rejected record's kind in the UI language (another kind as it is). */
export function recordKindText(kind: string): string {
  switch (kind) {
    case 'account':
      return msg('account', { id: 'record-kind-account', desc: 'kind of a record rejected at load, before its id' });
    case 'rep':
      return msg('rep', { id: 'record-kind-rep', desc: 'kind of a record rejected at load, before its id' });
    case 'territory':
      return msg('territory', { id: 'record-kind-territory', desc: 'kind of a record rejected at load, before its id' });
    case 'opportunity':
      return msg('opportunity', { id: 'record-kind-opportunity', desc: 'kind of a record rejected at load, before its id' });
    default:
      return kind;
  }
}

/** Why a change was not saved, in the UI language: the outcome's sentence when it is ours, else its message as it is. */
export function outcomeReasonText(o: AdapterWords): string {
  return adapterText(o);
}
