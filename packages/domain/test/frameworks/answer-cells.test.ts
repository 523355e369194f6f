import {
  AnswerCellInput,
  AnswerCellSpec,
  answerCellValue,
  AnswerType,
  cellSpecOfIndicator,
  cellSpecOfMeasure,
  describeAnswerCell,
  IndicatorType,
  MAX_TEXT_ANSWER_LENGTH,
  parseAnswerCell,
  RanhamMeasureAnswerType,
  validateAnswer,
} from '../../src';
import { indicator } from './builders';

const read = (spec: AnswerCellSpec, value: AnswerCellInput['value'], percentFormat = false) => parseAnswerCell(spec, { value, percentFormat });
const valueOf = (spec: AnswerCellSpec, value: AnswerCellInput['value'], percentFormat = false) => {
  const outcome = read(spec, value, percentFormat);
  if (!outcome.ok) throw new Error(`expected a value, got ${outcome.code}: ${outcome.message.en}`);
  return outcome.value;
};
const problemOf = (spec: AnswerCellSpec, value: AnswerCellInput['value']) => {
  const outcome = read(spec, value);
  if (outcome.ok) throw new Error(`expected a problem, got ${JSON.stringify(outcome.value)}`);
  return outcome;
};

const NUMBER: AnswerCellSpec = { kind: 'NUMBER' };
const PERCENT: AnswerCellSpec = { kind: 'PERCENT' };
const YES_NO: AnswerCellSpec = { kind: 'YES_NO' };
const CHOICE: AnswerCellSpec = { kind: 'CHOICE', choices: ['SEMUA_OPD', 'SEBAGIAN_OPD'] };

describe('numbers in answer cells', () => {
  it.each([
    ['82,5', 82.5],
    ['82.5', 82.5],
    [' 12 ', 12],
    ['0', 0],
    ['0,125', 0.125],
    ['1 234', 1234],
    [82.5, 82.5],
    [0, 0],
  ] as const)('%p reads as %p', (cell, expected) => {
    expect(valueOf(NUMBER, cell)).toBe(expected);
  });

  it('names the content in both languages when it is not a number', () => {
    expect(problemOf(NUMBER, 'sepuluh')).toEqual({ ok: false, code: 'NOT_A_NUMBER', message: { id: '"sepuluh" bukan angka', en: '"sepuluh" is not a number' } });
    expect(problemOf(NUMBER, 'nihil')).toMatchObject({ code: 'NIHIL_INSTEAD_OF_NUMBER', message: { id: '"nihil" bukan angka; tulis 0 bila nihil' } });
    expect(problemOf(NUMBER, ' - ').code).toBe('NIHIL_INSTEAD_OF_NUMBER');
    expect(problemOf(NUMBER, true).code).toBe('NOT_A_NUMBER');
    expect(problemOf(NUMBER, '12 orang').code).toBe('NOT_A_NUMBER');
  });

  it.each(['1.234', '1,234', '12.500'])('refuses %p, which reads differently in Indonesian and English', (cell) => {
    expect(problemOf(NUMBER, cell).code).toBe('AMBIGUOUS_NUMBER');
  });

  it('refuses a negative count', () => {
    expect(problemOf(NUMBER, -3)).toMatchObject({ code: 'NEGATIVE', message: { en: '-3 is less than 0' } });
    expect(problemOf(NUMBER, '-3,5').message.id).toBe('"-3,5" kurang dari 0');
  });

  it('shortens a long content in the message', () => {
    expect(problemOf(NUMBER, 'x'.repeat(100)).message.en).toBe(`"${'x'.repeat(37)}..." is not a number`);
  });
});

describe('percentages in answer cells', () => {
  it.each([
    ['82,5%', 82.5],
    ['82.5 %', 82.5],
    ['100', 100],
    [55, 55],
  ] as const)('%p reads as %p', (cell, expected) => {
    expect(valueOf(PERCENT, cell)).toBe(expected);
  });

  it('reads a cell shown with the % format as the percentage it shows', () => {
    expect(valueOf(PERCENT, 0.825, true)).toBe(82.5);
    expect(valueOf(PERCENT, 0.07, true)).toBe(7);
  });

  it('refuses a percentage outside 0 to 100, and a % sign on a plain number', () => {
    expect(problemOf(PERCENT, 101)).toMatchObject({ code: 'PERCENT_OUT_OF_RANGE', message: { id: '101 di luar 0 sampai 100', en: '101 is outside 0 to 100' } });
    expect(problemOf(PERCENT, '-1').code).toBe('PERCENT_OUT_OF_RANGE');
    expect(problemOf(NUMBER, '82%').code).toBe('NOT_A_NUMBER');
  });
});

