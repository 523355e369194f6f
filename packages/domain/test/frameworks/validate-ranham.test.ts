import {
  FrameworkProblem,
  FrameworkStatus,
  PeriodDefinition,
  Programme,
  RANHAM_2021_2025_RULES,
  RANHAM_2021_2025_SAMPLE,
  RANHAM_2021_2025_SAMPLE_V1,
  normaliseRanhamContent,
  RanhamAction,
  RanhamMeasureAnswerType,
  RanhamFrameworkVersion,
  RanhamRules,
  RanhamSuccessMeasure,
  validateRanhamFramework,
} from '../../src';

// --- Builders: a small valid version with two target groups, two 2025 actions and the sample rules (B04, B08, B12). --

const PERIOD_CODES = ['B04', 'B08', 'B12'];

/** Measures of the old shape (no code, answer type or document rules): validated as the domain reads them. */
function measures(codes: readonly string[] = PERIOD_CODES): RanhamSuccessMeasure[] {
  return codes.map((periodCode) => ({ periodCode, measure: `Ukuran keberhasilan ${periodCode}` })) as unknown as RanhamSuccessMeasure[];
}

function ranhamAction(code: string, extra: Partial<RanhamAction> = {}): RanhamAction {
  return {
    code,
    year: 2025,
    title: `Aksi ${code}`,
    targetGroupCode: 'ANAK',
    reporterLevels: ['KABKOTA'],
    responsibleUnits: ['DP3A'],
    successMeasures: measures(),
    ...extra,
  };
}

function ranhamVersion(extra: Partial<RanhamFrameworkVersion> = {}): RanhamFrameworkVersion {
  return {
    programme: Programme.RANHAM,
    frameworkCode: 'RANHAM_TEST',
    version: 1,
    status: FrameworkStatus.DRAFT,
    label: 'Kerangka RANHAM uji',
    targetGroups: [
      { code: 'ANAK', name: 'Anak' },
      { code: 'PEREMPUAN', name: 'Perempuan' },
    ],
    actions: [ranhamAction('A1'), ranhamAction('A2', { targetGroupCode: 'PEREMPUAN' })],
    rules: RANHAM_2021_2025_RULES,
    ...extra,
  };
}

/** The base version with its first action changed. */
function withAction(patch: Partial<RanhamAction>): RanhamFrameworkVersion {
  const base = ranhamVersion();
  return { ...base, actions: [{ ...base.actions[0], ...patch }, base.actions[1]] };
}

function withRules(patch: Partial<RanhamRules>): RanhamFrameworkVersion {
  return ranhamVersion({ rules: { ...RANHAM_2021_2025_RULES, ...patch } });
}

/** Rules with these periods, and actions measuring each distinct period code, so only the periods can be wrong. */
function withPeriods(periods: PeriodDefinition[]): RanhamFrameworkVersion {
  const codes = [...new Set(periods.map((p) => p.code))];
  return ranhamVersion({
    rules: { ...RANHAM_2021_2025_RULES, periods },
    actions: [ranhamAction('A1', { successMeasures: measures(codes) })],
  });
}

/** A version whose fields hold what an imported file might: anything. */
function broken(fields: Record<string, unknown>): RanhamFrameworkVersion {
  return { ...ranhamVersion(), ...fields } as unknown as RanhamFrameworkVersion;
}

function brokenAction(fields: Record<string, unknown>): RanhamFrameworkVersion {
  return broken({ actions: [{ ...ranhamAction('A1'), ...fields }] });
}

const found = (version: RanhamFrameworkVersion): string[][] => validateRanhamFramework(version).map((p) => [p.path, p.code]);

const period = (code: string, fromMonth: number, toMonth: number): PeriodDefinition => ({ code, fromMonth, toMonth });

// --- The sample ----------------------------------------------------------------------------------------------------

