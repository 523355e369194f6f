import { AnswerType, AnswerValue, IndicatorType, MAX_TEXT_ANSWER_LENGTH, validateAnswer } from '../../src';
import { indicator } from './builders';

const of = (answerType: AnswerType) =>
  indicator('X.1', 'X', IndicatorType.HASIL, answerType, {
    bands: answerType === AnswerType.BANDED ? [{ min: 0, points: 0 }] : undefined,
    choices: answerType === AnswerType.CHOICE ? [{ value: 'YA_SELURUHNYA', points: 10 }, { value: 'SEBAGIAN', points: 5 }] : undefined,
  });

const codeOf = (answerType: AnswerType, value: AnswerValue) => validateAnswer(of(answerType), value)?.code ?? null;

const NUMERIC = [AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.BANDED];

describe('validateAnswer for numeric indicators', () => {
  it.each(NUMERIC.flatMap((type) => ['nihil', ' NIHIL ', 'Nihil', '-', ' - ', 'nil', 'NIL'].map((v) => [type, v] as const)))(
    '%s %j -> NIHIL_INSTEAD_OF_NUMBER',
    (type, value) => {
      expect(codeOf(type, value)).toBe('NIHIL_INSTEAD_OF_NUMBER');
    },
  );

  it.each(NUMERIC.flatMap((type) => (['12', '0', 'dua belas', true, Number.NaN, Number.POSITIVE_INFINITY] as AnswerValue[]).map((v) => [type, v] as const)))(
    '%s %p -> NOT_A_NUMBER',
    (type, value) => {
      expect(codeOf(type, value)).toBe('NOT_A_NUMBER');
    },
  );

  it.each(NUMERIC)('%s accepts 0 and positive numbers', (type) => {
    expect(codeOf(type, 0)).toBeNull();
    expect(codeOf(type, 42.5)).toBeNull();
  });

  it.each([
    [101, 'PERCENT_OUT_OF_RANGE'],
    [-0.1, 'PERCENT_OUT_OF_RANGE'],
    [100, null],
    [0, null],
    [99.99, null],
  ])('PERCENT %p -> %p', (value, code) => {
    expect(codeOf(AnswerType.PERCENT, value)).toBe(code);
  });

  it('explains the nihil problem in Indonesian first, then English', () => {
    const problem = validateAnswer(of(AnswerType.NUMBER), 'nihil');
    expect(problem?.message.id).toContain('0');
    expect(problem?.message.id).toContain('nihil');
    expect(problem?.message.en).toContain('not "nihil"');
    expect(Object.keys(problem?.message ?? {})).toEqual(['id', 'en']);
  });
});

describe('validateAnswer for other indicators', () => {
  it.each([
    [AnswerType.YES_NO, true, null],
    [AnswerType.YES_NO, false, null],
    [AnswerType.YES_NO, 'ya', 'NOT_YES_NO'],
    [AnswerType.YES_NO, 1, 'NOT_YES_NO'],
    [AnswerType.CHOICE, 'SEBAGIAN', null],
    [AnswerType.CHOICE, 'sebagian', 'UNKNOWN_CHOICE'],
    [AnswerType.CHOICE, 5, 'UNKNOWN_CHOICE'],
    [AnswerType.TEXT_ONLY, 'Rapat koordinasi lintas agama, 3 kali', null],
    [AnswerType.TEXT_ONLY, 12, 'NOT_TEXT'],
    [AnswerType.TEXT_ONLY, 'x'.repeat(MAX_TEXT_ANSWER_LENGTH), null],
    [AnswerType.TEXT_ONLY, 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1), 'TEXT_TOO_LONG'],
    [AnswerType.DOCUMENT_ONLY, true, null],
    [AnswerType.DOCUMENT_ONLY, false, 'NOT_DOCUMENT_CONFIRMATION'],
    [AnswerType.DOCUMENT_ONLY, 'ada', 'NOT_DOCUMENT_CONFIRMATION'],
  ] as [AnswerType, AnswerValue, string | null][])('%s %p -> %p', (type, value, code) => {
    expect(codeOf(type, value)).toBe(code);
  });

  it.each(Object.values(AnswerType))('%s: null and blank text mean unanswered, which is not a problem', (type) => {
    expect(codeOf(type, null)).toBeNull();
    expect(codeOf(type, '   ')).toBeNull();
  });
});
