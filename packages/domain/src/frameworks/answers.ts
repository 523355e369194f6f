import { Bilingual } from '../locale';
import { AnswerValue } from '../submissions';
import { AnswerType, Indicator } from './model';

export type AnswerProblemCode =
  | 'NIHIL_INSTEAD_OF_NUMBER'
  | 'NOT_A_NUMBER'
  | 'PERCENT_OUT_OF_RANGE'
  | 'NOT_YES_NO'
  | 'UNKNOWN_CHOICE'
  | 'NOT_TEXT'
  | 'TEXT_TOO_LONG'
  | 'NOT_DOCUMENT_CONFIRMATION';

export interface AnswerProblem {
  code: AnswerProblemCode;
  message: Bilingual;
}

export const MAX_TEXT_ANSWER_LENGTH = 4000;

/** Ways people write "nothing" where a number belongs; verifiers reject these, so we catch them at entry. */
const NIHIL_SPELLINGS: readonly string[] = ['nihil', 'nil', '-', '–', '—'];

/** Null, a missing key or a blank string: not answered yet, which is not an error. */
export function isUnanswered(value: AnswerValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim().length === 0);
}

function problem(code: AnswerProblemCode, id: string, en: string): AnswerProblem {
  return { code, message: { id, en } };
}

function checkNumeric(indicator: Indicator, value: AnswerValue): AnswerProblem | null {
  if (typeof value === 'string' && NIHIL_SPELLINGS.includes(value.trim().toLowerCase())) {
    return problem(
      'NIHIL_INSTEAD_OF_NUMBER',
      `Indikator ${indicator.code} meminta angka; tulis 0, bukan "nihil".`,
      `Indicator ${indicator.code} needs a number; enter 0, not "nihil".`,
    );
  }
  // A numeric-looking string ("12") is still refused: the form must send a number, so a string means a bug upstream.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return problem(
      'NOT_A_NUMBER',
      `Indikator ${indicator.code} meminta angka.`,
      `Indicator ${indicator.code} needs a number.`,
    );
  }
  if (indicator.answerType === AnswerType.PERCENT && (value < 0 || value > 100)) {
    return problem(
      'PERCENT_OUT_OF_RANGE',
      `Indikator ${indicator.code} meminta persentase antara 0 dan 100; diisi ${value}.`,
      `Indicator ${indicator.code} needs a percentage between 0 and 100; got ${value}.`,
    );
  }
  return null;
}

/** Checks one answer against its indicator. Unanswered is not a problem; it simply scores nothing. */
export function validateAnswer(indicator: Indicator, value: AnswerValue): AnswerProblem | null {
  if (isUnanswered(value)) return null;
  switch (indicator.answerType) {
    case AnswerType.NUMBER:
    case AnswerType.PERCENT:
    case AnswerType.BANDED:
      return checkNumeric(indicator, value);
    case AnswerType.YES_NO:
      return typeof value === 'boolean'
        ? null
        : problem('NOT_YES_NO', `Indikator ${indicator.code} meminta jawaban ya/tidak.`, `Indicator ${indicator.code} needs a yes/no answer.`);
    case AnswerType.CHOICE: {
      const known = typeof value === 'string' && (indicator.choices ?? []).some((choice) => choice.value === value);
      return known
        ? null
        : problem(
            'UNKNOWN_CHOICE',
            `Jawaban indikator ${indicator.code} harus salah satu pilihan yang tersedia.`,
            `The answer to indicator ${indicator.code} must be one of its choices.`,
          );
    }
    case AnswerType.TEXT_ONLY:
      if (typeof value !== 'string') {
        return problem('NOT_TEXT', `Indikator ${indicator.code} meminta uraian teks.`, `Indicator ${indicator.code} needs a text answer.`);
      }
      return value.length > MAX_TEXT_ANSWER_LENGTH
        ? problem(
            'TEXT_TOO_LONG',
            `Uraian indikator ${indicator.code} paling banyak ${MAX_TEXT_ANSWER_LENGTH} karakter.`,
            `The text for indicator ${indicator.code} may have at most ${MAX_TEXT_ANSWER_LENGTH} characters.`,
          )
        : null;
    case AnswerType.DOCUMENT_ONLY:
      // The documents themselves are checked elsewhere; the answer only confirms they were uploaded.
      return value === true
        ? null
        : problem(
            'NOT_DOCUMENT_CONFIRMATION',
            `Indikator ${indicator.code} hanya meminta unggahan data dukung.`,
            `Indicator ${indicator.code} only asks for supporting documents to be uploaded.`,
          );
  }
}
