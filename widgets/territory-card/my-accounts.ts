import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Account } from '../../src/model/account.js';
import type { Alert } from '../../src/engine/detect-alerts.js';
import type { Formatters } from '../shared/format.js';

export type MyAccountsKey = 'name' | 'potential' | 'lastActivity' | 'alerts';

/** One row of a rep's account list. */
export interface MyAccountRow {
  account: Account;
  /** Last activity as a time stamp, or null when none is recorded. */
  last: number | null;
  /** The kinds of the alerts naming this account (shown as short words in the UI language). */
  alerts: Alert['kind'][];
}

/** The alert kinds the list names, in short words (functions: the words follow the UI language). */
const ALERT_WORDS: Partial<Record<Alert['kind'], () => string>> = {
  'untouched-high-potential': () => msg('High potential, no recent activity'),
  'unassigned-high-potential': () => msg('High potential, no owner'),
  'inactive-owner': () => msg('Owner inactive'),
  'unknown-owner': () => msg('Unknown owner'),
  'territory-gap': () => msg('In no territory'),
  'territory-overlap': () => msg('In several territories'),
};

/** An alert kind in words. */
const alertWord = (kind: Alert['kind']): string => ALERT_WORDS[kind]?.() ?? kind;

/** The rows for `accounts`, with the alerts that name each one. */
export function myAccountRows(accounts: readonly Account[], alerts: readonly Alert[]): MyAccountRow[] {
  const byAccount = new Map<string, Alert['kind'][]>();
  for (const a of alerts) {
    const word = a.kind;
    if (!ALERT_WORDS[word]) continue;
    for (const id of a.accountIds ?? []) {
      let list = byAccount.get(id);
      if (!list) byAccount.set(id, (list = []));
      list.push(word);
    }
  }
  return accounts.map((account) => {
    const t = account.performance?.lastActivity ? Date.parse(account.performance.lastActivity) : NaN;
    return { account, last: Number.isNaN(t) ? null : t, alerts: byAccount.get(account.id) ?? [] };
  });
}

/** Sorted copy: unknown last activity counts as oldest; ties by name. */
export function sortRows(rows: readonly MyAccountRow[], key: MyAccountsKey, dir: 'ascending' | 'descending', locale: string): MyAccountRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: MyAccountRow): number | string =>
    key === 'name' ? r.account.name : key === 'potential' ? r.account.potential : key === 'lastActivity' ? (r.last ?? -Infinity) : r.alerts.length;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'string' ? x.localeCompare(y as string, locale) : x === y ? 0 : x < (y as number) ? -1 : 1;
    return c * sign || a.account.name.localeCompare(b.account.name, locale);
  });
}

const COLUMNS: { key: MyAccountsKey; label: () => string; num?: boolean }[] = [
  { key: 'name', label: () => msg('Account') },
  { key: 'potential', label: () => msg('Potential'), num: true },
  { key: 'lastActivity', label: () => msg('Last activity') },
  { key: 'alerts', label: () => msg('Alerts') },
];

/** The table's caption: what it is sorted by, as one sentence per column and direction. */
function caption(key: MyAccountsKey, dir: 'ascending' | 'descending'): string {
  const up = dir === 'ascending';
  switch (key) {
    case 'name': return up ? msg('Accounts of this rep, sorted by name (ascending)') : msg('Accounts of this rep, sorted by name (descending)');
    case 'potential': return up ? msg('Accounts of this rep, sorted by potential (ascending)') : msg('Accounts of this rep, sorted by potential (descending)');
    case 'lastActivity': return up ? msg('Accounts of this rep, sorted by last activity (ascending)') : msg('Accounts of this rep, sorted by last activity (descending)');
    default: return up ? msg('Accounts of this rep, sorted by alerts (ascending)') : msg('Accounts of this rep, sorted by alerts (descending)');
  }
}

export interface MyAccountsView {
  rows: readonly MyAccountRow[];
  key: MyAccountsKey;
  dir: 'ascending' | 'descending';
  /** Rows shown (the rest behind "Show all"). */
  shown: number;
  /** The record page's account, highlighted. */
  focusId: string | null;
  f: Formatters;
  onSort(key: MyAccountsKey): void;
  onShowAll(): void;
}

/** The sortable "my accounts" table (headers are buttons; aria-sort says the order). */
export function myAccountsTable(v: MyAccountsView) {
  const { f } = v;
  // The record page's account comes first (pinned, highlighted), then the rest in the chosen order.
  const focusRow = v.focusId !== null ? v.rows.find((r) => r.account.id === v.focusId) : undefined;
  const rows = focusRow ? [focusRow, ...v.rows.filter((r) => r !== focusRow).slice(0, v.shown - 1)] : v.rows.slice(0, v.shown);
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${msg('Account list')}>
      <table part="my-accounts">
        <caption class="visually-hidden">${caption(v.key, v.dir)}</caption>
        <thead><tr>
          ${COLUMNS.map(
            (c) => html`<th scope="col" class=${c.num ? 'num' : ''} aria-sort=${v.key === c.key ? v.dir : 'none'}>
              <button type="button" data-sort=${c.key} @click=${() => v.onSort(c.key)}>${c.label()}${v.key === c.key ? (v.dir === 'ascending' ? ' ▲' : ' ▼') : nothing}</button>
            </th>`,
          )}
        </tr></thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-account=${r.account.id} class=${r.account.id === v.focusId ? 'focus' : ''} aria-current=${r.account.id === v.focusId ? 'true' : nothing}>
              <th scope="row">${r.account.name}${r.account.locked ? html` <span class="weak">${msg('(locked)')}</span>` : nothing}</th>
              <td class="num">${f.currencyCompact(r.account.potential)}</td>
              <td class="date">${r.last === null ? html`<span class="weak">${msg('none')}</span>` : f.date(new Date(r.last))}</td>
              <td>${r.alerts.length ? r.alerts.map(alertWord).join('; ') : html`<span class="weak">—</span>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${v.rows.length > v.shown ? html`<button type="button" class="more" @click=${v.onShowAll}>${msg(str`Show all ${f.number(v.rows.length, 0)}`)}</button>` : nothing}`;
}
