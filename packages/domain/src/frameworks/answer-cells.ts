import { Bilingual, Locale } from '../locale';
import { AnswerValue } from '../submissions';
import { MAX_TEXT_ANSWER_LENGTH } from './answers';
import { AnswerType, Indicator, RanhamMeasureAnswerType, RanhamSuccessMeasure } from './model';

/*
 * Answers typed into spreadsheet cells: what a cell of each answer type may hold, how it is described to the person
 * filling it in, and how its content becomes an answer the JSON API would accept. Spreadsheets hold text where numbers
 * belong ("82,5" in an Indonesian locale, "82.5" in an English one), words for yes/no and percentages with a sign, so
 * the reading is more forgiving than the API while never guessing: an ambiguous number is refused, not read one way.
 */

/** How a cell is answered: the answer types of both programmes, folded to what differs in a spreadsheet. */
export type AnswerCellKind = 'YES_NO' | 'NUMBER' | 'PERCENT' | 'CHOICE' | 'TEXT' | 'DOCUMENT' | 'YES_NO_OR_PERCENT';

export interface AnswerCellSpec {
  kind: AnswerCellKind;
  /** CHOICE: the allowed values, as the framework spells them. */
  choices?: readonly string[];
}

export function cellSpecOfIndicator(indicator: Indicator): AnswerCellSpec {
  switch (indicator.answerType) {
    case AnswerType.YES_NO:
      return { kind: 'YES_NO' };
    case AnswerType.NUMBER:
    case AnswerType.BANDED:
      return { kind: 'NUMBER' };
    case AnswerType.PERCENT:
      return { kind: 'PERCENT' };
    case AnswerType.CHOICE:
      return { kind: 'CHOICE', choices: (indicator.choices ?? []).map((choice) => choice.value) };
    case AnswerType.TEXT_ONLY:
      return { kind: 'TEXT' };
    case AnswerType.DOCUMENT_ONLY:
      return { kind: 'DOCUMENT' };
  }
}

export function cellSpecOfMeasure(measure: RanhamSuccessMeasure): AnswerCellSpec {
  switch (measure.answerType) {
    case RanhamMeasureAnswerType.YES_NO:
      return { kind: 'YES_NO' };
    case RanhamMeasureAnswerType.PERCENT:
      return { kind: 'PERCENT' };
    case RanhamMeasureAnswerType.NUMBER:
      return { kind: 'NUMBER' };
    case RanhamMeasureAnswerType.TEXT:
      return { kind: 'TEXT' };
    case RanhamMeasureAnswerType.YES_NO_OR_PERCENT:
      return { kind: 'YES_NO_OR_PERCENT' };
  }
}

/** The words a yes/no cell offers in each language; both languages' words are read back, whatever the download's. */
export const YES_NO_WORDS: Readonly<Record<Locale, { yes: string; no: string }>> = {
  id: { yes: 'Ya', no: 'Tidak' },
  en: { yes: 'Yes', no: 'No' },
};

const YES = new Set(['ya', 'yes']);
const NO = new Set(['tidak', 'no']);

/** Ways people write "nothing" where a number belongs (the same list the answer check knows). */
const NIHIL = new Set(['nihil', 'nil', '-', '–', '—']);

/** What a row says about its answer cell: the answer type in words and the values it allows. */
export function describeAnswerCell(spec: AnswerCellSpec): { type: Bilingual; allowed: Bilingual } {
  switch (spec.kind) {
    case 'YES_NO':
      return { type: { id: 'Ya/tidak', en: 'Yes/no' }, allowed: { id: 'Ya atau Tidak', en: 'Yes or No' } };
    case 'NUMBER':
      return { type: { id: 'Angka', en: 'Number' }, allowed: { id: 'Angka 0 atau lebih, mis. 82,5', en: 'A number, 0 or more, e.g. 82.5' } };
    case 'PERCENT':
      return { type: { id: 'Persentase', en: 'Percentage' }, allowed: { id: 'Angka 0 sampai 100, mis. 82,5', en: 'A number from 0 to 100, e.g. 82.5' } };
    case 'CHOICE': {
      const list = (spec.choices ?? []).join(', ');
      return { type: { id: 'Pilihan', en: 'Choice' }, allowed: { id: `Salah satu dari: ${list}`, en: `One of: ${list}` } };
    }
    case 'TEXT':
      return {
        type: { id: 'Uraian teks', en: 'Text' },
        allowed: { id: `Teks, paling banyak ${MAX_TEXT_ANSWER_LENGTH} karakter`, en: `Text, at most ${MAX_TEXT_ANSWER_LENGTH} characters` },
      };
    case 'DOCUMENT':
      return { type: { id: 'Dokumen saja', en: 'Documents only' }, allowed: { id: 'Tidak diisi di sini: unggah dokumen di aplikasi', en: 'Not answered here: upload documents in the application' } };
    case 'YES_NO_OR_PERCENT':
      return {
        type: { id: 'Ya/tidak atau persentase', en: 'Yes/no or percentage' },
        allowed: { id: 'Ya, Tidak, atau angka 0 sampai 100', en: 'Yes, No, or a number from 0 to 100' },
      };
  }
}

