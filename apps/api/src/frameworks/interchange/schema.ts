import { formatPath, InterchangeProblem, isBuiltInKey, problem, Segment } from './problems';

/**
 * A small set of structural parsers: each turns `unknown` into a typed value or records problems at exact paths and
 * returns INVALID, so one pass reports every problem of a document instead of stopping at the first.
 */
export const INVALID: unique symbol = Symbol('invalid');
export type Parsed<T> = T | typeof INVALID;

export interface ParseContext {
  problems: InterchangeProblem[];
}

export type Parser<T> = (value: unknown, path: readonly Segment[], context: ParseContext) => Parsed<T>;

function report(context: ParseContext, path: readonly Segment[], code: string, id: string, en: string): typeof INVALID {
  context.problems.push(problem(code, id, en, { path: formatPath(path) }));
  return INVALID;
}

function describe(value: unknown): { id: string; en: string } {
  if (value === null) return { id: 'kosong (null)', en: 'null' };
  if (Array.isArray(value)) return { id: 'daftar', en: 'a list' };
  switch (typeof value) {
    case 'string':
      return { id: `teks "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`, en: `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` };
    case 'number':
      return { id: `angka ${value}`, en: `the number ${value}` };
    case 'boolean':
      return { id: `nilai ya/tidak (${value})`, en: `a boolean (${value})` };
    case 'object':
      return { id: 'objek', en: 'an object' };
    default:
      return { id: typeof value, en: typeof value };
  }
}

function wrongType(context: ParseContext, path: readonly Segment[], expectedId: string, expectedEn: string, value: unknown): typeof INVALID {
  const got = describe(value);
  return report(context, path, 'WRONG_TYPE', `Harus berupa ${expectedId}, bukan ${got.id}.`, `Must be ${expectedEn}, not ${got.en}.`);
}

/**
 * Characters a spreadsheet cannot hold (control characters other than tab and line feed, U+FFFE/U+FFFF, halves of
 * surrogate pairs), refused everywhere so that every valid document survives every format.
 */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|\p{Cs}/u;

export interface TextOptions {
  max: number;
  /** A code: no whitespace at all. */
  code?: boolean;
  /** An item of a list written as one spreadsheet cell: no separator, no line break, no surrounding spaces. */
  listItem?: string;
  pattern?: { regex: RegExp; id: string; en: string };
}

/**
 * Text, with line endings made canonical (CR LF and CR become LF, as spreadsheets store them). Never empty nor only
 * spaces, which a spreadsheet cell cannot tell from an empty one.
 */
export function text(options: TextOptions): Parser<string> {
  return (value, path, context) => {
    if (typeof value !== 'string') return wrongType(context, path, 'teks', 'text', value);
    const normalised = value.replace(/\r\n?/g, '\n');
    if (normalised.trim() === '') return report(context, path, 'EMPTY', 'Tidak boleh kosong.', 'Must not be empty.');
    if (normalised.length > options.max) {
      return report(context, path, 'TOO_LONG', `Terlalu panjang: maksimum ${options.max} karakter.`, `Too long: at most ${options.max} characters.`);
    }
    if (UNSUPPORTED_CHARACTERS.test(normalised)) {
      return report(context, path, 'UNSUPPORTED_CHARACTER', 'Mengandung karakter kontrol yang tidak didukung.', 'Contains an unsupported control character.');
    }
    if (options.code && /\s/.test(normalised)) {
      return report(context, path, 'CODE_WITH_SPACE', 'Kode tidak boleh mengandung spasi atau baris baru.', 'A code must not contain spaces or line breaks.');
    }
    if (options.code && isBuiltInKey(normalised)) {
      return report(context, path, 'RESERVED_CODE', `Kode "${normalised}" tidak diizinkan.`, `The code "${normalised}" is not allowed.`);
    }
    if (options.listItem !== undefined && (normalised.includes(options.listItem) || normalised.includes('\n') || normalised.trim() !== normalised)) {
      return report(
        context,
        path,
        'LIST_ITEM_FORMAT',
        `Tidak boleh mengandung "${options.listItem}" atau baris baru, dan tidak boleh diawali atau diakhiri spasi.`,
        `Must not contain "${options.listItem}" or a line break, nor start or end with a space.`,
      );
    }
    if (options.pattern && !options.pattern.regex.test(normalised)) return report(context, path, 'PATTERN', options.pattern.id, options.pattern.en);
    return normalised;
  };
}

