import {
  effectiveAnswers,
  FrameworkStatus,
  Programme,
  RANHAM_2021_2025_RULES,
  RanhamAction,
  RanhamFrameworkVersion,
  RanhamStanding,
  scoreRanhamPeriod,
} from '../../src';

const measures = (label: string) => ['B04', 'B08', 'B12'].map((periodCode) => ({ periodCode, measure: `${label} ${periodCode}` }));

function action(code: string, extra: Partial<RanhamAction> = {}): RanhamAction {
  return {
    code,
    year: 2025,
    title: `Aksi ${code}`,
    targetGroupCode: 'ANAK',
    reporterLevels: ['KABKOTA'],
    responsibleUnits: ['Bagian Hukum Setda'],
    successMeasures: measures(code),
    ...extra,
  };
}

function version(actions: RanhamAction[]): RanhamFrameworkVersion {
  return {
    programme: Programme.RANHAM,
    frameworkCode: 'RANHAM_TEST',
    version: 1,
    status: FrameworkStatus.PUBLISHED,
    label: 'test',
    targetGroups: [{ code: 'ANAK', name: 'Anak' }],
    actions,
    rules: RANHAM_2021_2025_RULES, // substance 70, administration 30; KABKOTA target 60
  };
}

describe('RANHAM period scoring', () => {
  const fourActions = version([action('A1'), action('A2'), action('A3'), action('A4'), action('OLD', { year: 2024 }), action('KL', { reporterLevels: ['KL'] })]);

  it('computes substance as mean achievement and administration as the share reported, by hand', () => {
    const result = scoreRanhamPeriod(fourActions, { year: 2025, periodCode: 'B08', level: 'KABKOTA', answers: { A1: true, A2: 50, A3: false } });
    // substance = (100 + 50 + 0 + 0) / 4 = 37.5; administration = 3/4 = 75; total = 0.7 * 37.5 + 0.3 * 75 = 48.75
    expect(result.actions.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(result.substance).toBe(37.5);
    expect(result.administration).toBe(75);
    expect(result.total).toBe(48.75);
    expect(result.band).toBe(RanhamStanding.BELUM_MEMENUHI_TARGET);
    expect(result.actions[1]).toMatchObject({ status: 'PARTIAL', measure: 'A2 B08' });
    expect(result.actions[3]).toMatchObject({ status: 'UNANSWERED', reported: false });
  });

  it('meets the target exactly at the target and not below it', () => {
    // all four reported (administration 100 → 30 points); substance must reach 30/0.7 = 42.857.. for 60
    const at = scoreRanhamPeriod(fourActions, { year: 2025, periodCode: 'B04', level: 'KABKOTA', answers: { A1: 100, A2: 100, A3: false, A4: false } });
    expect(at.total).toBe(65);
    expect(at.band).toBe(RanhamStanding.MEMENUHI_TARGET);
    const below = scoreRanhamPeriod(version([action('A1')]), { year: 2025, periodCode: 'B04', level: 'KABKOTA', answers: { A1: 42 } });
    expect(below.total).toBe(59.4);
    expect(below.band).toBe(RanhamStanding.BELUM_MEMENUHI_TARGET);
    // 0.7 * 42.86 + 30 = 60.002, published as 60.00: exactly the target, which counts as met
    const exactly = scoreRanhamPeriod(version([action('A1')]), { year: 2025, periodCode: 'B04', level: 'KABKOTA', answers: { A1: 42.86 } });
    expect(exactly.total).toBe(60);
    expect(exactly.band).toBe(RanhamStanding.MEMENUHI_TARGET);
  });

  it('counts a rejected action as neither achieved nor reported, and "nihil" as reported but invalid', () => {
    const result = scoreRanhamPeriod(fourActions, {
      year: 2025,
      periodCode: 'B12',
      level: 'KABKOTA',
      answers: { A1: true, A2: 'nihil', A3: 120 },
      rejected: { A1: 'EVIDENCE_NOT_MATCHING' },
    });
    expect(result.actions.map((a) => a.status)).toEqual(['REJECTED', 'INVALID', 'INVALID', 'UNANSWERED']);
    expect(result.actions[0].reason).toBe('EVIDENCE_NOT_MATCHING');
    expect(result.substance).toBe(0);
    expect(result.administration).toBe(50);
  });

  it('scores 0 when the level has no actions that year, rather than dividing by zero', () => {
    const result = scoreRanhamPeriod(fourActions, { year: 2030, periodCode: 'B04', level: 'PROVINCE', answers: {} });
    expect(result).toMatchObject({ substance: 0, administration: 0, total: 0, target: 65, actions: [] });
  });
});

describe('effective answers', () => {
  it('takes a verified value over the self-assessed one and says which counted', () => {
    const result = effectiveAnswers({ A: 1, B: true }, { A: 0, C: 'x' });
    expect(result.answers).toEqual({ A: 0, B: true, C: 'x' });
    expect(result.sources).toEqual({ A: 'VERIFIED', B: 'SELF_ASSESSED', C: 'VERIFIED' });
    expect(result.basis).toBe('VERIFIED');
    expect(effectiveAnswers({ A: 1 }).basis).toBe('SELF_ASSESSED');
  });
});
