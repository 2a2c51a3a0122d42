// Sentences of ours as data (issue #14): the adapters build each user-facing sentence from a catalogue
// entry (a key and an English template), so a UI can word the same key in its own language and keep the
// English `message` as fallback. The catalogues: guard.ts (the save guards, which the store loads too)
// and adapter.ts (everything else the adapters say).
import type { Said, SaidParam } from '../crm-adapter.js';

export type { Said, SaidParam };

/** A catalogue: key → the English sentence from its (flat, already-English) parameters. */
export type TextTable = Record<string, (p: never) => string>;

type Arg<F> = F extends (p: infer P) => string ? P : never;
/** A sentence's parameters as an adapter passes them: each value as the template takes it, or a nested sentence of ours. */
export type SaidArgs<P> = { [K in keyof P]: P[K] | Said };

const flat = (v: SaidParam): string | number | null => (v !== null && typeof v === 'object' ? v.message : v);

/**
 * A function that builds `Said` sentences from a catalogue: the key, the parameters kept as data, and
 * the English message (nested sentences rendered by their own `message`).
 *
 * @example
 * const say = sayer({ 'x.late': (p: { ms: number }) => `no answer within ${p.ms} ms` });
 * say('x.late', { ms: 500 }) // → { key: 'x.late', params: { ms: 500 }, message: 'no answer within 500 ms' }
 */
export function sayer<T extends TextTable>(table: T) {
  return <K extends keyof T & string>(key: K, ...args: unknown extends Arg<T[K]> ? [] : [params: SaidArgs<Arg<T[K]>>]): Said => {
    const params = args[0] as Record<string, SaidParam> | undefined;
    const english = params ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, flat(v)])) : {};
    return { key, ...(params ? { params } : {}), message: (table[key] as unknown as (p: unknown) => string)(english) };
  };
}

/**
 * The `key`/`params` of an outcome an adapter reported, kept when they are well-formed (a string key,
 * params a plain object), for the outcome checks that copy only known properties.
 *
 * @example
 * keptWords({ key: 'guard.no-outcome', params: 'x' }) // → { key: 'guard.no-outcome' }
 */
export function keptWords(raw: { key?: unknown; params?: unknown }): { key?: string; params?: Record<string, SaidParam> } {
  if (typeof raw.key !== 'string' || raw.key === '') return {};
  const p = raw.params;
  return { key: raw.key, ...(p !== null && typeof p === 'object' && !Array.isArray(p) ? { params: p as Record<string, SaidParam> } : {}) };
}

/**
 * What an error or a failure description said, as a parameter of a sentence: the sentence of ours it
 * carries (`key`), else its text as it is (the CRM's, a browser's).
 *
 * @example
 * asSaid(new Error('Failed to fetch')) // → 'Failed to fetch'
 */
export function asSaid(e: { message: string; key?: string; params?: Record<string, SaidParam> }): Said | string {
  return typeof e.key === 'string' ? { key: e.key, ...(e.params ? { params: e.params } : {}), message: e.message } : e.message;
}

/**
 * The message of a failure description or error with its `key`/`params` when it has them, to spread into
 * an outcome or another description.
 *
 * @example
 * ({ code: 'NETWORK', ...carried({ kind: 'network', message: 'no answer within 5 ms', key: 'net.no-answer', params: { ms: 5 } }) })
 */
export function carried(e: { message: string; key?: string; params?: Record<string, SaidParam> }): { message: string; key?: string; params?: Record<string, SaidParam> } {
  return { message: e.message, ...(typeof e.key === 'string' ? { key: e.key, ...(e.params ? { params: e.params } : {}) } : {}) };
}

/** A message with its sentence as data when it is ours: what outcomes and failure descriptions carry. */
export type Words = { message: string; key?: string; params?: Record<string, SaidParam> };
/** A failure description: a code and its words. */
export type Failure = Words & { code: string };

/**
 * Text or words as the `message`/`key`/`params` of an outcome: a plain string (the CRM's message) as it is.
 *
 * @example
 * ({ status: 'failed', code: 'X', ...wordsOf('CRM text') }) // → { status: 'failed', code: 'X', message: 'CRM text' }
 */
export function wordsOf(x: string | Words): Words {
  return typeof x === 'string' ? { message: x } : carried(x);
}