/** A finite number; `integer` also refuses fractions. */
export function number(options: { integer?: boolean } = {}): Parser<number> {
  return (value, path, context) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(context, path, 'angka', 'a number', value);
    if (options.integer && !Number.isInteger(value)) return wrongType(context, path, 'bilangan bulat', 'a whole number', value);
    // -0 and 0 are one number to every reader; keep one of them.
    return value === 0 ? 0 : value;
  };
}

export function oneOf<T extends string | number>(values: readonly T[]): Parser<T> {
  const list = values.join(', ');
  return (value, path, context) => {
    if ((values as readonly unknown[]).includes(value)) return value as T;
    const got = describe(value);
    return report(context, path, 'UNKNOWN_VALUE', `Harus salah satu dari: ${list} (bukan ${got.id}).`, `Must be one of: ${list} (not ${got.en}).`);
  };
}

export function list<T>(item: Parser<T>, options: { max: number }): Parser<readonly T[]> {
  return (value, path, context) => {
    if (!Array.isArray(value)) return wrongType(context, path, 'daftar', 'a list', value);
    if (value.length > options.max) {
      return report(context, path, 'TOO_MANY', `Terlalu banyak: maksimum ${options.max} butir.`, `Too many entries: at most ${options.max}.`);
    }
    const items: T[] = [];
    let valid = true;
    value.forEach((entry, index) => {
      const parsed = item(entry, [...path, index], context);
      if (parsed === INVALID) valid = false;
      else items.push(parsed);
    });
    return valid ? items : INVALID;
  };
}

export interface Field<T> {
  parse: Parser<T>;
  optional: boolean;
}

export function required<T>(parse: Parser<T>): Field<T> {
  return { parse, optional: false };
}

/** An optional field. Empty text and empty lists count as absent, which is the one form every format can carry. */
export function optional<T>(parse: Parser<T>): Field<T | undefined> {
  return { parse: parse as Parser<T | undefined>, optional: true };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const own = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/** An object with exactly these fields: unknown keys and keys named like Object.prototype members are refused. */
export function object<T extends object>(shape: { [K in keyof T]-?: Field<T[K]> }): Parser<T> {
  const fields = Object.entries(shape) as [string, Field<unknown>][];
  return (value, path, context) => {
    if (!isPlainObject(value)) return wrongType(context, path, 'objek', 'an object', value);
    let valid = true;
    for (const key of Object.keys(value)) {
      if (isBuiltInKey(key)) {
        report(context, [...path, key], 'RESERVED_KEY', `Kunci "${key}" tidak diizinkan.`, `The key "${key}" is not allowed.`);
        valid = false;
      } else if (!own(shape, key)) {
        const known = fields.map(([name]) => name).join(', ');
        report(context, [...path, key], 'UNKNOWN_KEY', `Kunci "${key}" tidak dikenal; kunci yang dikenal: ${known}.`, `Unknown key "${key}"; known keys: ${known}.`);
        valid = false;
      }
    }
    const result: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const present = own(value, key) && value[key] !== undefined && value[key] !== null;
      if (!present) {
        if (!field.optional) {
          report(context, [...path, key], 'REQUIRED', 'Wajib diisi.', 'Required.');
          valid = false;
        }
        continue;
      }
      const raw = value[key];
      if (field.optional && (raw === '' || (Array.isArray(raw) && raw.length === 0))) continue;
      const parsed = field.parse(raw, [...path, key], context);
      if (parsed === INVALID) valid = false;
      else result[key] = parsed;
    }
    return valid ? (result as T) : INVALID;
  };
}

/** Exactly this value (e.g. the document's format marker). */
export function literal<T extends string | number>(expected: T): Parser<T> {
  return (value, path, context) =>
    value === expected ? expected : report(context, path, 'UNEXPECTED_VALUE', `Harus bernilai ${expected}.`, `Must be ${expected}.`);
}
