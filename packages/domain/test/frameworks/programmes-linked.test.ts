import {
  AdjustmentRule,
  assessPembina,
  DEFAULT_PEMBINA_RULE,
  KKP_HAM_2021_SAMPLE,
  pointsFromYearlyScore,
  RANHAM_2021_2025_RULES,
  ranhamYearlyScore,
  RanhamYearlyScoreSource,
  validateFrameworkVersion,
} from '../../src';

const source: RanhamYearlyScoreSource = { programme: 'RANHAM', yearlyScoreBands: [{ min: 80, points: 5 }, { min: 60, points: 2 }] };
const bonus: AdjustmentRule = { code: 'AKSI_HAM_BONUS', name: 'Aksi HAM', kind: 'BONUS', cap: 5, source };

const regencies = (peduli: number, total: number, otherBand: string | null = 'CUKUP_PEDULI') =>
  Array.from({ length: total }, (_, index) => ({ regionCode: `64.${String(index + 1).padStart(2, '0')}`, band: index < peduli ? 'PEDULI' : otherBand }));

describe('the Aksi HAM bonus bands', () => {
  it.each([
    [100, 5],
    [80, 5],
    [79.99, 2],
    [60, 2],
    [59.99, 0],
    [0, 0],
  ])('a yearly score of %p gives %p points', (score, points) => {
    expect(pointsFromYearlyScore(score, source).points).toBe(points);
  });

  it('names the band that applied, or none below every band', () => {
    expect(pointsFromYearlyScore(85, source).band).toEqual({ min: 80, points: 5 });
    expect(pointsFromYearlyScore(10, source).band).toBeNull();
  });

  it('refuses a score outside 0-100', () => {
    expect(() => pointsFromYearlyScore(101, source)).toThrow(RangeError);
  });

  it('is validated with the framework: a derived rule needs bands and takes no per-unit factor', () => {
    const withAdjustments = (adjustments: AdjustmentRule[]) => ({ ...KKP_HAM_2021_SAMPLE, rules: { ...KKP_HAM_2021_SAMPLE.rules, adjustments } });
    expect(validateFrameworkVersion(withAdjustments([bonus]))).toEqual([]);
    const codes = (adjustment: unknown) => validateFrameworkVersion(withAdjustments([adjustment as AdjustmentRule])).map((p) => `${p.path} ${p.code}`);
    expect(codes({ ...bonus, source: { programme: 'RANHAM', yearlyScoreBands: [] } })).toEqual(['rules.adjustments[0].source.yearlyScoreBands ADJUSTMENT_SOURCE_NO_BANDS']);
    expect(codes({ ...bonus, perUnit: 1 })).toEqual(['rules.adjustments[0].source ADJUSTMENT_SOURCE_WITH_PER_UNIT']);
    expect(codes({ ...bonus, source: { programme: 'PRISMA', yearlyScoreBands: [] } })).toEqual(['rules.adjustments[0].source.programme ADJUSTMENT_SOURCE_UNKNOWN']);
    expect(codes({ ...bonus, source: { programme: 'RANHAM', yearlyScoreBands: [{ min: 80, points: 5 }, { min: 80, points: 2 }, { min: 120, points: -1 }] } })).toEqual([
      'rules.adjustments[0].source.yearlyScoreBands[1].min ADJUSTMENT_SOURCE_BAND_DUPLICATE',
      'rules.adjustments[0].source.yearlyScoreBands[2].min ADJUSTMENT_SOURCE_BAND_MIN',
      'rules.adjustments[0].source.yearlyScoreBands[2].points ADJUSTMENT_SOURCE_BAND_POINTS',
    ]);
  });
});