describe('the RANHAM 2021-2025 sample framework', () => {
  const sample = RANHAM_2021_2025_SAMPLE;

  it('validates with zero problems', () => {
    expect(validateRanhamFramework(sample)).toEqual([]);
  });

  it('is clearly a sample of Perpres 53/2021, published as version 2 with the sample RANHAM rules', () => {
    expect(sample).toMatchObject({ programme: Programme.RANHAM, frameworkCode: 'RANHAM_PERPRES_53_2021', version: 2, status: FrameworkStatus.PUBLISHED });
    expect(sample.label).toContain('CONTOH');
    expect(sample.label).toContain('bukan daftar resmi');
    expect(sample.rules).toEqual({ ...RANHAM_2021_2025_RULES, administrativeReasons: ['MISSING_MINUTES', 'MISSING_SIGNATURE_OR_LETTERHEAD', 'WRONG_FORMAT', 'WRONG_PERIOD'] });
  });

  it('has the four target groups with Indonesian names', () => {
    expect(sample.targetGroups).toEqual([
      { code: 'PEREMPUAN', name: 'Perempuan' },
      { code: 'ANAK', name: 'Anak' },
      { code: 'PENYANDANG_DISABILITAS', name: 'Penyandang Disabilitas' },
      { code: 'MASYARAKAT_ADAT', name: 'Masyarakat Adat' },
    ]);
  });

  it('has at least two 2025 actions per target group, and some for 2024', () => {
    for (const group of sample.targetGroups) {
      expect(sample.actions.filter((a) => a.year === 2025 && a.targetGroupCode === group.code).length).toBeGreaterThanOrEqual(2);
    }
    expect(sample.actions.filter((a) => a.year === 2024).length).toBeGreaterThanOrEqual(2);
    expect(sample.actions.every((a) => a.year === 2024 || a.year === 2025)).toBe(true);
  });

  it('gives every action reporters, units and numbered measures with document rules for each of B04, B08 and B12', () => {
    for (const action of sample.actions) {
      expect(action.reporterLevels.length).toBeGreaterThan(0);
      expect(action.responsibleUnits.length).toBeGreaterThan(0);
      expect([...new Set(action.successMeasures.map((m) => m.periodCode))]).toEqual(['B04', 'B08', 'B12']);
      for (const measure of action.successMeasures) {
        expect(measure.code.startsWith(`${action.code}.${measure.periodCode}.`)).toBe(true);
        expect(measure.requiredDocuments.length).toBeGreaterThan(0);
      }
    }
  });

  it('numbers three measures in B04, two in B08 and two in B12 for the first 2025 action, minutes among their documents', () => {
    const first = sample.actions.find((a) => a.code === 'AKSI-2025-01')!;
    expect(first.successMeasures.map((m) => m.code)).toEqual([
      'AKSI-2025-01.B04.1',
      'AKSI-2025-01.B04.2',
      'AKSI-2025-01.B04.3',
      'AKSI-2025-01.B08.1',
      'AKSI-2025-01.B08.2',
      'AKSI-2025-01.B12.1',
      'AKSI-2025-01.B12.2',
    ]);
    expect(first.successMeasures[0].requiredDocuments).toContainEqual({ documentTypes: ['NOTULEN'], minCount: 1 });
  });

  it('keeps version 1 in the old shape, valid once normalised, with each measure coded by its action', () => {
    const v1 = RANHAM_2021_2025_SAMPLE_V1 as unknown as RanhamFrameworkVersion;
    expect(v1.version).toBe(1);
    expect(v1.actions[0].successMeasures[0]).toEqual({ periodCode: 'B04', measure: expect.any(String) });
    expect(validateRanhamFramework(v1)).toEqual([]);
    const read = normaliseRanhamContent(v1);
    expect(read.actions[0].successMeasures.map((m) => [m.code, m.periodCode, m.answerType, m.requiredDocuments])).toEqual(
      ['B04', 'B08', 'B12'].map((period) => [v1.actions[0].code, period, RanhamMeasureAnswerType.YES_NO_OR_PERCENT, []]),
    );
  });
});

// --- One rule at a time --------------------------------------------------------------------------------------------

type Case = [name: string, version: RanhamFrameworkVersion, expected: string[][]];

