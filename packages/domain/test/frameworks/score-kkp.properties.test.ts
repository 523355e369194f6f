import fc from 'fast-check';
import {
  AdjustmentRule,
  AnswerType,
  AnswerValue,
  BandEdge,
  bandFor,
  Criterion,
  DocumentType,
  FrameworkStatus,
  FrameworkVersion,
  Indicator,
  INDICATOR_TYPES,
  KkpScoreInput,
  Programme,
  RightsGroup,
  scoreKkp,
  validateFrameworkVersion,
} from '../../src';

const ANSWER_TYPES = Object.values(AnswerType);

/**
 * Band tables whose points never fall as the value rises ("higher is better"), which is what the monotonicity
 * property is about. Lower-is-better tables are valid data too, and are deliberately not generated here.
 */
const pointBandsArb = (maxPoints: number) =>
  fc
    .uniqueArray(fc.integer({ min: -20, max: 300 }), { minLength: 1, maxLength: 6 })
    .chain((mins) =>
      fc.array(fc.integer({ min: 0, max: maxPoints }), { minLength: mins.length, maxLength: mins.length }).map((points) => {
        const sortedMins = [...mins].sort((a, b) => a - b);
        const sortedPoints = [...points].sort((a, b) => a - b);
        return sortedMins.map((min, i) => ({ min, points: sortedPoints[i] }));
      }),
    );

const indicatorArb = (code: string, criterionCode: string): fc.Arbitrary<Indicator> =>
  fc
    .record({
      type: fc.constantFrom(...INDICATOR_TYPES),
      answerType: fc.constantFrom(...ANSWER_TYPES),
      points: fc.integer({ min: 1, max: 20 }),
      numberHasBands: fc.boolean(),
    })
    .chain(({ type, answerType, points, numberHasBands }) => {
      const base: Indicator = {
        code,
        criterionCode,
        type,
        answerType,
        points,
        text: `Indikator ${code}`,
        evidence: { allowedDocumentTypes: [DocumentType.LAPORAN], minCount: 1 },
      };
      if (answerType === AnswerType.BANDED || (answerType === AnswerType.NUMBER && numberHasBands)) {
        return pointBandsArb(points).map((bands): Indicator => ({ ...base, bands }));
      }
      if (answerType === AnswerType.CHOICE) {
        return fc
          .uniqueArray(fc.record({ value: fc.string({ minLength: 1, maxLength: 6 }), points: fc.integer({ min: 0, max: points }) }), {
            minLength: 1,
            maxLength: 4,
            selector: (choice) => choice.value,
          })
          .map((choices): Indicator => ({ ...base, choices }));
      }
      return fc.constant(base);
    });

/** Three whole weights, each at least 1 so every criterion can score, summing to exactly 100. */
const typeWeightsArb = fc
  .integer({ min: 1, max: 98 })
  .chain((s) => fc.integer({ min: 1, max: 99 - s }).map((p) => ({ STRUKTUR: s, PROSES: p, HASIL: 100 - s - p })));

const bandEdgesArb: fc.Arbitrary<BandEdge[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 5 })
  .map((mins) => [0, ...mins].map((min, i) => ({ band: `KATEGORI_${i}`, min })));

const adjustmentsArb: fc.Arbitrary<AdjustmentRule[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom<'BONUS' | 'PENALTY'>('BONUS', 'PENALTY'),
      cap: fc.integer({ min: 0, max: 20 }),
      perUnit: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  )
  .map((rules) => rules.map((rule, i) => ({ code: `ADJ${i}`, name: `Penyesuaian ${i}`, ...rule })));

const frameworkArb: fc.Arbitrary<FrameworkVersion> = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 })
  .chain((indicatorCounts) => {
    const criteria: Criterion[] = indicatorCounts.map((_, c) => ({ code: `C${c}`, name: `Kriteria ${c}`, rightsGroup: RightsGroup.EKOSOB }));
    const indicatorArbs = indicatorCounts.flatMap((count, c) =>
      Array.from({ length: count }, (_, i) => indicatorArb(`C${c}.I${i}`, `C${c}`)),
    );
    return fc.record({
      indicators: fc.tuple(...indicatorArbs),
      typeWeights: typeWeightsArb,
      bands: bandEdgesArb,
      adjustments: adjustmentsArb,
    }).map(({ indicators, typeWeights, bands, adjustments }): FrameworkVersion => ({
      programme: Programme.KKP_HAM,
      frameworkCode: 'GEN',
      version: 1,
      status: FrameworkStatus.PUBLISHED,
      label: 'Kerangka bangkitan',
      criteria,
      indicators,
      rules: { typeWeights, bands, adjustments },
    }));
  });

/** A valid answer for an indicator. */
function validAnswerArb(indicator: Indicator): fc.Arbitrary<AnswerValue> {
  switch (indicator.answerType) {
    case AnswerType.YES_NO:
      return fc.boolean();
    case AnswerType.NUMBER:
    case AnswerType.BANDED:
      return fc.oneof(fc.integer({ min: -30, max: 400 }), fc.double({ min: -30, max: 400, noNaN: true }));
    case AnswerType.PERCENT:
      return fc.double({ min: 0, max: 100, noNaN: true });
    case AnswerType.CHOICE:
      return fc.constantFrom(...(indicator.choices ?? []).map((choice) => choice.value));
    case AnswerType.TEXT_ONLY:
      return fc.string({ maxLength: 30 });
    case AnswerType.DOCUMENT_ONLY:
      return fc.constant(true);
  }
}

