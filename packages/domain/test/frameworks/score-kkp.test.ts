import {
  AnswerType,
  Indicator,
  InvalidFrameworkError,
  IndicatorType,
  KKP_HAM_2021_SAMPLE,
  KkpBand,
  scoreKkp,
} from '../../src';
import { roundTo2 } from '../../src/frameworks/rounding';
import { criterion, framework, indicator, TEN_EIGHT_SIX_BANDS } from './builders';

const { STRUKTUR, PROSES, HASIL } = IndicatorType;

/*
 * Worked example 1: two criteria with all three types, a rejected indicator, and every kind of rule.
 *   A: A.S1 YES_NO yes                  10 of 10   STRUKTUR 10 × 10/10          = 10
 *      A.P1 PERCENT 50%                  5 of 10
 *      A.P2 YES_NO yes but REJECTED      0 of 10   PROSES   30 × (5+0)/(10+10)  = 7.5
 *      A.H1 BANDED 72 (≥ 50)             6 of 10   HASIL    60 × 6/10           = 36     A = 53.5
 *   B: B.S1 YES_NO no                    0 of 10   STRUKTUR 10 × 0/10           = 0
 *      B.P1 CHOICE SEBAGIAN              5 of 10   PROSES   30 × 5/10           = 15
 *      B.H1 NUMBER 3, no bands (> 0)    10 of 10   HASIL    60 × 10/10          = 60     B = 75
 *   base = (53.5 + 75) / 2 = 64.25 → MULAI_PEDULI (below 65)
 */
const exampleOne = framework(
  [criterion('A'), criterion('B')],
  [
    indicator('A.S1', 'A', STRUKTUR, AnswerType.YES_NO),
    indicator('A.P1', 'A', PROSES, AnswerType.PERCENT),
    indicator('A.P2', 'A', PROSES, AnswerType.YES_NO),
    indicator('A.H1', 'A', HASIL, AnswerType.BANDED, { bands: TEN_EIGHT_SIX_BANDS }),
    indicator('B.S1', 'B', STRUKTUR, AnswerType.YES_NO),
    indicator('B.P1', 'B', PROSES, AnswerType.CHOICE, {
      choices: [
        { value: 'SELURUHNYA', points: 10 },
        { value: 'SEBAGIAN', points: 5 },
      ],
    }),
    indicator('B.H1', 'B', HASIL, AnswerType.NUMBER),
  ],
  {
    adjustments: [
      { code: 'AKSI_HAM', name: 'Bonus Aksi HAM', kind: 'BONUS', cap: 5 },
      { code: 'PENGADUAN', name: 'Pengaduan belum ditindaklanjuti', kind: 'PENALTY', cap: 10, perUnit: 2 },
    ],
  },
);
const exampleOneAnswers = { 'A.S1': true, 'A.P1': 50, 'A.P2': true, 'A.H1': 72, 'B.S1': false, 'B.P1': 'SEBAGIAN', 'B.H1': 3 };

describe('scoreKkp worked example 1: the 10/30/60 scheme', () => {
  const result = scoreKkp(exampleOne, { answers: exampleOneAnswers, rejected: { 'A.P2': 'NOTULEN_TIDAK_ADA' } });

  it('explains each indicator', () => {
    expect(result.indicators).toEqual([
      { code: 'A.S1', criterionCode: 'A', type: STRUKTUR, points: 10, maxPoints: 10, status: 'SCORED', rule: 'YES_NO: yes → 10 of 10' },
      { code: 'A.P1', criterionCode: 'A', type: PROSES, points: 5, maxPoints: 10, status: 'SCORED', rule: 'PERCENT: 50% of 10 → 5 of 10' },
      {
        code: 'A.P2',
        criterionCode: 'A',
        type: PROSES,
        points: 0,
        maxPoints: 10,
        status: 'REJECTED',
        reason: 'NOTULEN_TIDAK_ADA',
        rule: 'REJECTED (NOTULEN_TIDAK_ADA) → 0 of 10',
      },
      { code: 'A.H1', criterionCode: 'A', type: HASIL, points: 6, maxPoints: 10, status: 'SCORED', rule: 'BANDED: value 72 ≥ 50 → 6 of 10' },
      { code: 'B.S1', criterionCode: 'B', type: STRUKTUR, points: 0, maxPoints: 10, status: 'SCORED', rule: 'YES_NO: no → 0 of 10' },
      { code: 'B.P1', criterionCode: 'B', type: PROSES, points: 5, maxPoints: 10, status: 'SCORED', rule: 'CHOICE: "SEBAGIAN" → 5 of 10' },
      { code: 'B.H1', criterionCode: 'B', type: HASIL, points: 10, maxPoints: 10, status: 'SCORED', rule: 'NUMBER: value 3 > 0 → 10 of 10' },
    ]);
  });

  it('weights the types 10/30/60 inside each criterion', () => {
    expect(result.criteria[0]).toEqual({
      code: 'A',
      subtotals: {
        STRUKTUR: { earned: 10, max: 10, weight: 10, weighted: 10 },
        PROSES: { earned: 5, max: 20, weight: 30, weighted: 7.5 },
        HASIL: { earned: 6, max: 10, weight: 60, weighted: 36 },
      },
      score: 53.5,
    });
    expect(result.criteria[1].score).toBe(75);
  });

  it('averages the criteria', () => {
    expect(result.baseTotal).toBe(64.25);
    expect(result.total).toBe(64.25);
    expect(result.band).toBe(KkpBand.MULAI_PEDULI);
    expect(result.adjustments.map((a) => a.applied)).toEqual([0, 0]);
  });
});

