import * as z from 'zod/mini';

/**
 * Stands in for a `__proto__` key while zod checks a record: zod skips that key (assigning it on a
 * plain `{}` would replace the prototype), but for us it is an ordinary id or field name.
 */
export const PROTO_KEY = '\u0000__proto__';

function hideProto(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !Object.hasOwn(input, '__proto__')) return input;
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(input)) copy[key === '__proto__' ? PROTO_KEY : key] = (input as Record<string, unknown>)[key];
  return copy;
}

function toOwn<V>(parsed: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = Object.create(null);
  for (const key of Object.keys(parsed)) out[key === PROTO_KEY ? '__proto__' : key] = parsed[key];
  return out;
}

/**
 * A record schema (string keys) whose output is a null-prototype object that keeps every key,
 * including `__proto__`, `constructor` or `toString`, as an ordinary own key. Issue paths name a
 * `__proto__` key as {@link PROTO_KEY} (validateBatch maps it back).
 *
 * @example
 * ownRecord(z.string(), z.number()).parse(JSON.parse('{"__proto__": 1}')) // { __proto__: 1 } (own key)
 */
export function ownRecord<K extends z.core.$ZodType<string, string>, V extends z.core.$ZodType>(key: K, value: V) {
  const record = z.record(key, value);
  return z.pipe(z.transform(hideProto), z.pipe(record, z.transform(toOwn))) as unknown as typeof record;
}