const ruleCases: Case[] = [
  // Header
  ['version 0', ranhamVersion({ version: 0 }), [['version', 'VERSION_NOT_POSITIVE_INTEGER']]],
  ['a fractional version', ranhamVersion({ version: 1.5 }), [['version', 'VERSION_NOT_POSITIVE_INTEGER']]],
  ['another programme', broken({ programme: Programme.KKP_HAM }), [['programme', 'PROGRAMME_NOT_RANHAM']]],

  // Target groups
  ['no target groups', ranhamVersion({ targetGroups: [] }), [['targetGroups', 'NO_TARGET_GROUPS']]],
  [
    'a repeated target group',
    ranhamVersion({ targetGroups: [...ranhamVersion().targetGroups, { code: 'ANAK', name: 'Anak (lagi)' }] }),
    [['targetGroups[2].code', 'DUPLICATE_TARGET_GROUP_CODE']],
  ],
  [
    'a lower-case target group code',
    ranhamVersion({ targetGroups: [...ranhamVersion().targetGroups, { code: 'lansia', name: 'Lansia' }] }),
    [['targetGroups[2].code', 'INVALID_TARGET_GROUP_CODE']],
  ],
  [
    'a blank target group name',
    ranhamVersion({ targetGroups: [{ code: 'ANAK', name: '  ' }, { code: 'PEREMPUAN', name: 'Perempuan' }] }),
    [['targetGroups[0].name', 'TARGET_GROUP_NAME_EMPTY']],
  ],

  // Actions
  ['no actions', ranhamVersion({ actions: [] }), [['actions', 'NO_ACTIONS']]],
  [
    'a repeated action code in one year',
    ranhamVersion({ actions: [ranhamAction('A1'), ranhamAction('A1', { targetGroupCode: 'PEREMPUAN' })] }),
    [['actions[1].code', 'DUPLICATE_ACTION_CODE']],
  ],
  ['an action code with a space', withAction({ code: 'AKSI 1' }), [['actions[0].code', 'INVALID_ACTION_CODE']]],
  ['a lower-case action code', withAction({ code: 'aksi-1' }), [['actions[0].code', 'INVALID_ACTION_CODE']]],
  ['an action code of 41 characters', withAction({ code: 'A'.repeat(41) }), [['actions[0].code', 'INVALID_ACTION_CODE']]],
  ['an unknown target group', withAction({ targetGroupCode: 'LANSIA' }), [['actions[0].targetGroupCode', 'UNKNOWN_TARGET_GROUP']]],
  ['the year 1999', withAction({ year: 1999 }), [['actions[0].year', 'ACTION_YEAR_INVALID']]],
  ['the year 2101', withAction({ year: 2101 }), [['actions[0].year', 'ACTION_YEAR_INVALID']]],
  ['a fractional year', withAction({ year: 2025.5 }), [['actions[0].year', 'ACTION_YEAR_INVALID']]],
  ['an empty title', withAction({ title: '' }), [['actions[0].title', 'ACTION_TITLE_EMPTY']]],
  ['a blank title', withAction({ title: ' \t ' }), [['actions[0].title', 'ACTION_TITLE_EMPTY']]],
  ['no reporter levels', withAction({ reporterLevels: [] }), [['actions[0].reporterLevels', 'NO_REPORTER_LEVELS']]],
  [
    'an unknown reporter level',
    brokenAction({ reporterLevels: ['KABKOTA', 'DESA'] }),
    [['actions[0].reporterLevels[1]', 'UNKNOWN_REPORTER_LEVEL']],
  ],
  [
    'a repeated reporter level',
    withAction({ reporterLevels: ['KL', 'KABKOTA', 'KL'] }),
    [['actions[0].reporterLevels[2]', 'DUPLICATE_REPORTER_LEVEL']],
  ],
  ['no responsible units', withAction({ responsibleUnits: [] }), [['actions[0].responsibleUnits', 'NO_RESPONSIBLE_UNITS']]],
  ['a blank responsible unit', withAction({ responsibleUnits: ['DP3A', '   '] }), [['actions[0].responsibleUnits[1]', 'RESPONSIBLE_UNIT_BLANK']]],
  [
    'a measure for a period the rules lack',
    withAction({ successMeasures: measures(['B04', 'B08', 'B12', 'Q1']) }),
    [['actions[0].successMeasures[3].periodCode', 'UNKNOWN_PERIOD']],
  ],
  [
    'a period with two measures',
    withAction({ successMeasures: measures(['B04', 'B08', 'B08', 'B12']) }),
    [['actions[0].successMeasures[2].periodCode', 'DUPLICATE_PERIOD_MEASURE']],
  ],
  [
    'a period without a measure',
    withAction({ successMeasures: measures(['B04', 'B12']) }),
    [['actions[0].successMeasures', 'MISSING_PERIOD_MEASURE']],
  ],
  [
    'no measures at all',
    withAction({ successMeasures: [] }),
    [
      ['actions[0].successMeasures', 'MISSING_PERIOD_MEASURE'],
      ['actions[0].successMeasures', 'MISSING_PERIOD_MEASURE'],
      ['actions[0].successMeasures', 'MISSING_PERIOD_MEASURE'],
    ],
  ],
  [
    'a blank measure',
    withAction({ successMeasures: measures().map((m, i) => (i === 1 ? { ...m, measure: ' ' } : m)) }),
    [['actions[0].successMeasures[1].measure', 'MEASURE_TEXT_EMPTY']],
  ],

  // Rules: weights and targets
  ['weights summing to 90', withRules({ substanceWeight: 60, administrationWeight: 30 }), [['rules', 'WEIGHTS_NOT_100']]],
  ['weights summing to 110', withRules({ substanceWeight: 80, administrationWeight: 30 }), [['rules', 'WEIGHTS_NOT_100']]],
  [
    'weights outside 0-100, even though they sum to 100',
    withRules({ substanceWeight: -10, administrationWeight: 110 }),
    [
      ['rules.substanceWeight', 'WEIGHT_OUT_OF_RANGE'],
      ['rules.administrationWeight', 'WEIGHT_OUT_OF_RANGE'],
    ],
  ],
  [
    'weights that are not finite',
    withRules({ substanceWeight: Number.NaN, administrationWeight: Number.POSITIVE_INFINITY }),
    [
      ['rules.substanceWeight', 'WEIGHT_OUT_OF_RANGE'],
      ['rules.administrationWeight', 'WEIGHT_OUT_OF_RANGE'],
    ],
  ],
  [
    'targets outside 0-100 or not finite',
    withRules({ targets: { KL: -1, PROVINCE: Number.NaN, KABKOTA: 101 } }),
    [
      ['rules.targets.KL', 'TARGET_OUT_OF_RANGE'],
      ['rules.targets.PROVINCE', 'TARGET_OUT_OF_RANGE'],
      ['rules.targets.KABKOTA', 'TARGET_OUT_OF_RANGE'],
    ],
  ],

  // Rules: periods
  ['no periods', withRules({ periods: [] }), [['rules.periods', 'NO_PERIODS']]],
  [
    'a repeated period code',
    withPeriods([period('B04', 1, 4), period('B08', 5, 8), period('B04', 9, 12)]),
    [['rules.periods[2].code', 'DUPLICATE_PERIOD_CODE']],
  ],
  ['a lower-case period code', withPeriods([period('b04', 1, 4), period('B08', 5, 12)]), [['rules.periods[0].code', 'INVALID_PERIOD_CODE']]],
  ['a period code that cannot be in a period key', withPeriods([period('B-04', 1, 4), period('B08', 5, 12)]), [['rules.periods[0].code', 'INVALID_PERIOD_CODE']]],
  ['a one-character period code', withPeriods([period('B', 1, 12)]), [['rules.periods[0].code', 'INVALID_PERIOD_CODE']]],
  [
    'months outside 1-12',
    withPeriods([period('B04', 0, 4), period('B08', 5, 13)]),
    [
      ['rules.periods[0].fromMonth', 'PERIOD_MONTH_INVALID'],
      ['rules.periods[1].toMonth', 'PERIOD_MONTH_INVALID'],
    ],
  ],
  ['a fractional month', withPeriods([period('B04', 1, 4.5), period('B08', 5, 12)]), [['rules.periods[0].toMonth', 'PERIOD_MONTH_INVALID']]],
  ['a period ending before it starts', withPeriods([period('B04', 1, 4), period('B08', 8, 5)]), [['rules.periods[1]', 'PERIOD_MONTHS_REVERSED']]],
  [
    'periods sharing a month',
    withPeriods([period('B04', 1, 5), period('B08', 5, 8), period('B12', 9, 12)]),
    [['rules.periods[1]', 'PERIODS_OVERLAP']],
  ],
  [
    'a period inside another, reported against each earlier one',
    withPeriods([period('B04', 1, 4), period('B08', 5, 8), period('TAHUN', 1, 12)]),
    [
      ['rules.periods[2]', 'PERIODS_OVERLAP'],
      ['rules.periods[2]', 'PERIODS_OVERLAP'],
    ],
  ],
];