describe('yes/no, choices, text and documents in answer cells', () => {
  it.each([
    ['Ya', true],
    ['tidak', false],
    [' YES ', true],
    ['No', false],
    [true, true],
    [false, false],
  ] as const)('yes/no %p reads as %p', (cell, expected) => {
    expect(valueOf(YES_NO, cell)).toBe(expected);
  });

  it('refuses other words and numbers for yes/no', () => {
    expect(problemOf(YES_NO, 'mungkin')).toMatchObject({ code: 'NOT_YES_NO', message: { id: '"mungkin" bukan Ya atau Tidak', en: '"mungkin" is not Yes or No' } });
    expect(problemOf(YES_NO, 1).code).toBe('NOT_YES_NO');
  });

  it('reads a choice whatever its case, as the framework spells it, and lists the choices otherwise', () => {
    expect(valueOf(CHOICE, ' semua_opd ')).toBe('SEMUA_OPD');
    expect(problemOf(CHOICE, 'SEBAGIAN')).toMatchObject({ code: 'UNKNOWN_CHOICE', message: { en: '"SEBAGIAN" is not one of the choices: SEMUA_OPD, SEBAGIAN_OPD' } });
  });

  it('keeps text as typed, numbers as their text, and refuses text over the limit', () => {
    expect(valueOf({ kind: 'TEXT' }, 'Rapat koordinasi 3 kali ')).toBe('Rapat koordinasi 3 kali ');
    expect(valueOf({ kind: 'TEXT' }, 12)).toBe('12');
    expect(problemOf({ kind: 'TEXT' }, 'a'.repeat(MAX_TEXT_ANSWER_LENGTH + 1)).code).toBe('TEXT_TOO_LONG');
    expect(valueOf({ kind: 'TEXT' }, 'a'.repeat(MAX_TEXT_ANSWER_LENGTH))).toHaveLength(MAX_TEXT_ANSWER_LENGTH);
  });

  it('answers nothing from a documents-only cell left empty, and refuses one that was filled', () => {
    expect(read({ kind: 'DOCUMENT' }, undefined)).toEqual({ ok: true, value: undefined });
    expect(read({ kind: 'DOCUMENT' }, '  ')).toEqual({ ok: true, value: undefined });
    expect(problemOf({ kind: 'DOCUMENT' }, 'Ya').code).toBe('DOCUMENT_ONLY');
  });

  it('reads a blank cell as a cleared answer', () => {
    for (const spec of [NUMBER, PERCENT, YES_NO, CHOICE, { kind: 'TEXT' } as const, { kind: 'YES_NO_OR_PERCENT' } as const]) {
      expect(read(spec, undefined)).toEqual({ ok: true, value: null });
      expect(read(spec, '   ')).toEqual({ ok: true, value: null });
    }
  });

  it('reads the old RANHAM answer as yes/no or a percentage', () => {
    const spec: AnswerCellSpec = { kind: 'YES_NO_OR_PERCENT' };
    expect(valueOf(spec, 'Ya')).toBe(true);
    expect(valueOf(spec, '75,5')).toBe(75.5);
    expect(problemOf(spec, 'sebagian').code).toBe('NOT_YES_NO');
    expect(problemOf(spec, 120).code).toBe('PERCENT_OUT_OF_RANGE');
  });
});

describe('specs, words and shown values', () => {
  it('maps every indicator answer type, and what it reads fits the indicator', () => {
    const cases: [AnswerType, AnswerCellInput['value']][] = [
      [AnswerType.YES_NO, 'Ya'],
      [AnswerType.NUMBER, '12,5'],
      [AnswerType.BANDED, 3],
      [AnswerType.PERCENT, '82,5%'],
      [AnswerType.CHOICE, 'sebagian_opd'],
      [AnswerType.TEXT_ONLY, 'Ada'],
    ];
    for (const [answerType, cell] of cases) {
      const item = indicator('X.1', 'X', IndicatorType.HASIL, answerType, {
        choices: answerType === AnswerType.CHOICE ? [{ value: 'SEBAGIAN_OPD', points: 5 }] : undefined,
      });
      const value = valueOf(cellSpecOfIndicator(item), cell);
      expect([answerType, validateAnswer(item, value ?? null)]).toEqual([answerType, null]);
    }
    expect(cellSpecOfIndicator(indicator('X.2', 'X', IndicatorType.PROSES, AnswerType.DOCUMENT_ONLY)).kind).toBe('DOCUMENT');
  });

  it('maps every measure answer type', () => {
    const measure = (answerType: RanhamMeasureAnswerType) => cellSpecOfMeasure({ periodCode: 'B04', measure: 'm', code: 'A.B04.1', answerType, requiredDocuments: [] }).kind;
    expect(Object.values(RanhamMeasureAnswerType).map(measure)).toEqual(['YES_NO', 'PERCENT', 'NUMBER', 'TEXT', 'YES_NO_OR_PERCENT']);
  });

  it('describes each kind in both languages', () => {
    expect(describeAnswerCell(CHOICE).allowed).toEqual({ id: 'Salah satu dari: SEMUA_OPD, SEBAGIAN_OPD', en: 'One of: SEMUA_OPD, SEBAGIAN_OPD' });
    expect(describeAnswerCell({ kind: 'DOCUMENT' }).allowed.id).toContain('unggah dokumen di aplikasi');
  });

  it('shows yes/no in the download’s words, which read back to the same answer', () => {
    expect(answerCellValue(true, 'id')).toBe('Ya');
    expect(answerCellValue(false, 'en')).toBe('No');
    expect(answerCellValue(82.5, 'id')).toBe(82.5);
    expect(answerCellValue(null, 'id')).toBeNull();
    for (const locale of ['id', 'en'] as const) {
      for (const answer of [true, false]) expect(valueOf(YES_NO, answerCellValue(answer, locale) as string)).toBe(answer);
    }
  });
});
