import {
  AnswerType,
  FrameworkVersion,
  INDICATOR_TYPES,
  Indicator,
  IndicatorType,
  KKP_HAM_2021_SAMPLE,
  KkpScoringRules,
  RightsGroup,
  validateFrameworkVersion,
} from '../../src';
import { criterion, framework, indicator } from './builders';

const seed = KKP_HAM_2021_SAMPLE;

// The seed's indicators by position: 0 K1.S1 YES_NO, 2 K1.H1 BANDED, 4 K2.P1 CHOICE, 22 K8.P1 NUMBER with bands,
// 24 K9.S1 (sub-group LINGKUNGAN).
function withIndicator(index: number, patch: Partial<Indicator>): FrameworkVersion {
  return { ...seed, indicators: seed.indicators.map((ind, i) => (i === index ? { ...ind, ...patch } : ind)) };
}

function withRules(patch: Partial<KkpScoringRules>): FrameworkVersion {
  return { ...seed, rules: { ...seed.rules, ...patch } };
}

const k1h1Bands = seed.indicators[2].bands ?? [];
const k2p1Choices = seed.indicators[4].choices ?? [];
const [adjustmentA, adjustmentB] = seed.rules.adjustments;

describe('the KKP HAM 2021 sample framework', () => {
  it('validates with zero problems', () => {
    expect(validateFrameworkVersion(seed)).toEqual([]);
  });

  it('has the ten criteria of Permenkumham 22/2021 with their rights groups', () => {
    expect(seed.criteria.map((c) => c.code)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']);
    expect(seed.criteria.slice(0, 5).every((c) => c.rightsGroup === RightsGroup.SIPOL)).toBe(true);
    expect(seed.criteria.slice(5).every((c) => c.rightsGroup === RightsGroup.EKOSOB)).toBe(true);
    expect(seed.criteria[8].subGroups?.map((s) => s.code)).toEqual(['LINGKUNGAN', 'PERUMAHAN']);
    expect(seed.criteria[0].name).toBe('Hak atas Bantuan Hukum');
  });

  it('is clearly a sample, published as version 1', () => {
    expect(seed.label).toContain('CONTOH');
    expect(seed.label).toContain('bukan 120');
    expect(seed).toMatchObject({ frameworkCode: 'KKP_HAM_PERMENKUMHAM_22_2021', version: 1, status: 'PUBLISHED' });
  });

  it('has three indicators of three types per criterion and uses every answer type', () => {
    for (const c of seed.criteria) {
      const own = seed.indicators.filter((ind) => ind.criterionCode === c.code);
      expect(own.map((ind) => ind.type).sort()).toEqual([...INDICATOR_TYPES].sort());
    }
    expect(new Set(seed.indicators.map((ind) => ind.answerType))).toEqual(new Set(Object.values(AnswerType)));
    expect(seed.indicators.filter((ind) => ind.criterionCode === 'K9').every((ind) => ind.subGroupCode)).toBe(true);
  });
});

/** One HASIL indicator scored against a target, broken in one way per case. */
function targetCases(): [string, FrameworkVersion, string, string][] {
  const withTarget = (patch: Partial<Indicator>) =>
    framework([criterion('A')], [indicator('A.H1', 'A', IndicatorType.HASIL, AnswerType.NUMBER, { target: { value: 100 }, ...patch })]);
  return [
    ['a target on a YES_NO indicator', withTarget({ answerType: AnswerType.YES_NO }), 'TARGET_NOT_ALLOWED', 'indicators[0].target'],
    ['a target together with bands', withTarget({ bands: [{ min: 0, points: 10 }] }), 'TARGET_WITH_BANDS', 'indicators[0].target'],
    ['a target of 0', withTarget({ target: { value: 0 } }), 'TARGET_NOT_POSITIVE', 'indicators[0].target.value'],
    ['a negative target', withTarget({ target: { value: -5 } }), 'TARGET_NOT_POSITIVE', 'indicators[0].target.value'],
    ['a percentage target above 100', withTarget({ answerType: AnswerType.PERCENT, target: { value: 120 } }), 'TARGET_PERCENT_ABOVE_100', 'indicators[0].target.value'],
    ['a target cap above 1', withTarget({ target: { value: 100, cap: 1.5 } }), 'TARGET_CAP_OUT_OF_RANGE', 'indicators[0].target.cap'],
    ['a target cap of 0', withTarget({ target: { value: 100, cap: 0 } }), 'TARGET_CAP_OUT_OF_RANGE', 'indicators[0].target.cap'],
    ['an unknown rounding', withTarget({ target: { value: 100, rounding: 'HALF_UP' as never } }), 'TARGET_ROUNDING_UNKNOWN', 'indicators[0].target.rounding'],
  ];
}

describe('validateFrameworkVersion finds each broken rule', () => {
  const cases: [string, FrameworkVersion, string, string][] = [
    ['version 0', { ...seed, version: 0 }, 'VERSION_NOT_POSITIVE_INTEGER', 'version'],
    ['no criteria', { ...seed, criteria: [], indicators: [] }, 'NO_CRITERIA', 'criteria'],
    ['a repeated criterion', { ...seed, criteria: [...seed.criteria, seed.criteria[0]] }, 'DUPLICATE_CRITERION_CODE', 'criteria[10].code'],
    [
      'a repeated sub-group',
      {
        ...seed,
        criteria: seed.criteria.map((c, i) => (i === 8 ? { ...c, subGroups: [...(c.subGroups ?? []), { code: 'PERUMAHAN', name: 'x' }] } : c)),
      },
      'DUPLICATE_SUBGROUP_CODE',
      'criteria[8].subGroups[2].code',
    ],
    ['a criterion without indicators', { ...seed, indicators: seed.indicators.filter((ind) => ind.criterionCode !== 'K10') }, 'CRITERION_WITHOUT_INDICATORS', 'criteria[9]'],
    [
      'a criterion whose only type weighs 0',
      framework([criterion('A')], [indicator('A.S1', 'A', IndicatorType.STRUKTUR, AnswerType.YES_NO)], {
        typeWeights: { STRUKTUR: 0, PROSES: 40, HASIL: 60 },
      }),
      'CRITERION_WITHOUT_WEIGHTED_TYPE',
      'criteria[0]',
    ],
    ['a repeated indicator code', withIndicator(1, { code: 'K1.S1' }), 'DUPLICATE_INDICATOR_CODE', 'indicators[1].code'],
    ['an indicator code with a space', withIndicator(0, { code: 'K1 S1' }), 'INVALID_INDICATOR_CODE', 'indicators[0].code'],
    ['an unknown criterion', withIndicator(0, { criterionCode: 'K99' }), 'UNKNOWN_CRITERION', 'indicators[0].criterionCode'],
    ['an unknown sub-group', withIndicator(24, { subGroupCode: 'AIR' }), 'UNKNOWN_SUBGROUP', 'indicators[24].subGroupCode'],
    ['a sub-group on a criterion without any', withIndicator(0, { subGroupCode: 'LINGKUNGAN' }), 'UNKNOWN_SUBGROUP', 'indicators[0].subGroupCode'],
    ['an unknown indicator type', withIndicator(0, { type: 'OUTPUT' as IndicatorType }), 'UNKNOWN_INDICATOR_TYPE', 'indicators[0].type'],
    ['0 points', withIndicator(0, { points: 0 }), 'POINTS_NOT_POSITIVE', 'indicators[0].points'],
    ['negative points', withIndicator(0, { points: -5 }), 'POINTS_NOT_POSITIVE', 'indicators[0].points'],
    ['a BANDED indicator without a table', withIndicator(2, { bands: undefined }), 'NO_POINT_BANDS', 'indicators[2].bands'],
    ['a BANDED indicator with an empty table', withIndicator(2, { bands: [] }), 'NO_POINT_BANDS', 'indicators[2].bands'],
    ['a NUMBER indicator with an empty table', withIndicator(22, { bands: [] }), 'NO_POINT_BANDS', 'indicators[22].bands'],
    [
      'a repeated band edge',
      withIndicator(2, { bands: k1h1Bands.map((b, i) => (i === 1 ? { ...b, min: 100 } : b)) }),
      'DUPLICATE_POINT_BAND_MIN',
      'indicators[2].bands[1].min',
    ],
    [
      'band points above the maximum',
      withIndicator(2, { bands: k1h1Bands.map((b, i) => (i === 0 ? { ...b, points: 11 } : b)) }),
      'POINT_BAND_POINTS_OUT_OF_RANGE',
      'indicators[2].bands[0].points',
    ],
    [
      'negative band points',
      withIndicator(2, { bands: k1h1Bands.map((b, i) => (i === 5 ? { ...b, points: -1 } : b)) }),
      'POINT_BAND_POINTS_OUT_OF_RANGE',
      'indicators[2].bands[5].points',
    ],
    [
      'a band edge that is not a number',
      withIndicator(2, { bands: k1h1Bands.map((b, i) => (i === 5 ? { ...b, min: Number.NaN } : b)) }),
      'POINT_BAND_MIN_NOT_A_NUMBER',
      'indicators[2].bands[5].min',
    ],
    ['a CHOICE indicator without choices', withIndicator(4, { choices: [] }), 'CHOICE_WITHOUT_CHOICES', 'indicators[4].choices'],
    [
      'a repeated choice',
      withIndicator(4, { choices: k2p1Choices.map((c, i) => (i === 1 ? { ...c, value: 'SELURUH_OPD' } : c)) }),
      'DUPLICATE_CHOICE_VALUE',
      'indicators[4].choices[1].value',
    ],
    [
      'choice points above the maximum',
      withIndicator(4, { choices: k2p1Choices.map((c, i) => (i === 0 ? { ...c, points: 20 } : c)) }),
      'CHOICE_POINTS_OUT_OF_RANGE',
      'indicators[4].choices[0].points',
    ],
    ['a negative evidence count', withIndicator(0, { evidence: { allowedDocumentTypes: [], minCount: -1 } }), 'EVIDENCE_MIN_COUNT_INVALID', 'indicators[0].evidence.minCount'],
    ['a fractional evidence count', withIndicator(0, { evidence: { allowedDocumentTypes: [], minCount: 1.5 } }), 'EVIDENCE_MIN_COUNT_INVALID', 'indicators[0].evidence.minCount'],
    [
      'required evidence of no allowed type',
      withIndicator(0, { evidence: { allowedDocumentTypes: [], minCount: 1 } }),
      'EVIDENCE_TYPES_EMPTY',
      'indicators[0].evidence.allowedDocumentTypes',
    ],
    ['a negative type weight', withRules({ typeWeights: { STRUKTUR: -10, PROSES: 50, HASIL: 60 } }), 'TYPE_WEIGHT_NEGATIVE', 'rules.typeWeights.STRUKTUR'],
    ['type weights summing to 90', withRules({ typeWeights: { STRUKTUR: 10, PROSES: 30, HASIL: 50 } }), 'TYPE_WEIGHTS_NOT_100', 'rules.typeWeights'],
    ['no bands', withRules({ bands: [] }), 'NO_BANDS', 'rules.bands'],
    ['no band at 0', withRules({ bands: seed.rules.bands.slice(0, 3) }), 'NO_BAND_AT_ZERO', 'rules.bands'],
    [
      'a repeated band edge',
      withRules({ bands: seed.rules.bands.map((b, i) => (i === 1 ? { ...b, min: 75 } : b)) }),
      'DUPLICATE_BAND_MIN',
      'rules.bands[1].min',
    ],
    [
      'a band edge above 100',
      withRules({ bands: seed.rules.bands.map((b, i) => (i === 0 ? { ...b, min: 101 } : b)) }),
      'BAND_MIN_OUT_OF_RANGE',
      'rules.bands[0].min',
    ],
    [
      'a negative band edge',
      withRules({ bands: [...seed.rules.bands, { band: 'DI_BAWAH', min: -5 }] }),
      'BAND_MIN_OUT_OF_RANGE',
      'rules.bands[4].min',
    ],
    [
      'a repeated band name',
      withRules({ bands: seed.rules.bands.map((b, i) => (i === 3 ? { ...b, band: 'PEDULI' } : b)) }),
      'DUPLICATE_BAND_NAME',
      'rules.bands[3].band',
    ],
    ['a negative adjustment cap', withRules({ adjustments: [{ ...adjustmentA, cap: -1 }, adjustmentB] }), 'ADJUSTMENT_CAP_NEGATIVE', 'rules.adjustments[0].cap'],
    [
      'a repeated adjustment code',
      withRules({ adjustments: [adjustmentA, { ...adjustmentB, code: adjustmentA.code }] }),
      'DUPLICATE_ADJUSTMENT_CODE',
      'rules.adjustments[1].code',
    ],
    [
      'negative points per unit',
      withRules({ adjustments: [adjustmentA, { ...adjustmentB, perUnit: -2 }] }),
      'ADJUSTMENT_PER_UNIT_NEGATIVE',
      'rules.adjustments[1].perUnit',
    ],
    ...targetCases(),
  ];

  it.each(cases)('%s', (_name, broken, code, path) => {
    const problems = validateFrameworkVersion(broken);
    expect(problems).toContainEqual(expect.objectContaining({ code, path }));
    for (const problem of problems) {
      expect(problem.message.id.length).toBeGreaterThan(0);
      expect(problem.message.en.length).toBeGreaterThan(0);
    }
  });

  it('reports only the broken rule, not unrelated ones', () => {
    expect(validateFrameworkVersion(withIndicator(0, { points: 0 })).map((p) => p.code)).toEqual(['POINTS_NOT_POSITIVE']);
  });

  it('accepts a NUMBER or PERCENT target with a cap of at most 1 and a known rounding', () => {
    for (const answerType of [AnswerType.NUMBER, AnswerType.PERCENT]) {
      const target = { value: 80, cap: 1, rounding: 'WHOLE_POINTS' as const };
      const version = framework([criterion('A')], [indicator('A.H1', 'A', IndicatorType.HASIL, answerType, { target })]);
      expect(validateFrameworkVersion(version)).toEqual([]);
    }
  });

  it('accepts an empty evidence type list when no document is required', () => {
    expect(validateFrameworkVersion(withIndicator(0, { evidence: { allowedDocumentTypes: [], minCount: 0 } }))).toEqual([]);
  });

  it('does not change the framework it checks', () => {
    const before = JSON.stringify(seed);
    validateFrameworkVersion(withIndicator(2, { bands: [] }));
    expect(JSON.stringify(seed)).toBe(before);
  });
});

it('the positions used above point at the intended seed indicators', () => {
  expect([0, 2, 4, 22, 24].map((i) => seed.indicators[i].code)).toEqual(['K1.S1', 'K1.H1', 'K2.P1', 'K8.P1', 'K9.S1']);
});
