import type { MessageKey } from '../../i18n/messages';
import type { AnswerKind, AnswerValue } from './tasks';

/**
 * What a person typed (always a string in a form) as the answer the API takes, or the reason it is not one yet.
 * Numbers are written the Indonesian way ("75,50") or with a point; "nihil" and its spellings are refused where a
 * number belongs, as the API does, so the person learns it while typing rather than at submit.
 */
export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; problem: MessageKey };

const NIHIL_SPELLINGS = ['nihil', 'nil', '-', '–', '—'];
const NUMBER = /^-?\d+([.,]\d+)?$/;

function parseNumber(raw: string, kind: 'NUMBER' | 'PERCENT'): ParsedAnswer {
  const typed = raw.trim().replace(/\s/g, '');
  if (NIHIL_SPELLINGS.includes(typed.toLowerCase())) return { ok: false, problem: 'report.answer.nihil' };
  if (!NUMBER.test(typed)) return { ok: false, problem: 'report.answer.notANumber' };
  const value = Number(typed.replace(',', '.'));
  if (kind === 'PERCENT' && (value < 0 || value > 100)) return { ok: false, problem: 'report.answer.percentRange' };
  if (kind === 'NUMBER' && value < 0) return { ok: false, problem: 'report.answer.negative' };
  return { ok: true, value };
}

export function parseAnswer(kind: AnswerKind, raw: string, choices: readonly string[] = []): ParsedAnswer {
  // Blank means "not answered yet": saved as no answer, never an error.
  if (raw.trim() === '') return { ok: true, value: null };
  switch (kind) {
    case 'YES_NO':
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return { ok: false, problem: 'report.answer.yesNo' };
    case 'NUMBER':
    case 'PERCENT':
      return parseNumber(raw, kind);
    case 'CHOICE':
      return choices.includes(raw) ? { ok: true, value: raw } : { ok: false, problem: 'report.answer.choice' };
    case 'TEXT':
      return raw.length > 4000 ? { ok: false, problem: 'report.answer.tooLong' } : { ok: true, value: raw };
    case 'DOCUMENT_ONLY':
      return { ok: true, value: null };
  }
}

/** A stored answer as the form shows it again: numbers with a decimal comma in Indonesian. */
export function formatAnswer(value: AnswerValue | undefined, language: 'id' | 'en'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return language === 'id' ? String(value).replace('.', ',') : String(value);
  return String(value);
}