/*
 * Worked example 2: adjustments, one of them hitting its cap.
 *   base 64.25 (example 1)
 *   AKSI_HAM bonus: 8 points requested, cap 5         → +5 (capped)
 *   PENGADUAN penalty: 2 complaints × 2 points = 4, cap 10 → −4
 *   total = 64.25 + 5 − 4 = 65.25 → CUKUP_PEDULI
 */
describe('scoreKkp worked example 2: adjustments and caps', () => {
  it('adds the capped bonus and subtracts the penalty', () => {
    const result = scoreKkp(exampleOne, {
      answers: exampleOneAnswers,
      rejected: { 'A.P2': 'NOTULEN_TIDAK_ADA' },
      adjustments: { AKSI_HAM: 8, PENGADUAN: 2 },
    });
    expect(result.adjustments).toEqual([
      { code: 'AKSI_HAM', kind: 'BONUS', requested: 8, applied: 5, capped: true },
      { code: 'PENGADUAN', kind: 'PENALTY', requested: 4, applied: -4, capped: false },
    ]);
    expect(result.baseTotal).toBe(64.25);
    expect(result.total).toBe(65.25);
    expect(result.band).toBe(KkpBand.CUKUP_PEDULI);
  });

  it('caps the penalty too, and clamps the total at 0', () => {
    // 30 complaints × 2 = 60 requested, capped at 10: 64.25 − 10 = 54.25
    const capped = scoreKkp(exampleOne, { answers: exampleOneAnswers, adjustments: { PENGADUAN: 30 } });
    expect(capped.adjustments[1]).toMatchObject({ requested: 60, applied: -10, capped: true });
    // Without the rejection A.P2 earns its 10: A = 10 + 30×15/20 + 36 = 68.5, base (68.5 + 75)/2 = 71.75
    expect(capped.total).toBe(61.75);
    const empty = scoreKkp(exampleOne, { answers: {}, adjustments: { PENGADUAN: 3 } });
    expect(empty.baseTotal).toBe(0);
    expect(empty.total).toBe(0);
  });

  it('clamps the total at 100', () => {
    const full = { 'A.S1': true, 'A.P1': 100, 'A.P2': true, 'A.H1': 250, 'B.S1': true, 'B.P1': 'SELURUHNYA', 'B.H1': 1 };
    const result = scoreKkp(exampleOne, { answers: full, adjustments: { AKSI_HAM: 3 } });
    expect(result.baseTotal).toBe(100);
    expect(result.total).toBe(100);
    expect(result.band).toBe(KkpBand.PEDULI);
  });

  it('refuses unknown adjustment codes and negative values rather than ignoring them', () => {
    expect(() => scoreKkp(exampleOne, { answers: {}, adjustments: { BONUS_LAIN: 1 } })).toThrow(RangeError);
    expect(() => scoreKkp(exampleOne, { answers: {}, adjustments: { PENGADUAN: -1 } })).toThrow(RangeError);
  });
});

/*
 * Worked example 3: a criterion without STRUKTUR indicators, and an unanswered indicator.
 *   A has only PROSES and HASIL, so their weights 30 and 60 are scaled to fill 100: 33.33… and 66.66….
 *      A.P1 YES_NO yes      10 of 10   PROSES 100/3 × 1       = 33.333…
 *      A.H1 PERCENT 60%      6 of 10   HASIL  200/3 × 0.6     = 40          A = 73.333…
 *   B: B.S1 YES_NO yes      10 of 10   STRUKTUR 10
 *      B.P1 unanswered       0 of 10   PROSES 0
 *      B.H1 TEXT_ONLY       10 of 10   HASIL 60                              B = 70
 *   base = (73.333… + 70) / 2 = 71.666… → 71.67, CUKUP_PEDULI
 */