describe('the pembina rule', () => {
  it('defaults to 60% of the regencies/cities PEDULI with no extra condition', () => {
    expect(DEFAULT_PEMBINA_RULE).toEqual({ minBandShare: 60, band: 'PEDULI' });
  });

  it('qualifies a province at exactly 60%, and not one regency/city below it', () => {
    expect(assessPembina({ provinceCode: '64', regencies: regencies(6, 10) })).toEqual({
      provinceCode: '64',
      counted: 10,
      scored: 10,
      inBand: 6,
      share: 60,
      qualifies: true,
      reasons: [],
    });
    const below = assessPembina({ provinceCode: '64', regencies: regencies(5, 10) });
    expect(below).toMatchObject({ inBand: 5, share: 50, qualifies: false });
    expect(below.reasons.map((reason) => reason.code)).toEqual(['SHARE_BELOW_MINIMUM']);
    expect(below.reasons[0].message.en).toBe('5 of 10 regencies/cities (50%) are rated PEDULI; at least 60% is needed.');
  });

  it('compares the share exactly: 3 of 5 is 60% even where 3 / 5 × 100 is not', () => {
    expect(assessPembina({ provinceCode: '65', regencies: regencies(3, 5) }).qualifies).toBe(true);
    expect(assessPembina({ provinceCode: '65', regencies: regencies(3, 5) }, { minBandShare: 60.01 }).qualifies).toBe(false);
  });

  it('counts unscored regencies/cities as not rated', () => {
    const result = assessPembina({ provinceCode: '64', regencies: regencies(5, 9, null) });
    expect(result).toMatchObject({ counted: 9, scored: 5, inBand: 5, qualifies: false });
  });

  it('applies the extra RANHAM condition only when the rules ask for it', () => {
    const rule = { ...DEFAULT_PEMBINA_RULE, minRanhamYearlyScore: 80 };
    expect(assessPembina({ provinceCode: '64', regencies: regencies(6, 10), ranhamYearlyScore: 80 }, rule).qualifies).toBe(true);
    expect(assessPembina({ provinceCode: '64', regencies: regencies(6, 10), ranhamYearlyScore: 79.99 }, rule).reasons.map((r) => r.code)).toEqual(['RANHAM_BELOW_MINIMUM']);
    expect(assessPembina({ provinceCode: '64', regencies: regencies(2, 10) }, rule).reasons.map((r) => r.code)).toEqual(['SHARE_BELOW_MINIMUM', 'RANHAM_NOT_AVAILABLE']);
    expect(assessPembina({ provinceCode: '64', regencies: regencies(6, 10), ranhamYearlyScore: 10 }).qualifies).toBe(true);
  });

  it('does not qualify a province without regencies/cities', () => {
    expect(assessPembina({ provinceCode: '99', regencies: [] }).reasons.map((r) => r.code)).toEqual(['NO_REGENCIES']);
  });

  it('is validated with the framework', () => {
    const withPembina = (pembina: unknown) => ({ ...KKP_HAM_2021_SAMPLE, rules: { ...KKP_HAM_2021_SAMPLE.rules, pembina } }) as typeof KKP_HAM_2021_SAMPLE;
    expect(validateFrameworkVersion(withPembina({ minBandShare: 60, minRanhamYearlyScore: 80 }))).toEqual([]);
    expect(validateFrameworkVersion(withPembina({ minBandShare: 160, band: 'SANGAT_PEDULI', minRanhamYearlyScore: -1 })).map((p) => p.code)).toEqual([
      'PEMBINA_SHARE_OUT_OF_RANGE',
      'PEMBINA_UNKNOWN_BAND',
      'PEMBINA_RANHAM_OUT_OF_RANGE',
    ]);
  });
});

describe('the yearly RANHAM score a reporter is served', () => {
  it('is the mean of the three periods with a missing B12 counted as 0 and flagged', () => {
    const result = ranhamYearlyScore({ B04: 80, B08: 90 }, RANHAM_2021_2025_RULES);
    expect(result.score).toBe(56.67);
    expect(result.periods).toEqual([
      { code: 'B04', score: 80 },
      { code: 'B08', score: 90 },
      { code: 'B12', score: 0, reason: 'NOT_REPORTED' },
    ]);
  });
});