/** A stored answer as a cell shows it: yes/no in the download's words, everything else as it is. */
export function answerCellValue(value: AnswerValue | undefined, locale: Locale): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? YES_NO_WORDS[locale].yes : YES_NO_WORDS[locale].no;
  return value;
}

/** A cell's content as a spreadsheet reader gives it; `percentFormat` when a number is shown with Excel's % format. */
export interface AnswerCellInput {
  value: string | number | boolean | undefined;
  percentFormat?: boolean;
}

export type AnswerCellProblemCode = 'NOT_A_NUMBER' | 'NIHIL_INSTEAD_OF_NUMBER' | 'AMBIGUOUS_NUMBER' | 'NEGATIVE' | 'PERCENT_OUT_OF_RANGE' | 'NOT_YES_NO' | 'UNKNOWN_CHOICE' | 'TEXT_TOO_LONG' | 'DOCUMENT_ONLY';

/**
 * What a cell means: an answer, null for a blank cell (which clears the answer), or undefined for a cell that answers
 * nothing (a documents-only item); or a problem whose message names the content but not the cell (the caller does).
 */
export type AnswerCellOutcome = { ok: true; value: AnswerValue | undefined } | { ok: false; code: AnswerCellProblemCode; message: Bilingual };

const fail = (code: AnswerCellProblemCode, id: string, en: string): AnswerCellOutcome => ({ ok: false, code, message: { id, en } });

/** Quotes a cell's content for a message, shortened so a pasted paragraph does not drown the message. */
function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 40 ? `${flat.slice(0, 37)}...` : flat}"`;
}

const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A number written as text: "82,5" and "82.5" are both 82.5. "1.234" is refused rather than read: in Indonesian it is
 * one thousand two hundred thirty-four, in English a little more than one. A leading zero ("0,125") is not ambiguous.
 */
function numberFromText(text: string): { value: number } | { problem: AnswerCellOutcome } {
  const compact = text.trim().replace(/[\s\u00a0]/g, '');
  if (NIHIL.has(compact.toLowerCase())) {
    return { problem: fail('NIHIL_INSTEAD_OF_NUMBER', `${quoted(text)} bukan angka; tulis 0 bila nihil`, `${quoted(text)} is not a number; enter 0 for none`) };
  }
  if (!DECIMAL.test(compact)) return { problem: fail('NOT_A_NUMBER', `${quoted(text)} bukan angka`, `${quoted(text)} is not a number`) };
  const [whole, fraction] = compact.replace(/^[+-]/, '').split(/[.,]/);
  if (fraction !== undefined && fraction.length === 3 && whole !== '0') {
    return {
      problem: fail(
        'AMBIGUOUS_NUMBER',
        `${quoted(text)} bisa berarti angka ribuan atau pecahan; tulis tanpa pemisah ribuan, mis. 1234 atau 1,234`,
        `${quoted(text)} could be thousands or a fraction; write it without a thousands separator, e.g. 1234 or 1.234`,
      ),
    };
  }
  return { value: Number(compact.replace(',', '.')) };
}

