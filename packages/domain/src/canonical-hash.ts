import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always serialise to equal strings. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new Error(`Cannot hash a ${typeof value}`);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Map || value instanceof Set) throw new Error('Cannot hash a Map or Set; convert it to an object or array');
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Cannot hash a non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A stable SHA-256 of a value's canonical JSON: the identity of a scoring input. */
export function inputHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
