import { canonicalJson, inputHash } from '../src';

/** mulberry32: a tiny seeded PRNG so the generated cases are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function randomValue(random: () => number, depth: number): Json {
  const pick = Math.floor(random() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return Math.round((random() - 0.5) * 1e6) / 100;
    case 3:
      return randomKey(random) + (random() < 0.2 ? ' "quoted" \\ ü' : '');
    case 4:
      return Math.floor(random() * 1000);
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const object: Record<string, Json> = {};
      const count = Math.floor(random() * 6);
      for (let i = 0; i < count; i++) object[randomKey(random)] = randomValue(random, depth + 1);
      return object;
    }
  }
}

function randomKey(random: () => number): string {
  const alphabet = 'abcAB_1é ';
  const length = 1 + Math.floor(random() * 4);
  let key = '';
  for (let i = 0; i < length; i++) key += alphabet[Math.floor(random() * alphabet.length)];
  return key;
}

/** The same value with every object's keys inserted in a shuffled order. */
function reordered(value: Json, random: () => number): Json {
  if (Array.isArray(value)) return value.map((item) => reordered(item, random));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  const copy: Record<string, Json> = {};
  for (const key of keys) copy[key] = reordered(value[key], random);
  return copy;
}

describe('canonicalJson', () => {
  it('sorts keys at the top level', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('sorts keys of nested objects, including objects inside arrays', () => {
    expect(canonicalJson({ z: { y: 1, x: [{ d: 1, c: 2 }] }, a: null })).toBe('{"a":null,"z":{"x":[{"c":2,"d":1}],"y":1}}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it('drops keys whose value is undefined', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ nested: { gone: undefined } })).toBe('{"nested":{}}');
  });

  it('serialises undefined as null where JSON would (top level, array items)', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('serialises primitives like JSON', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(0)).toBe('0');
    expect(canonicalJson(-1.5)).toBe('-1.5');
    expect(canonicalJson('a "b"\n')).toBe('"a \\"b\\"\\n"');
    expect(canonicalJson({ 'k"ey': 'v' })).toBe('{"k\\"ey":"v"}');
  });

  it('agrees with JSON.parse: the output is valid JSON of the same value', () => {
    const value = { b: [1, { y: 'é', x: false }], a: { c: null } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it.each([NaN, Infinity, -Infinity])('refuses the non-finite number %p anywhere', (bad) => {
    expect(() => canonicalJson(bad)).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: { b: bad } })).toThrow(/non-finite/);
    expect(() => canonicalJson([1, [bad]])).toThrow(/non-finite/);
    expect(() => inputHash({ score: bad })).toThrow(/non-finite/);
  });

  it('does not depend on key insertion order (300 generated values, seeded)', () => {
    const random = prng(20260115);
    let objectsWithSeveralKeys = 0;
    for (let i = 0; i < 300; i++) {
      const value = randomValue(random, 0);
      const shuffled = reordered(value, random);
      expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
      expect(inputHash(shuffled)).toBe(inputHash(value));
      expect(JSON.parse(canonicalJson(value))).toEqual(value);
      if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 1) objectsWithSeveralKeys++;
    }
    // The generator must actually produce objects whose order can differ, or the property above proves nothing.
    expect(objectsWithSeveralKeys).toBeGreaterThan(30);
  });

  it('tells apart values that differ anywhere (generated, seeded)', () => {
    const random = prng(42);
    for (let i = 0; i < 200; i++) {
      const value = { answers: { [randomKey(random)]: Math.floor(random() * 100) }, n: i };
      const changed = { ...value, n: i + 1 };
      expect(canonicalJson(changed)).not.toBe(canonicalJson(value));
      expect(inputHash(changed)).not.toBe(inputHash(value));
    }
  });
});

describe('inputHash', () => {
  it('is the SHA-256 of the canonical JSON as 64 lowercase hex characters', () => {
    const hash = inputHash({ b: 1, a: 2 });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // sha256('{"a":2,"b":1}'), computed separately with `node -e`.
    expect(hash).toBe('d3626ac30a87e6f7a6428233b3c68299976865fa5508e4267c5415c76af7a772');
  });

  it('is stable across key order and differs for different values', () => {
    expect(inputHash({ x: [1, 2], y: { p: 'a', q: 'b' } })).toBe(inputHash({ y: { q: 'b', p: 'a' }, x: [1, 2] }));
    expect(inputHash({ x: [1, 2] })).not.toBe(inputHash({ x: [2, 1] }));
    expect(inputHash({ a: '1' })).not.toBe(inputHash({ a: 1 }));
    expect(inputHash({ a: null })).not.toBe(inputHash({}));
    expect(inputHash({ a: false })).not.toBe(inputHash({ a: null }));
  });
});
