import { RANHAM_2021_2025_SAMPLE, RanhamFrameworkVersion, validateRanhamFramework } from '../../src';

const sample = RANHAM_2021_2025_SAMPLE;
const withChanges = (change: (version: RanhamFrameworkVersion) => unknown): RanhamFrameworkVersion => {
  const copy = structuredClone(sample) as RanhamFrameworkVersion;
  change(copy);
  return copy;
};
const codesAt = (version: RanhamFrameworkVersion) => validateRanhamFramework(version).map((p) => `${p.path} ${p.code}`);
type Mutable = { -readonly [K in keyof RanhamFrameworkVersion]: unknown } & Record<string, unknown>;
const m = (version: RanhamFrameworkVersion) => version as unknown as Mutable & { actions: Record<string, unknown>[]; targetGroups: Record<string, unknown>[]; rules: Record<string, unknown> };

describe('RANHAM framework validation', () => {
  it('accepts the seeded RANHAM 2021-2025 sample: four target groups, actions with a measure for each period', () => {
    expect(validateRanhamFramework(sample)).toEqual([]);
    expect(sample.targetGroups.map((g) => g.code)).toEqual(['PEREMPUAN', 'ANAK', 'PENYANDANG_DISABILITAS', 'MASYARAKAT_ADAT']);
    for (const group of sample.targetGroups) {
      expect(sample.actions.filter((a) => a.targetGroupCode === group.code && a.year === 2025).length).toBeGreaterThanOrEqual(2);
    }
    expect(sample.label).toContain('CONTOH');
  });

  it.each([
    ['weights not summing to 100', (v: RanhamFrameworkVersion) => (m(v).rules.substanceWeight = 60), 'rules WEIGHTS_NOT_100'],
    ['a target out of range', (v: RanhamFrameworkVersion) => (m(v).rules.targets = { KL: 75, PROVINCE: 165, KABKOTA: 60 }), 'rules.targets.PROVINCE TARGET_OUT_OF_RANGE'],
    ['overlapping periods', (v: RanhamFrameworkVersion) => (m(v).rules.periods = [{ code: 'B04', fromMonth: 1, toMonth: 5 }, { code: 'B08', fromMonth: 5, toMonth: 8 }, { code: 'B12', fromMonth: 9, toMonth: 12 }]), 'rules.periods[1] OVERLAPPING_PERIODS'],
    ['a repeated target group', (v: RanhamFrameworkVersion) => m(v).targetGroups.push({ code: 'ANAK', name: 'Anak lagi' }), 'targetGroups[4].code DUPLICATE_TARGET_GROUP_CODE'],
    ['an unknown target group', (v: RanhamFrameworkVersion) => (m(v).actions[0].targetGroupCode = 'LANSIA'), 'actions[0].targetGroupCode UNKNOWN_TARGET_GROUP'],
    ['a repeated action code in one year', (v: RanhamFrameworkVersion) => (m(v).actions[1].code = m(v).actions[0].code), 'actions[1].code DUPLICATE_ACTION_CODE'],
    ['an unknown reporter level', (v: RanhamFrameworkVersion) => (m(v).actions[0].reporterLevels = ['DESA']), 'actions[0].reporterLevels[0] UNKNOWN_REPORTER_LEVEL'],
    ['no responsible unit', (v: RanhamFrameworkVersion) => (m(v).actions[0].responsibleUnits = []), 'actions[0].responsibleUnits NO_RESPONSIBLE_UNITS'],
    ['a measure for a period the rules lack', (v: RanhamFrameworkVersion) => ((m(v).actions[0].successMeasures as { periodCode: string }[])[0].periodCode = 'Q1'), 'actions[0].successMeasures[0].periodCode UNKNOWN_PERIOD'],
    ['a lower-case code', (v: RanhamFrameworkVersion) => (m(v).actions[0].code = 'aksi 1'), 'actions[0].code INVALID_CODE'],
    ['a year out of range', (v: RanhamFrameworkVersion) => (m(v).actions[0].year = 1999), 'actions[0].year INVALID_YEAR'],
  ])('reports %s at its path', (_name, change, expected) => {
    expect(codesAt(withChanges(change))).toContain(expected);
  });

  it('requires a success measure for every period of the rules', () => {
    const version = withChanges((v) => (m(v).actions[0].successMeasures = (m(v).actions[0].successMeasures as unknown[]).slice(0, 2)));
    expect(validateRanhamFramework(version)).toContainEqual(expect.objectContaining({ path: 'actions[0].successMeasures', code: 'MISSING_SUCCESS_MEASURE' }));
  });

  it('reports structurally broken input instead of throwing, every problem with an Indonesian and an English message', () => {
    const broken = { ...sample, actions: 'x', targetGroups: [null], rules: { periods: 'B04' } } as unknown as RanhamFrameworkVersion;
    const problems = validateRanhamFramework(broken);
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual(
      expect.arrayContaining(['actions NOT_A_LIST', 'targetGroups[0] NOT_AN_OBJECT', 'rules.periods NOT_A_LIST', 'rules.substanceWeight WEIGHT_OUT_OF_RANGE']),
    );
    const yearAsText = withChanges((v) => (m(v).actions[0].year = '2025'));
    expect(codesAt(yearAsText)).toContain('actions[0].year INVALID_YEAR');
    for (const problem of problems) {
      expect(problem.message.id.length).toBeGreaterThan(0);
      expect(problem.message.en.length).toBeGreaterThan(0);
    }
  });
});