describe('validateRanhamFramework finds each broken rule, at its path, and nothing else', () => {
  it('accepts the base version of these cases', () => {
    expect(validateRanhamFramework(ranhamVersion())).toEqual([]);
  });

  it.each(ruleCases)('%s', (_name, version, expected) => {
    expect(found(version)).toEqual(expected);
  });

  it('names the period that has no measure', () => {
    const [problem] = validateRanhamFramework(withAction({ successMeasures: measures(['B04', 'B12']) }));
    expect(problem.message.id).toContain('B08');
    expect(problem.message.en).toContain('B08');
  });

  it('names the earlier period an overlapping one collides with', () => {
    const [problem] = validateRanhamFramework(withPeriods([period('B04', 1, 5), period('B08', 5, 8), period('B12', 9, 12)]));
    expect(problem.message.en).toBe('Period "B08" overlaps period "B04" (rules.periods[0]).');
  });

  it('reports every problem at once, not only the first', () => {
    const version = ranhamVersion({
      version: 0,
      actions: [ranhamAction('A1', { year: 1999, title: '', reporterLevels: [] }), ranhamAction('A2', { responsibleUnits: [] })],
    });
    expect(found(version)).toEqual([
      ['version', 'VERSION_NOT_POSITIVE_INTEGER'],
      ['actions[0].year', 'ACTION_YEAR_INVALID'],
      ['actions[0].title', 'ACTION_TITLE_EMPTY'],
      ['actions[0].reporterLevels', 'NO_REPORTER_LEVELS'],
      ['actions[1].responsibleUnits', 'NO_RESPONSIBLE_UNITS'],
    ]);
  });
});