describe('scoreKkp worked example 3: a criterion missing a type', () => {
  const version = framework(
    [criterion('A'), criterion('B')],
    [
      indicator('A.P1', 'A', PROSES, AnswerType.YES_NO),
      indicator('A.H1', 'A', HASIL, AnswerType.PERCENT),
      indicator('B.S1', 'B', STRUKTUR, AnswerType.YES_NO),
      indicator('B.P1', 'B', PROSES, AnswerType.DOCUMENT_ONLY),
      indicator('B.H1', 'B', HASIL, AnswerType.TEXT_ONLY),
    ],
  );
  const result = scoreKkp(version, {
    answers: { 'A.P1': true, 'A.H1': 60, 'B.S1': true, 'B.P1': null, 'B.H1': 'Laporan tahunan layanan pengaduan' },
  });

  it('shares the missing type’s weight in proportion', () => {
    const a = result.criteria[0];
    expect(a.subtotals.STRUKTUR).toEqual({ earned: 0, max: 0, weight: 0, weighted: 0 });
    expect(a.subtotals.PROSES.weight).toBeCloseTo(100 / 3, 12);
    expect(a.subtotals.HASIL.weight).toBeCloseTo(200 / 3, 12);
    expect(a.score).toBeCloseTo(73.3333333333, 9);
  });

  it('scores the unanswered indicator 0 and says so', () => {
    expect(result.indicators[3]).toMatchObject({ code: 'B.P1', points: 0, status: 'UNANSWERED', reason: 'UNANSWERED' });
    expect(result.criteria[1].score).toBe(70);
  });

  it('rounds the total once', () => {
    expect(result.baseTotal).toBeCloseTo(71.6666666667, 9);
    expect(result.total).toBe(71.67);
    expect(result.band).toBe(KkpBand.CUKUP_PEDULI);
  });
});

/*
 * Worked example 4: rounding only at the end.
 *   STRUKTUR 2 of 3 points, PROSES 2 of 9, HASIL 1 of 9:
 *   exact:    10 × 2/3 + 30 × 2/9 + 60 × 1/9 = 6.666… + 6.666… + 6.666… = 20   → 20.00
 *   rounding each weighted subtotal first:       6.67  + 6.67  + 6.67  = 20.01
 */
describe('scoreKkp worked example 4: rounding only at the end', () => {
  const version = framework(
    [criterion('A')],
    [
      indicator('A.S1', 'A', STRUKTUR, AnswerType.YES_NO, { points: 2 }),
      indicator('A.S2', 'A', STRUKTUR, AnswerType.YES_NO, { points: 1 }),
      indicator('A.P1', 'A', PROSES, AnswerType.YES_NO, { points: 2 }),
      indicator('A.P2', 'A', PROSES, AnswerType.YES_NO, { points: 7 }),
      indicator('A.H1', 'A', HASIL, AnswerType.YES_NO, { points: 1 }),
      indicator('A.H2', 'A', HASIL, AnswerType.YES_NO, { points: 8 }),
    ],
  );
  const result = scoreKkp(version, {
    answers: { 'A.S1': true, 'A.S2': false, 'A.P1': true, 'A.P2': false, 'A.H1': true, 'A.H2': false },
  });

  it('gives 20, where rounding intermediate values would give 20.01', () => {
    const roundedFirst = Object.values(result.criteria[0].subtotals).reduce((sum, s) => sum + roundTo2(s.weighted), 0);
    expect(roundTo2(roundedFirst)).toBe(20.01);
    expect(result.total).toBe(20);
  });

  it('puts a total of 74.996 in PEDULI, because the published total reads 75.00', () => {
    const single = framework([criterion('A')], [indicator('A.H1', 'A', HASIL, AnswerType.PERCENT)]);
    const scored = scoreKkp(single, { answers: { 'A.H1': 74.996 } });
    expect(scored.baseTotal).toBeCloseTo(74.996, 10);
    expect(scored.total).toBe(75);
    expect(scored.band).toBe(KkpBand.PEDULI);
  });
});

