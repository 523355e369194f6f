import { createHash } from 'node:crypto';

/** Printable ASCII without a quote or backslash: JSON writes such a string as it is, between quotes. */
const PLAIN_STRING = /^[ !#-[\]-~]*$/;

/** `JSON.stringify` of a string, without calling it for the plain codes and words that make up most of an input. */
const quoted = (text: string): string => (PLAIN_STRING.test(text) ? `"${text}"` : JSON.stringify(text));

/**
 * JSON with object keys sorted at every level, so equal values always serialise to equal strings. Written as one
 * loop per object or array that appends to a string, rather than entries, filter, sort, map and join per level: every
 * score hashes a few hundred keys, and those intermediate arrays were most of the hash's cost. The output is the same.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Cannot hash a non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new Error(`Cannot hash a ${typeof value}`);
  }
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Map || value instanceof Set) throw new Error('Cannot hash a Map or Set; convert it to an object or array');
  if (Array.isArray(value)) {
    let out = '[';
    // A hole in a sparse array stays empty, as `map` and `join` left it.
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (i in value ? canonicalJson(value[i]) : '');
    return out + ']';
  }
  const object = value as Record<string, unknown>;
  // The default sort orders strings by UTF-16 code units, as comparing them with < does.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    out += (first ? '' : ',') + quoted(key) + ':' + canonicalJson(item);
    first = false;
  }
  return out + '}';
}

/** A stable SHA-256 of a value's canonical JSON: the identity of a scoring input. */
export function inputHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