describe('validateRanhamFramework accepts what the rules allow', () => {
  it.each<[string, RanhamFrameworkVersion]>([
    ['the years 2000 and 2100', ranhamVersion({ actions: [ranhamAction('A1', { year: 2000 }), ranhamAction('A2', { year: 2100 })] })],
    ['one action code reused in another year', ranhamVersion({ actions: [ranhamAction('A1', { year: 2024 }), ranhamAction('A1', { year: 2025 })] })],
    ['codes with digits, ".", "_" and "-" of 40 characters', withAction({ code: `1.A_B-${'C'.repeat(34)}` })],
    ['all three reporter levels', withAction({ reporterLevels: ['KL', 'PROVINCE', 'KABKOTA'] })],
    ['weights of 100 and 0', withRules({ substanceWeight: 100, administrationWeight: 0 })],
    ['decimal weights summing to 100', withRules({ substanceWeight: 33.3, administrationWeight: 66.7 })],
    ['targets of 0 and 100', withRules({ targets: { KL: 100, PROVINCE: 0, KABKOTA: 50.5 } })],
    ['a quarterly scheme', withPeriods([period('TW1', 1, 3), period('TW2', 4, 6), period('TW3', 7, 9), period('TW4', 10, 12)])],
    ['a single yearly period', withPeriods([period('TAHUNAN', 1, 12)])],
    ['a one-month period next to another', withPeriods([period('JAN', 1, 1), period('FEB_DES', 2, 12)])],
    ['periods listed out of calendar order', withPeriods([period('B12', 9, 12), period('B04', 1, 4), period('B08', 5, 8)])],
    ['measures listed out of period order', withAction({ successMeasures: measures(['B12', 'B04', 'B08']) })],
  ])('%s', (_name, version) => {
    expect(validateRanhamFramework(version)).toEqual([]);
  });
});

// --- Structurally wrong input, as an imported file may hold ---------------------------------------------------------