describe('scoreKkp on the sample framework', () => {
  const seed = KKP_HAM_2021_SAMPLE;

  it('scores no answers as 0, every indicator UNANSWERED', () => {
    const result = scoreKkp(seed, { answers: {} });
    expect(result.total).toBe(0);
    expect(result.band).toBe(KkpBand.KURANG_PEDULI);
    expect(result.indicators.every((i) => i.status === 'UNANSWERED')).toBe(true);
    expect(result.indicators).toHaveLength(30);
  });

  it('scores the best answers as 100', () => {
    const best = Object.fromEntries(
      seed.indicators.map((i) => {
        switch (i.answerType) {
          case AnswerType.YES_NO:
          case AnswerType.DOCUMENT_ONLY:
            return [i.code, true];
          case AnswerType.CHOICE:
            return [i.code, i.choices?.[0].value ?? ''];
          case AnswerType.TEXT_ONLY:
            return [i.code, 'Dialog lintas agama triwulanan bersama FKUB'];
          default:
            return [i.code, 100];
        }
      }),
    );
    const result = scoreKkp(seed, { answers: best });
    expect(result.total).toBe(100);
    expect(result.band).toBe(KkpBand.PEDULI);
    expect(result.criteria.map((c) => c.score)).toEqual(Array(10).fill(100));
  });

  it('marks "nihil" where a number belongs as INVALID, worth 0', () => {
    const result = scoreKkp(seed, { answers: { 'K1.H1': 'nihil', 'K1.S1': true } });
    expect(result.indicators[2]).toMatchObject({ code: 'K1.H1', status: 'INVALID', reason: 'NIHIL_INSTEAD_OF_NUMBER', points: 0 });
    // K1: STRUKTUR 10 of 10 → 10; mean over 10 criteria = 1
    expect(result.total).toBe(1);
  });

  it('scores a value below every band as 0', () => {
    const result = scoreKkp(seed, { answers: { 'K8.P1': -3 } });
    expect(result.indicators[22]).toMatchObject({ points: 0, rule: 'NUMBER: value -3 < 0 (below every band) → 0 of 10' });
  });

  it('refuses to score an invalid framework', () => {
    const broken = { ...seed, rules: { ...seed.rules, typeWeights: { STRUKTUR: 10, PROSES: 30, HASIL: 50 } } };
    expect(() => scoreKkp(broken, { answers: {} })).toThrow(InvalidFrameworkError);
  });
});

describe('scoreKkp: a NUMBER or PERCENT scored against a target', () => {
  const scored = (value: number, target: Indicator['target'], answerType = AnswerType.NUMBER) => {
    const version = framework([criterion('A')], [indicator('A.H1', 'A', HASIL, answerType, { target })]);
    return scoreKkp(version, { answers: { 'A.H1': value } }).indicators[0];
  };

  it('earns its share of the target and shows the sum: 42 of 100 cases is 4.20 of 10', () => {
    expect(scored(42, { value: 100, rounding: 'TWO_DECIMALS' })).toMatchObject({
      points: 4.2,
      status: 'SCORED',
      rule: 'NUMBER (target 100): min(42 / 100, 1) x 10 = 4.20 → 4.2 of 10',
    });
  });

  it('earns no more than the full points above the target', () => {
    expect(scored(150, { value: 100 })).toMatchObject({ points: 10, rule: 'NUMBER (target 100): min(150 / 100, 1) x 10 = 10 → 10 of 10' });
  });

  it('stops at the cap: a ratio capped at 0.8 earns at most 8 of 10', () => {
    expect(scored(95, { value: 100, cap: 0.8 }).points).toBe(8);
    expect(scored(50, { value: 100, cap: 0.8 }).points).toBe(5);
  });

  it('keeps full precision without a rounding rule, rounds to 2 decimals or floors to whole points when told', () => {
    expect(scored(1, { value: 3 }).points).toBeCloseTo(10 / 3, 12);
    expect(scored(1, { value: 3, rounding: 'TWO_DECIMALS' }).points).toBe(3.33);
    expect(scored(2, { value: 3, rounding: 'TWO_DECIMALS' }).points).toBe(6.67);
    expect(scored(2, { value: 3, rounding: 'WHOLE_POINTS' })).toMatchObject({
      points: 6,
      rule: 'NUMBER (target 3): min(2 / 3, 1) x 10 = 6.6667, rounded down to whole points = 6 → 6 of 10',
    });
  });

  it('floors a whole share exactly, without float noise costing a point', () => {
    // 0.7 / 0.1 x 10 is 69.99999999999999 in binary floating point; the region has earned the full 7 of 10 per 0.1.
    const version = framework([criterion('A')], [indicator('A.H1', 'A', HASIL, AnswerType.NUMBER, { points: 100, target: { value: 1, rounding: 'WHOLE_POINTS' } })]);
    expect(scoreKkp(version, { answers: { 'A.H1': 0.7 } }).indicators[0].points).toBe(70);
  });

  it('scores 0 and a negative value as 0, never below', () => {
    expect(scored(0, { value: 100 })).toMatchObject({ points: 0, status: 'SCORED' });
    expect(scored(-5, { value: 100 }).points).toBe(0);
  });

  it('scores a PERCENT against its target: 60% of a target of 80% is 7.5 of 10', () => {
    expect(scored(60, { value: 80 }, AnswerType.PERCENT)).toMatchObject({
      points: 7.5,
      rule: 'PERCENT (target 80): min(60 / 80, 1) x 10 = 7.5 → 7.5 of 10',
    });
  });

  it('carries the share into the criterion score', () => {
    const version = framework([criterion('A')], [indicator('A.H1', 'A', HASIL, AnswerType.NUMBER, { target: { value: 100 } })]);
    expect(scoreKkp(version, { answers: { 'A.H1': 42 } }).total).toBe(42);
  });
});