/** Mostly valid answers, some unanswered, some of the wrong kind ("nihil", a number as text, a stray boolean). */
const answerArb = (indicator: Indicator): fc.Arbitrary<AnswerValue> =>
  fc.oneof(
    { weight: 6, arbitrary: validAnswerArb(indicator) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom<AnswerValue>('nihil', '12', false, 7) },
  );

const caseArb: fc.Arbitrary<{ version: FrameworkVersion; input: KkpScoreInput }> = frameworkArb.chain((version) =>
  fc
    .record({
      answers: fc.tuple(...version.indicators.map(answerArb)),
      rejected: fc.subarray(version.indicators.map((indicator) => indicator.code)),
      adjustments: fc.tuple(...version.rules.adjustments.map(() => fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }))),
    })
    .map(({ answers, rejected, adjustments }) => ({
      version,
      input: {
        answers: Object.fromEntries(version.indicators.map((indicator, i) => [indicator.code, answers[i]])),
        rejected: Object.fromEntries(rejected.map((code) => [code, 'BUKTI_TIDAK_SESUAI'])),
        adjustments: Object.fromEntries(
          version.rules.adjustments.flatMap((rule, i) => (adjustments[i] === undefined ? [] : [[rule.code, adjustments[i]]])),
        ),
      },
    })),
);

const RUNS = { numRuns: 300 };

describe('scoreKkp properties over generated frameworks', () => {
  it('generates only valid frameworks (so the properties below test scoring, not validation)', () => {
    fc.assert(fc.property(frameworkArb, (version) => validateFrameworkVersion(version).length === 0), RUNS);
  });

  it('keeps the total within 0-100 and every criterion within 0-100', () => {
    fc.assert(
      fc.property(caseArb, ({ version, input }) => {
        const result = scoreKkp(version, input);
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(100);
        for (const criterion of result.criteria) {
          expect(criterion.score).toBeGreaterThanOrEqual(0);
          expect(criterion.score).toBeLessThanOrEqual(100 + 1e-9);
        }
        expect(Number.isInteger(Math.round(result.total * 100))).toBe(true);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same input, even a copy of it, gives a deep-equal result', () => {
    fc.assert(
      fc.property(caseArb, ({ version, input }) => {
        expect(scoreKkp(structuredClone(version), structuredClone(input))).toEqual(scoreKkp(version, input));
      }),
      RUNS,
    );
  });

  it('lists every indicator exactly once, in framework order, and every criterion once', () => {
    fc.assert(
      fc.property(caseArb, ({ version, input }) => {
        const result = scoreKkp(version, input);
        expect(result.indicators.map((i) => i.code)).toEqual(version.indicators.map((i) => i.code));
        expect(result.criteria.map((c) => c.code)).toEqual(version.criteria.map((c) => c.code));
        for (const indicator of result.indicators) {
          expect(indicator.points).toBeGreaterThanOrEqual(0);
          expect(indicator.points).toBeLessThanOrEqual(indicator.maxPoints);
          if (indicator.status !== 'SCORED') expect(indicator.points).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('never lowers the total when one answer improves', () => {
    const improvementArb = caseArb.chain(({ version, input }) =>
      fc
        .record({
          index: fc.integer({ min: 0, max: version.indicators.length - 1 }),
          step: fc.double({ min: 0, max: 200, noNaN: true }),
        })
        .map(({ index, step }) => ({ version, input, indicator: version.indicators[index], step })),
    );
    fc.assert(
      fc.property(improvementArb, ({ version, input, indicator, step }) => {
        const before = input.answers[indicator.code];
        let after: AnswerValue;
        switch (indicator.answerType) {
          case AnswerType.YES_NO:
            after = true; // false → true, or unanswered → true
            break;
          case AnswerType.PERCENT:
            after = typeof before === 'number' ? Math.min(100, before + step) : step / 2;
            break;
          case AnswerType.NUMBER:
          case AnswerType.BANDED:
            after = typeof before === 'number' ? before + step : step;
            break;
          default:
            return; // choices, text and documents have no "higher" answer
        }
        const worse = scoreKkp(version, input);
        const better = scoreKkp(version, { ...input, answers: { ...input.answers, [indicator.code]: after } });
        expect(better.baseTotal).toBeGreaterThanOrEqual(worse.baseTotal);
        expect(better.total).toBeGreaterThanOrEqual(worse.total);
      }),
      RUNS,
    );
  });

  it('puts the total in the band configured for it', () => {
    fc.assert(
      fc.property(caseArb, ({ version, input }) => {
        const result = scoreKkp(version, input);
        const expected = version.rules.bands.filter((edge) => edge.min <= result.total).sort((a, b) => b.min - a.min)[0];
        expect(result.band).toBe(expected.band);
      }),
      RUNS,
    );
  });
});

describe('bandFor on generated band tables', () => {
  it('switches band exactly at each configured edge', () => {
    fc.assert(
      // The order the bands are listed in must not matter, so they are shuffled.
      fc.property(bandEdgesArb.chain((bands) => fc.shuffledSubarray(bands, { minLength: bands.length })), (shuffled) => {
        const ascending = [...shuffled].sort((a, b) => a.min - b.min);
        ascending.forEach((edge, i) => {
          expect(bandFor(edge.min, shuffled)).toBe(edge.band);
          if (i > 0) {
            expect(bandFor(edge.min - 0.001, shuffled)).toBe(ascending[i - 1].band);
            expect(bandFor(edge.min - Number.EPSILON * 128, shuffled)).toBe(ascending[i - 1].band);
          }
        });
        expect(bandFor(100, shuffled)).toBe(ascending[ascending.length - 1].band);
      }),
      RUNS,
    );
  });
});
