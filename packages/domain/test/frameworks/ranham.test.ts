import { meetsTarget, RANHAM_2021_2025_RULES, RanhamRules, ranhamPeriodScore, ranhamYearlyScore } from '../../src';

const rules = RANHAM_2021_2025_RULES;

describe('RANHAM sample rules', () => {
  it('use the default periods, 70/30 weights and the 75/65/60 targets', () => {
    expect(rules.periods.map((p) => p.code)).toEqual(['B04', 'B08', 'B12']);
    expect(rules.substanceWeight + rules.administrationWeight).toBe(100);
    expect(rules.targets).toEqual({ KL: 75, PROVINCE: 65, KABKOTA: 60 });
  });
});

describe('ranhamPeriodScore', () => {
  it('weights substance and administration', () => {
    // 80 × 70% + 50 × 30% = 56 + 15 = 71
    expect(ranhamPeriodScore({ substance: 80, administration: 50 }, rules)).toBeCloseTo(71, 10);
    expect(ranhamPeriodScore({ substance: 100, administration: 100 }, rules)).toBe(100);
    expect(ranhamPeriodScore({ substance: 0, administration: 0 }, rules)).toBe(0);
  });

  it('follows configured weights', () => {
    const even: RanhamRules = { ...rules, substanceWeight: 50, administrationWeight: 50 };
    expect(ranhamPeriodScore({ substance: 80, administration: 50 }, even)).toBe(65);
  });

  it.each([
    [{ substance: 101, administration: 0 }],
    [{ substance: 50, administration: -1 }],
    [{ substance: Number.NaN, administration: 0 }],
  ])('refuses parts outside 0-100: %p', (parts) => {
    expect(() => ranhamPeriodScore(parts, rules)).toThrow(RangeError);
  });
});

describe('ranhamYearlyScore', () => {
  it('is the mean of B04, B08 and B12', () => {
    // (70 + 80 + 66) / 3 = 72
    const result = ranhamYearlyScore({ B04: 70, B08: 80, B12: 66 }, rules);
    expect(result.score).toBe(72);
    expect(result.periods.every((p) => p.reason === undefined)).toBe(true);
  });

  it('counts a missing period as 0 and says why', () => {
    // B08 reported as null, B12 not sent at all: (90 + 0 + 60) / 3 = 50 and (90 + 0 + 0) / 3 = 30
    expect(ranhamYearlyScore({ B04: 90, B08: null, B12: 60 }, rules).score).toBe(50);
    const result = ranhamYearlyScore({ B04: 90, B08: null }, rules);
    expect(result.score).toBe(30);
    expect(result.periods).toEqual([
      { code: 'B04', score: 90 },
      { code: 'B08', score: 0, reason: 'NOT_REPORTED' },
      { code: 'B12', score: 0, reason: 'NOT_REPORTED' },
    ]);
  });

  it('rounds only the final mean to 2 decimals', () => {
    // (100 + 100 + 0.01) / 3 = 66.67333... -> 66.67
    expect(ranhamYearlyScore({ B04: 100, B08: 100, B12: 0.01 }, rules).score).toBe(66.67);
  });

  it('follows the periods in the rules, ignoring codes of another scheme', () => {
    const quarterly: RanhamRules = {
      ...rules,
      periods: [
        { code: 'TW1', fromMonth: 1, toMonth: 3 },
        { code: 'TW2', fromMonth: 4, toMonth: 6 },
        { code: 'TW3', fromMonth: 7, toMonth: 9 },
        { code: 'TW4', fromMonth: 10, toMonth: 12 },
      ],
    };
    const result = ranhamYearlyScore({ TW1: 80, TW2: 60, TW3: 100, TW4: 40, B04: 100 }, quarterly);
    expect(result.score).toBe(70);
    expect(result.ignoredPeriodCodes).toEqual(['B04']);
  });

  it('refuses a period score outside 0-100', () => {
    expect(() => ranhamYearlyScore({ B04: 120 }, rules)).toThrow(RangeError);
  });
});

describe('meetsTarget', () => {
  it.each([
    [75, 'KL', true],
    [74.99, 'KL', false],
    [65, 'PROVINCE', true],
    [64.99, 'PROVINCE', false],
    [60, 'KABKOTA', true],
    [59.99, 'KABKOTA', false],
  ] as const)('%p for %s -> %p', (score, level, met) => {
    expect(meetsTarget(score, level, rules)).toBe(met);
  });
});