function readNumber(input: AnswerCellInput, percent: boolean): { value: number } | { problem: AnswerCellOutcome } {
  const raw = input.value;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { problem: fail('NOT_A_NUMBER', `${String(raw)} bukan angka`, `${String(raw)} is not a number`) };
    // Excel keeps 82.5 % as 0.825; the percentage itself is what the framework asks for.
    return { value: percent && input.percentFormat ? Number((raw * 100).toPrecision(12)) : raw };
  }
  if (typeof raw === 'boolean') return { problem: fail('NOT_A_NUMBER', `${quoted(String(raw).toUpperCase())} bukan angka`, `${quoted(String(raw).toUpperCase())} is not a number`) };
  const text = String(raw);
  if (percent && /%\s*$/.test(text)) return numberFromText(text.replace(/%\s*$/, ''));
  return numberFromText(text);
}

function checkNumber(value: number, kind: 'NUMBER' | 'PERCENT', shown: string): AnswerCellOutcome {
  if (kind === 'PERCENT' && (value < 0 || value > 100)) {
    return fail('PERCENT_OUT_OF_RANGE', `${shown} di luar 0 sampai 100`, `${shown} is outside 0 to 100`);
  }
  if (value < 0) return fail('NEGATIVE', `${shown} kurang dari 0`, `${shown} is less than 0`);
  return { ok: true, value };
}

function readYesNo(raw: string | number | boolean): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const word = String(raw).trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

const isBlank = (value: AnswerCellInput['value']): value is undefined => value === undefined || (typeof value === 'string' && value.trim() === '');

/** Reads one answer cell by its item's spec. */
export function parseAnswerCell(spec: AnswerCellSpec, input: AnswerCellInput): AnswerCellOutcome {
  const raw = input.value;
  if (spec.kind === 'DOCUMENT') {
    if (isBlank(raw)) return { ok: true, value: undefined };
    return fail(
      'DOCUMENT_ONLY',
      `butir ini dijawab dengan dokumen: unggah dokumen di aplikasi dan kosongkan sel ini (berisi ${quoted(String(raw))})`,
      `this item is answered with documents: upload them in the application and leave this cell empty (it holds ${quoted(String(raw))})`,
    );
  }
  if (isBlank(raw)) return { ok: true, value: null };
  switch (spec.kind) {
    case 'YES_NO': {
      const answer = readYesNo(raw);
      if (answer === undefined) return fail('NOT_YES_NO', `${quoted(String(raw))} bukan Ya atau Tidak`, `${quoted(String(raw))} is not Yes or No`);
      return { ok: true, value: answer };
    }
    case 'NUMBER':
    case 'PERCENT': {
      const read = readNumber(input, spec.kind === 'PERCENT');
      if ('problem' in read) return read.problem;
      return checkNumber(read.value, spec.kind, typeof raw === 'string' ? quoted(raw) : String(read.value));
    }
    case 'YES_NO_OR_PERCENT': {
      const answer = readYesNo(raw);
      if (answer !== undefined) return { ok: true, value: answer };
      const read = readNumber(input, true);
      if ('problem' in read) {
        return fail('NOT_YES_NO', `${quoted(String(raw))} bukan Ya, Tidak, atau angka 0 sampai 100`, `${quoted(String(raw))} is not Yes, No, or a number from 0 to 100`);
      }
      return checkNumber(read.value, 'PERCENT', typeof raw === 'string' ? quoted(raw) : String(read.value));
    }
    case 'CHOICE': {
      const text = String(raw).trim();
      const choices = spec.choices ?? [];
      const found = choices.find((choice) => choice.toLowerCase() === text.toLowerCase());
      if (found === undefined) {
        const list = choices.join(', ');
        return fail('UNKNOWN_CHOICE', `${quoted(text)} bukan salah satu pilihan: ${list}`, `${quoted(text)} is not one of the choices: ${list}`);
      }
      return { ok: true, value: found };
    }
    case 'TEXT': {
      const text = typeof raw === 'string' ? raw : String(raw);
      if (text.length > MAX_TEXT_ANSWER_LENGTH) {
        return fail(
          'TEXT_TOO_LONG',
          `teks ${text.length} karakter; paling banyak ${MAX_TEXT_ANSWER_LENGTH}`,
          `the text has ${text.length} characters; at most ${MAX_TEXT_ANSWER_LENGTH}`,
        );
      }
      return { ok: true, value: text };
    }
  }
}