describe('validateRanhamFramework on structurally broken input', () => {
  const structuralCases: Case[] = [
    ['the version itself is null', null as unknown as RanhamFrameworkVersion, [['', 'NOT_AN_OBJECT']]],
    ['the version is a list', [] as unknown as RanhamFrameworkVersion, [['', 'NOT_AN_OBJECT']]],
    ['a version number as text', broken({ version: '1' }), [['version', 'VERSION_NOT_POSITIVE_INTEGER']]],
    ['actions as text', broken({ actions: 'x' }), [['actions', 'NOT_A_LIST']]],
    ['actions missing', broken({ actions: undefined }), [['actions', 'REQUIRED_FIELD_MISSING']]],
    ['an action that is null', broken({ actions: [ranhamAction('A1'), null] }), [['actions[1]', 'NOT_AN_OBJECT']]],
    // eslint-disable-next-line no-sparse-arrays
    ['a hole in the actions', broken({ actions: [ranhamAction('A1'), , ranhamAction('A2')] }), [['actions[1]', 'NOT_AN_OBJECT']]],
    ['a year as text', brokenAction({ year: '2025' }), [['actions[0].year', 'ACTION_YEAR_INVALID']]],
    ['a title as a number', brokenAction({ title: 42 }), [['actions[0].title', 'ACTION_TITLE_EMPTY']]],
    ['an action code as a number', brokenAction({ code: 1 }), [['actions[0].code', 'INVALID_ACTION_CODE']]],
    ['a target group code missing', brokenAction({ targetGroupCode: undefined }), [['actions[0].targetGroupCode', 'UNKNOWN_TARGET_GROUP']]],
    ['reporter levels as text', brokenAction({ reporterLevels: 'KABKOTA' }), [['actions[0].reporterLevels', 'NOT_A_LIST']]],
    ['responsible units missing', brokenAction({ responsibleUnits: undefined }), [['actions[0].responsibleUnits', 'REQUIRED_FIELD_MISSING']]],
    ['a responsible unit as a number', brokenAction({ responsibleUnits: [7] }), [['actions[0].responsibleUnits[0]', 'RESPONSIBLE_UNIT_BLANK']]],
    ['success measures as an object', brokenAction({ successMeasures: {} }), [['actions[0].successMeasures', 'NOT_A_LIST']]],
    [
      'a success measure that is null',
      brokenAction({ successMeasures: [...measures(['B04', 'B08']), null] }),
      [
        ['actions[0].successMeasures[2]', 'NOT_AN_OBJECT'],
        ['actions[0].successMeasures', 'MISSING_PERIOD_MEASURE'],
      ],
    ],
    [
      'a period code as a number',
      brokenAction({ successMeasures: [...measures(['B04', 'B08']), { periodCode: 12, measure: 'Laporan' }] }),
      [
        ['actions[0].successMeasures[2].periodCode', 'UNKNOWN_PERIOD'],
        ['actions[0].successMeasures', 'MISSING_PERIOD_MEASURE'],
      ],
    ],
    ['target groups as an object', broken({ targetGroups: { ANAK: 'Anak' } }), [['targetGroups', 'NOT_A_LIST']]],
    [
      'a target group that is null',
      broken({ targetGroups: [{ code: 'ANAK', name: 'Anak' }, { code: 'PEREMPUAN', name: 'Perempuan' }, null] }),
      [['targetGroups[2]', 'NOT_AN_OBJECT']],
    ],
    ['rules missing', broken({ rules: undefined }), [['rules', 'REQUIRED_FIELD_MISSING']]],
    ['rules as text', broken({ rules: 'RANHAM' }), [['rules', 'NOT_AN_OBJECT']]],
    [
      'weights as text',
      broken({ rules: { ...RANHAM_2021_2025_RULES, substanceWeight: '70' } }),
      [['rules.substanceWeight', 'WEIGHT_OUT_OF_RANGE']],
    ],
    ['targets missing', broken({ rules: { ...RANHAM_2021_2025_RULES, targets: undefined } }), [['rules.targets', 'REQUIRED_FIELD_MISSING']]],
    ['targets as a list', broken({ rules: { ...RANHAM_2021_2025_RULES, targets: [75, 65, 60] } }), [['rules.targets', 'NOT_AN_OBJECT']]],
    ['periods as text', broken({ rules: { ...RANHAM_2021_2025_RULES, periods: 'B04,B08,B12' } }), [['rules.periods', 'NOT_A_LIST']]],
    [
      'a period that is null',
      broken({ rules: { ...RANHAM_2021_2025_RULES, periods: [...RANHAM_2021_2025_RULES.periods, null] } }),
      [['rules.periods[3]', 'NOT_AN_OBJECT']],
    ],
    [
      'period months as text',
      broken({ rules: { ...RANHAM_2021_2025_RULES, periods: [{ code: 'B04', fromMonth: '1', toMonth: 4 }, ...RANHAM_2021_2025_RULES.periods.slice(1)] } }),
      [['rules.periods[0].fromMonth', 'PERIOD_MONTH_INVALID']],
    ],
  ];

  it.each(structuralCases)('%s', (_name, version, expected) => {
    expect(found(version)).toEqual(expected);
  });

  it('does not throw on a thoroughly broken file, and reports its problems', () => {
    const titleWithoutPrototype = Object.create(null) as unknown;
    const mess = broken({
      version: 'satu',
      programme: 42,
      targetGroups: [null, 'ANAK', { code: 5 }],
      actions: [null, 'x', { code: {}, year: '2025', title: titleWithoutPrototype, reporterLevels: [null], successMeasures: [[]] }],
      rules: { substanceWeight: {}, targets: null, periods: [{ code: [], fromMonth: null }] },
    });
    let problems: FrameworkProblem[] = [];
    expect(() => (problems = validateRanhamFramework(mess))).not.toThrow();
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['version', 'programme', 'targetGroups[0]', 'targetGroups[2].code', 'actions[0]', 'actions[1]', 'actions[2].title', 'rules.targets']),
    );
    expect(problems.length).toBeGreaterThan(15);
  });

  it('does not change the version it checks', () => {
    const version = withAction({ successMeasures: measures(['B04', 'B04']) });
    const before = JSON.stringify(version);
    validateRanhamFramework(version);
    expect(JSON.stringify(version)).toBe(before);
  });
});

