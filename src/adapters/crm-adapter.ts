import type { Account } from '../model/account.js';
import type { Rep } from '../model/rep.js';
import type { Territory } from '../model/territory.js';
import type { Rejection } from '../model/validate-batch.js';
import type { Opportunity } from '../model/opportunity.js';
import type { QuotaEntry } from '../model/quota.js';

/** What the current user may do through an adapter. */
export interface Capabilities {
  /** May write account assignments back to the CRM. */
  canWrite: boolean;
  /** May write quotas (Salesforce ForecastingQuota, REST, memory); absent or false: quotas stay in the plan and export. */
  canWriteQuotas?: boolean;
  /** May create, change or delete territories in the CRM. */
  canWriteTerritories?: boolean;
  /** A short name of the backing system, e.g. `memory`, `salesforce`, `hubspot`, `rest`. */
  system: string;
  /** Adapter-specific mode, e.g. Salesforce `owner` or `territory2`. */
  mode?: string;
  /** The CRM user the adapter acts for, when known. */
  userId?: string;
  /** May write lock flags (`saveLocks`): the CRM has a field for them and the user may edit it. */
  canWriteLocks?: boolean;
  /** Largest number of changes written per request. */
  maxBatchSize?: number;
}

export interface LoadProgress {
  /** Records loaded so far in this phase. */
  loaded: number;
  /** Records expected in this phase, when the CRM says. */
  total?: number;
  /** What is being loaded: `accounts`, `reps`, `territories`, `performance`… */
  phase?: string;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadResult {
  accounts: Account[];
  reps: Rep[];
  territories: Territory[];
  /** Records that failed validation, each naming its id, field and reason. */
  rejected: Rejection[];
  /**
   * Opportunities with the rep who owned each (at close for closed ones), when the adapter loads
   * them: performance history is credited to that rep, not to the account's planned owner.
   */
  opportunities?: Opportunity[];
  /**
   * What the user should know about this load although it succeeded, e.g. performance figures left
   * out because a field is not readable for them. `field` names the CRM field, when known.
   */
  notices?: LoadNotice[];
  /**
   * The quotas the CRM holds (per rep and period start), when the adapter writes quotas
   * (`saveQuotas`): the base that `QuotaChange.from` is measured against. Absent: none loaded.
   */
  quotas?: QuotaEntry[];
}

/**
 * One of our sentences as data, so a UI can word it in its own language: `key` names it in the
 * adapters' catalogues (src/adapters/texts: `ADAPTER_TEXTS`, `GUARD_TEXTS`), `params` fill it — names,
 * ids and numbers, the CRM's own text (`detail`, shown as it is, never translated) and nested sentences
 * of ours (a `Said` again, e.g. the reason in "not written: …"). `message` is the English sentence.
 */
export interface Said {
  key: string;
  params?: Record<string, SaidParam>;
  message: string;
}
/** A value in a sentence of ours: text shown as it is, a number, null (e.g. "nobody"), or a nested sentence. */
export type SaidParam = string | number | null | Said;

/** A notice about a load that succeeded with something left out. */
export interface LoadNotice {
  code: string;
  /** In English; `key`/`params` give the same sentence as data (see `Said`) for notices our adapters make. */
  message: string;
  /** The sentence's key in the adapters' catalogues (`Said.key`); absent for a notice we do not word. */
  key?: string;
  /** What fills the sentence (`Said.params`): names, ids, numbers, the CRM's text (`detail`), nested sentences. */
  params?: Record<string, SaidParam>;
  field?: string;
  /**
   * What the notice is about, for a UI that words it in its own language when `code` is the CRM's own
   * error code: `lock-field-unreadable`, `performance-field-unreadable` (with `field`).
   */
  topic?: string;
  /** The number the message counts (e.g. deals left out). */
  count?: number;
  /** The CRM's own text quoted in the message (shown as it is, never translated). */
  detail?: string;
}

/** One account changing hands: rep ids, or null for unassigned. */
export interface Change {
  accountId: string;
  from: string | null;
  to: string | null;
}

export type SaveStatus = 'saved' | 'failed' | 'conflict';

/** How one change ended. Every change passed to `save` gets exactly one outcome. */
export interface SaveOutcome {
  accountId: string;
  status: SaveStatus;
  /**
   * The CRM's error code (e.g. `UNABLE_TO_LOCK_ROW`), or ours (`ABORTED`, `TIMEOUT`, `NETWORK`, `STALE`;
   * `UNKNOWN_OUTCOME` when a write may or may not have happened — reload to check).
   */
  code?: string;
  /** In English. For our codes `key`/`params` give the same sentence as data (see `Said`); a CRM's own message has none. */
  message?: string;
  /** The sentence's key in the adapters' catalogues (`Said.key`), when the message is ours. */
  key?: string;
  /** What fills the sentence (`Said.params`): ids, numbers, the CRM's text as it is, nested sentences. */
  params?: Record<string, SaidParam>;
}

/** Time limits an adapter applies. Every adapter's options accept these. */
export interface Deadlines {
  /** Longest wait for one request's answer (headers and body), in ms. Default 30,000. */
  requestTimeoutMs?: number;
  /**
   * Longest a `save()` may take, in ms, retries included. When it passes, requests in flight are
   * abandoned and the save resolves: changes that may have been written end `failed` with code
   * `UNKNOWN_OUTCOME` (reload to check), the rest `failed` with code `TIMEOUT`. Default 120,000.
   */
  saveDeadlineMs?: number;
}

export interface SaveProgress {
  done: number;
  total: number;
}

export interface SaveOptions {
  /** Aborting stops further requests; changes not yet written end `failed` with code `ABORTED`. */
  signal?: AbortSignal;
  onProgress?: (progress: SaveProgress) => void;
}

/**
 * The one interface between territory-kit and a CRM. Widgets see it only through the provider.
 *
 * `save` resolves (never rejects for per-record trouble) with one outcome per change, in order. A
 * change whose record moved on in the CRM since it was loaded (newer `lastModified`, or an owner other
 * than `from`) is a `conflict` and is not written. A network failure never reports `saved`.
 * A change whose account the CRM already holds with owner `to` is `saved` without writing, so saving the same change twice is harmless.
 * Built-in adapters run one save at a time per instance and end every save by its deadline
 * (`Deadlines`); a change whose outcome cannot be learned is `failed` `UNKNOWN_OUTCOME`.
 */
export interface CrmAdapter {
  /** Stable identity of the data source (used to key locally persisted work), e.g. `salesforce:00D…`. */
  readonly id: string;
  capabilities(): Promise<Capabilities>;
  load(options?: LoadOptions): Promise<LoadResult>;
  save(changes: readonly Change[], options?: SaveOptions): Promise<SaveOutcome[]>;
  /**
   * Writes lock flags (accounts and reps) where the CRM has a field for them (e.g. a mapped
   * checkbox field). Optional: adapters without it keep locks in the plan only. One outcome per
   * change, in order, keyed by the record id in `accountId`.
   */
  saveLocks?(changes: readonly LockChange[], options?: SaveOptions): Promise<SaveOutcome[]>;
  /**
   * Writes territories (geography, rules, overrides, assigned reps) where the CRM has a place for
   * them; offered with `capabilities().canWriteTerritories`. Optional: without it territories stay in
   * the plan (and the browser). Resolves (never rejects for per-territory trouble) with one outcome
   * per change, in order, by the adapter's save deadline: a territory whose CRM copy moved on since
   * `lastModified` is a `conflict` and is not written.
   */
  saveTerritories?(changes: readonly TerritoryChange[], options?: SaveOptions): Promise<TerritorySaveOutcome[]>;
  /**
   * Writes quotas (one amount per rep and period start) where the CRM keeps them (Salesforce
   * ForecastingQuota, a REST backend's `POST /quotas:batch`, memory); offered with
   * `capabilities().canWriteQuotas`. Optional: without it quotas stay in the plan and export as CSV.
   * Resolves (never rejects for per-quota trouble) with one outcome per change, in order, by the
   * adapter's save deadline (`failed TIMEOUT` / `UNKNOWN_OUTCOME`, never pending). A quota the CRM
   * already holds at `to` is `saved` without writing; one whose CRM amount is no longer `from` (changed
   * since load) is a `conflict` and is not written.
   */
  saveQuotas?(changes: readonly QuotaChange[], options?: SaveOptions): Promise<QuotaSaveOutcome[]>;
}

/**
 * A quota to write: rep, period start (YYYY-MM-DD, as ForecastingQuota.StartDate) and the new amount
 * in whole currency units (`to`; null removes the CRM's quota). `from` is the amount as loaded (null:
 * the CRM had none): the CRM refuses the write as a `conflict` when its amount is another.
 */
export interface QuotaChange {
  repId: string;
  period: string;
  from: number | null;
  to: number | null;
}

/** How one quota change ended; `code`/`message` name the rep, period and field on failure. */
export interface QuotaSaveOutcome {
  repId: string;
  period: string;
  status: SaveStatus;
  code?: string;
  message?: string;
  /** The message as data when it is ours (see `SaveOutcome.key`, `Said`). */
  key?: string;
  params?: Record<string, SaidParam>;
}

/**
 * A territory to write: `territory` is its new content (created when the CRM has no such id), or
 * null to delete it. `lastModified` is the territory's stamp as loaded (absent for a new one): the
 * CRM refuses the write as a `conflict` when its copy is newer.
 */
export interface TerritoryChange {
  id: string;
  territory: Territory | null;
  lastModified?: string;
}

/** How one territory change ended; `lastModified` is the CRM's new stamp of a saved territory. */
export interface TerritorySaveOutcome {
  territoryId: string;
  status: SaveStatus;
  code?: string;
  message?: string;
  /** The message as data when it is ours (see `SaveOutcome.key`, `Said`). */
  key?: string;
  params?: Record<string, SaidParam>;
  lastModified?: string;
  /**
   * Where the CRM keeps the territory, when it is not simply "the CRM": e.g. Salesforce territory2
   * mode `{ kind: 'Territory2Model', id, name }`, the planning model the admin reviews and activates.
   */
  savedTo?: { kind: string; id: string; name: string };
  /** What the CRM could not hold of this territory (saved without it), each naming the field. */
  notices?: LoadNotice[];
}

/** A lock flag to write: an account or a rep, and its new value. */
export interface LockChange {
  kind: 'account' | 'rep';
  id: string;
  locked: boolean;
}

/**
 * Thrown by `load` when it cannot load at all (auth, network, abort). `message` is English; when it is
 * a sentence of ours, `key`/`params` give it as data (pass a `Said` as the message) for a UI to word it.
 */
export class CrmLoadError extends Error {
  readonly code: string;
  readonly key?: string;
  readonly params?: Record<string, SaidParam>;
  constructor(code: string, message: string | Said, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : message.message, options);
    this.name = 'CrmLoadError';
    this.code = code;
    if (typeof message !== 'string') {
      this.key = message.key;
      if (message.params) this.params = message.params;
    }
  }
}
