/**
 * The rebalance input as columns for the Worker path: `runRebalance` packs it on the page (in bounded
 * steps) and posts typed arrays that are transferred, not cloned, instead of 100k Account objects;
 * the worker unpacks it. Only the fields the rebalance reads travel: id, name, lat, lng, potential,
 * workload, locked (and each account's owner in `current`).
 */

import type { Account } from '../../model/account.js';
import type { Assignments } from '../../model/plan.js';
import type { Rep } from '../../model/rep.js';
import { STEP, type Steps } from '../metrics/steps.js';
import type { RebalanceInput } from './types.js';

/**
 * Columns of the input. The ids, concatenated, travel as UTF-16 code units in one Uint16Array per
 * step of accounts (transferred: cloning 2 MB of strings costs the page tens of ms); with ids the
 * decoded text, account i's id is ids.slice(idEnd[i − 1] ?? 0, idEnd[i]). Names likewise.
 */
export interface PackedInput {
  n: number;
  idParts: Uint16Array[];
  idEnd: Int32Array;
  nameParts: Uint16Array[];
  nameEnd: Int32Array;
  potential: Float64Array;
  /** NaN: no workload (undefined or null; counts as 1). */
  workload: Float64Array;
  /** NaN: null. */
  lat: Float64Array;
  lng: Float64Array;
  /** Bit 0: `locked` is truthy; bit 1: `name` is undefined. */
  flags: Uint8Array;
  /** The distinct owner strings of `current`, and per account its index there (−1: not a string). */
  owners: string[];
  owner: Int32Array;
  reps: readonly Rep[];
}

const LOCKED = 1;
const NO_NAME = 2;

/** The account's fields in a form the columns hold exactly, else false (the caller then posts the objects). */
function representable(a: Account): boolean {
  const w = a.workload as unknown;
  const name = a.name as unknown;
  return (
    typeof a.id === 'string' &&
    // an own "__proto__" key behaves differently on plain objects: leave such input to the clone
    a.id !== '__proto__' &&
    (typeof name === 'string' || name === undefined) &&
    typeof a.potential === 'number' &&
    (w === undefined || w === null || (typeof w === 'number' && w === w)) &&
    isCoordinate(a.lat) &&
    isCoordinate(a.lng)
  );
}

/** null, or a number that is not NaN (NaN stands for null in the columns). */
function isCoordinate(x: unknown): boolean {
  return x === null || (typeof x === 'number' && x === x);
}

/**
 * Packs the input into columns, yielding after every `STEP` accounts. Returns null when some account
 * holds a value the columns cannot reproduce exactly (a missing potential, a NaN coordinate, …): the
 * caller then posts the input as objects, so the worker reports the same error as `rebalance`.
 *
 * @param input the rebalance input
 * @returns a generator whose return value is the packed input, or null
 *
 * @example
 * const packed = await slicer.run(packInput(input), 'prepare', 0);
 * if (packed) worker.postMessage({ packed, options }, packedInputTransfer(packed));
 */
export function* packInput(input: RebalanceInput): Steps<PackedInput | null> {
  const { accounts, reps, current } = input;
  const n = accounts.length;
  const idEnd = new Int32Array(n);
  const nameEnd = new Int32Array(n);
  const potential = new Float64Array(n);
  const workload = new Float64Array(n);
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const flags = new Uint8Array(n);
  const owner = new Int32Array(n);
  const ownerIndex = new Map<string, number>();
  const owners: string[] = [];
  const idParts: Uint16Array[] = [];
  const nameParts: Uint16Array[] = [];
  let idLen = 0;
  let nameLen = 0;
  for (let from = 0; from < n; from += STEP) {
    const to = Math.min(n, from + STEP);
    const ids: string[] = [];
    const names: string[] = [];
    for (let i = from; i < to; i++) {
      const a = accounts[i];
      if (!representable(a)) return null;
      ids.push(a.id);
      idLen += a.id.length;
      idEnd[i] = idLen;
      if (typeof a.name === 'string') {
        names.push(a.name);
        nameLen += a.name.length;
      } else flags[i] |= NO_NAME;
      nameEnd[i] = nameLen;
      potential[i] = a.potential;
      workload[i] = a.workload ?? NaN;
      lat[i] = a.lat ?? NaN;
      lng[i] = a.lng ?? NaN;
      if (a.locked) flags[i] |= LOCKED;
      const o = current[a.id];
      if (typeof o === 'string') {
        let q = ownerIndex.get(o);
        if (q === undefined) {
          q = owners.length;
          owners.push(o);
          ownerIndex.set(o, q);
        }
        owner[i] = q;
      } else owner[i] = -1;
    }
    idParts.push(codeUnits(ids.join('')));
    nameParts.push(codeUnits(names.join('')));
    yield;
  }
  return { n, idParts, idEnd, nameParts, nameEnd, potential, workload, lat, lng, flags, owners, owner, reps };
}

/** The buffers to transfer with a packed input. */
export function packedInputTransfer(p: PackedInput): ArrayBuffer[] {
  const columns = [p.idEnd, p.nameEnd, p.potential, p.workload, p.lat, p.lng, p.flags, p.owner, ...p.idParts, ...p.nameParts];
  return columns.map((a) => a.buffer as ArrayBuffer);
}

/** The UTF-16 code units of a string (exact, lone surrogates included). */
function codeUnits(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The string of concatenated code units (exact: no decoder replaces lone surrogates). */
function fromCodeUnits(parts: readonly Uint16Array[]): string {
  const pieces: string[] = [];
  for (const part of parts) {
    for (let at = 0; at < part.length; at += 4096) pieces.push(String.fromCharCode.apply(null, Array.from(part.subarray(at, at + 4096))));
  }
  return pieces.join('');
}

/**
 * Unpacks the columns into the input `rebalance` takes (in the worker): accounts with the fields the
 * rebalance reads, and `current` holding each account's owner.
 */
export function unpackInput(p: PackedInput): RebalanceInput {
  const accounts: Account[] = new Array(p.n);
  const current: Assignments = {};
  const ids = fromCodeUnits(p.idParts);
  const names = fromCodeUnits(p.nameParts);
  let idAt = 0;
  let nameAt = 0;
  for (let i = 0; i < p.n; i++) {
    const id = ids.slice(idAt, p.idEnd[i]);
    idAt = p.idEnd[i];
    const name = p.flags[i] & NO_NAME ? undefined : names.slice(nameAt, p.nameEnd[i]);
    nameAt = p.nameEnd[i];
    const w = p.workload[i];
    const la = p.lat[i];
    const lo = p.lng[i];
    accounts[i] = {
      id,
      name: name as string,
      lat: la === la ? la : null,
      lng: lo === lo ? lo : null,
      potential: p.potential[i],
      workload: (w === w ? w : undefined) as number,
      ownerId: null,
      locked: (p.flags[i] & LOCKED) !== 0,
    };
    if (p.owner[i] >= 0) current[id] = p.owners[p.owner[i]];
  }
  return { accounts, reps: p.reps, current };
}