// --- Every problem speaks both languages; every code has a focused case above ---------------------------------------

describe('problem messages and codes', () => {
  const everyCase = [...ruleCases.map(([, version]) => version)];

  it('gives every problem a non-empty Indonesian and English message, which differ', () => {
    const problems = everyCase.flatMap((version) => validateRanhamFramework(version));
    expect(problems.length).toBeGreaterThan(ruleCases.length);
    for (const problem of problems) {
      expect(problem.message.id.trim()).not.toBe('');
      expect(problem.message.en.trim()).not.toBe('');
      expect(problem.message.id).not.toBe(problem.message.en);
      expect(problem.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('does so for structurally broken input too', () => {
    const problems = validateRanhamFramework(broken({ actions: [null], targetGroups: 'x', rules: { periods: {} } }));
    expect(problems.length).toBeGreaterThanOrEqual(3);
    for (const problem of problems) {
      expect(problem.message.id.trim()).not.toBe('');
      expect(problem.message.en.trim()).not.toBe('');
      expect(problem.message.id).not.toBe(problem.message.en);
    }
  });

  it('has a focused case for each rule code', () => {
    const covered = new Set(ruleCases.flatMap(([, , expected]) => expected.map(([, code]) => code)));
    expect([...covered].sort()).toEqual(
      [
        'VERSION_NOT_POSITIVE_INTEGER',
        'PROGRAMME_NOT_RANHAM',
        'NO_TARGET_GROUPS',
        'DUPLICATE_TARGET_GROUP_CODE',
        'INVALID_TARGET_GROUP_CODE',
        'TARGET_GROUP_NAME_EMPTY',
        'NO_ACTIONS',
        'DUPLICATE_ACTION_CODE',
        'INVALID_ACTION_CODE',
        'UNKNOWN_TARGET_GROUP',
        'ACTION_YEAR_INVALID',
        'ACTION_TITLE_EMPTY',
        'NO_REPORTER_LEVELS',
        'UNKNOWN_REPORTER_LEVEL',
        'DUPLICATE_REPORTER_LEVEL',
        'NO_RESPONSIBLE_UNITS',
        'RESPONSIBLE_UNIT_BLANK',
        'UNKNOWN_PERIOD',
        'DUPLICATE_PERIOD_MEASURE',
        'MISSING_PERIOD_MEASURE',
        'MEASURE_TEXT_EMPTY',
        'WEIGHTS_NOT_100',
        'WEIGHT_OUT_OF_RANGE',
        'TARGET_OUT_OF_RANGE',
        'NO_PERIODS',
        'DUPLICATE_PERIOD_CODE',
        'INVALID_PERIOD_CODE',
        'PERIOD_MONTH_INVALID',
        'PERIOD_MONTHS_REVERSED',
        'PERIODS_OVERLAP',
      ].sort(),
    );
  });
});

// --- Numbered measures ---------------------------------------------------------------------------------------------

describe('validateRanhamFramework on numbered measures', () => {
  const numbered = (code: string, periodCode: string, extra: Record<string, unknown> = {}): RanhamSuccessMeasure =>
    ({
      periodCode,
      code,
      measure: `Ukuran ${code}`,
      answerType: RanhamMeasureAnswerType.YES_NO,
      requiredDocuments: [{ documentTypes: ['NOTULEN'], minCount: 1 }],
      ...extra,
    }) as RanhamSuccessMeasure;
  const allPeriods = (action: string): RanhamSuccessMeasure[] => [
    numbered(`${action}.B04.1`, 'B04'),
    numbered(`${action}.B04.2`, 'B04', { answerType: RanhamMeasureAnswerType.NUMBER, target: 5 }),
    numbered(`${action}.B08.1`, 'B08', { answerType: RanhamMeasureAnswerType.PERCENT }),
    numbered(`${action}.B12.1`, 'B12', { answerType: RanhamMeasureAnswerType.TEXT, requiredDocuments: [] }),
  ];
  const version = (first: RanhamSuccessMeasure[]) =>
    ranhamVersion({ actions: [ranhamAction('A1', { successMeasures: first }), ranhamAction('A2', { successMeasures: allPeriods('A2') })] });

  it('accepts several measures per period, each with its own code, answer type and document rules', () => {
    expect(validateRanhamFramework(version(allPeriods('A1')))).toEqual([]);
  });

  it('refuses a measure code used twice in the version, naming where it was first used', () => {
    const problems = validateRanhamFramework(version([...allPeriods('A1').slice(0, 3), numbered('A2.B04.1', 'B12')]));
    expect(problems.map((p) => [p.path, p.code])).toEqual([['actions[1].successMeasures[0].code', 'DUPLICATE_MEASURE_CODE']]);
    expect(problems[0].message.en).toContain('actions[0].successMeasures[3]');
  });

  it('refuses unknown answer types, a NUMBER without a target, a target on another type, bad codes and bad document rules', () => {
    const broken = [
      numbered('A1.B04.1', 'B04', { answerType: 'SCALE' }),
      numbered('A1.B04.2', 'B04', { answerType: RanhamMeasureAnswerType.NUMBER }),
      numbered('A1.B08.1', 'B08', { target: 3 }),
      numbered('a1.b12', 'B12', { requiredDocuments: [{ documentTypes: ['MINUTES'], minCount: 0 }, { documentTypes: [], minCount: 1 }, 'NOTULEN'] }),
    ];
    expect(found(version(broken))).toEqual([
      ['actions[0].successMeasures[0].answerType', 'UNKNOWN_MEASURE_ANSWER_TYPE'],
      ['actions[0].successMeasures[1].target', 'MEASURE_TARGET_INVALID'],
      ['actions[0].successMeasures[2].target', 'MEASURE_TARGET_UNEXPECTED'],
      ['actions[0].successMeasures[3].code', 'INVALID_MEASURE_CODE'],
      ['actions[0].successMeasures[3].requiredDocuments[0].documentTypes[0]', 'UNKNOWN_DOCUMENT_TYPE'],
      ['actions[0].successMeasures[3].requiredDocuments[0].minCount', 'DOCUMENT_COUNT_INVALID'],
      ['actions[0].successMeasures[3].requiredDocuments[1].documentTypes', 'NO_DOCUMENT_TYPES'],
      ['actions[0].successMeasures[3].requiredDocuments[2]', 'NOT_AN_OBJECT'],
    ]);
  });

  it('requires a code once a measure has an answer type (only the bare old shape is normalised), and reads no document rules as none', () => {
    const partial = { periodCode: 'B04', measure: 'Ukuran', answerType: RanhamMeasureAnswerType.YES_NO } as unknown as RanhamSuccessMeasure;
    expect(found(version([partial, ...allPeriods('A1').slice(2)]))).toEqual([['actions[0].successMeasures[0].code', 'INVALID_MEASURE_CODE']]);
    const read = normaliseRanhamContent(version([{ ...partial, code: 'A1.B04.1' }, ...allPeriods('A1').slice(2)]));
    expect(read.actions[0].successMeasures[0].requiredDocuments).toEqual([]);
    expect(found(version([{ ...partial, requiredDocuments: 'NOTULEN' } as unknown as RanhamSuccessMeasure, ...allPeriods('A1').slice(2)]))).toEqual([
      ['actions[0].successMeasures[0].code', 'INVALID_MEASURE_CODE'],
      ['actions[0].successMeasures[0].requiredDocuments', 'NOT_A_LIST'],
    ]);
  });
});

describe('validateRanhamFramework on the administrative reasons of the rules', () => {
  it('accepts known return reasons, or none at all, and refuses unknown or repeated ones', () => {
    expect(validateRanhamFramework(withRules({ administrativeReasons: ['MISSING_MINUTES', 'WRONG_PERIOD'] }))).toEqual([]);
    expect(validateRanhamFramework(withRules({ administrativeReasons: [] }))).toEqual([]);
    expect(found(withRules({ administrativeReasons: ['MISSING_MINUTES', 'NO_STAMP', 'MISSING_MINUTES'] }))).toEqual([
      ['rules.administrativeReasons[1]', 'UNKNOWN_RETURN_REASON'],
      ['rules.administrativeReasons[2]', 'DUPLICATE_RETURN_REASON'],
    ]);
    expect(found(withRules({ administrativeReasons: 'MISSING_MINUTES' as never }))).toEqual([['rules.administrativeReasons', 'NOT_A_LIST']]);
  });
});
