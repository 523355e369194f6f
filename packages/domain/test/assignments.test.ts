import {
  allAnswerCodes,
  answerAssignments,
  assignmentCatalogue,
  assignmentItemsOf,
  compileAnswers,
  CompileSource,
  copyForwardAssignments,
  expandAssignedCodes,
  FrameworkContent,
  Programme,
  validateAssignments,
} from '../src';

const measure = (code: string, periodCode: string) => ({ code, periodCode, measure: `Ukuran ${code}`, answerType: 'YES_NO', requiredDocuments: [] });
const RANHAM = {
  targetGroups: [],
  rules: {},
  actions: [
    { code: 'A1', year: 2026, title: 'Perwal ramah anak', reporterLevels: ['KABKOTA'], successMeasures: [measure('A1.B04.1', 'B04'), measure('A1.B04.2', 'B04'), measure('A1.B08.1', 'B08')] },
    { code: 'A2', year: 2026, title: 'Layanan disabilitas', reporterLevels: ['KABKOTA', 'PROVINCE'], successMeasures: [measure('A2.B08.1', 'B08')] },
    { code: 'K1', year: 2026, title: 'Aksi K/L', reporterLevels: ['KL'], successMeasures: [measure('K1.B04.1', 'B04')] },
    { code: 'A0', year: 2025, title: 'Aksi tahun lalu', reporterLevels: ['KABKOTA'], successMeasures: [measure('A0.B04.1', 'B04')] },
  ],
} as unknown as FrameworkContent;
// The old shape: one measure per action and period, no code; answered by the action's code.
const OLD_RANHAM = {
  targetGroups: [],
  rules: {},
  actions: [{ code: 'OLD-1', year: 2026, title: 'Aksi lama', reporterLevels: ['KABKOTA'], successMeasures: [{ periodCode: 'B04', measure: 'x' }, { periodCode: 'B08', measure: 'y' }] }],
} as unknown as FrameworkContent;
const KKP = { criteria: [], rules: {}, indicators: [{ code: 'K1.S1', text: 'Perda bantuan hukum' }, { code: 'K1.P1', text: 'Anggaran' }] } as unknown as FrameworkContent;

describe('assignable items of a version', () => {
  it('lists KKP HAM indicators, and RANHAM actions of the year and level each followed by its measures', () => {
    expect(assignmentCatalogue(Programme.KKP_HAM, KKP).items.map((item) => [item.code, item.kind])).toEqual([['K1.S1', 'INDICATOR'], ['K1.P1', 'INDICATOR']]);
    const catalogue = assignmentCatalogue(Programme.RANHAM, RANHAM, { year: 2026, level: 'KABKOTA' });
    expect(catalogue.items.map((item) => `${item.kind}:${item.code}:${item.parentCode ?? '-'}:${item.periodCode ?? '-'}`)).toEqual([
      'ACTION:A1:-:-',
      'MEASURE:A1.B04.1:A1:B04',
      'MEASURE:A1.B04.2:A1:B04',
      'MEASURE:A1.B08.1:A1:B08',
      'ACTION:A2:-:-',
      'MEASURE:A2.B08.1:A2:B08',
    ]);
  });

  it('lets an old-shape action stand for its measures, answered by the action code in each period', () => {
    const catalogue = assignmentCatalogue(Programme.RANHAM, OLD_RANHAM);
    expect(catalogue.items.map((item) => item.code)).toEqual(['OLD-1']);
    expect([...expandAssignedCodes(catalogue, ['OLD-1'], 'B08')]).toEqual(['OLD-1']);
  });
});

describe('expanding assigned items to answer codes', () => {
  const catalogue = assignmentCatalogue(Programme.RANHAM, RANHAM, { year: 2026, level: 'KABKOTA' });

  it('gives an action’s measures of the period, a measure only in its own period, and an action with its own measure once', () => {
    expect([...expandAssignedCodes(catalogue, ['A1'], 'B04')]).toEqual(['A1.B04.1', 'A1.B04.2']);
    expect([...expandAssignedCodes(catalogue, ['A2.B08.1'], 'B04')]).toEqual([]);
    expect([...expandAssignedCodes(catalogue, ['A1', 'A1.B08.1', 'GONE'], 'B08')]).toEqual(['A1.B08.1']);
    expect([...expandAssignedCodes(catalogue, ['A1'], null)]).toEqual(['A1.B04.1', 'A1.B04.2', 'A1.B08.1']);
    expect([...allAnswerCodes(catalogue, 'B08')]).toEqual(['A1.B08.1', 'A2.B08.1']);
  });

  it('keeps indicators in every period', () => {
    const kkp = assignmentCatalogue(Programme.KKP_HAM, KKP);
    expect([...expandAssignedCodes(kkp, ['K1.P1'], 'TAHUNAN')]).toEqual(['K1.P1']);
  });

  it('leads by answer code, a measure’s own lead standing over its action’s, whatever the order', () => {
    const rows = [
      { itemCode: 'A1.B04.1', unitId: 'u2', lead: true },
      { itemCode: 'A1', unitId: 'u1', lead: true },
      { itemCode: 'A1.B04.1', unitId: 'u1', lead: false },
    ];
    const { codesByUnit, leads } = answerAssignments(catalogue, rows, 'B04');
    expect([...leads.entries()].sort()).toEqual([['A1.B04.1', 'u2'], ['A1.B04.2', 'u1']]);
    expect([...(codesByUnit.get('u1') ?? [])]).toEqual(['A1.B04.1', 'A1.B04.2']);
    expect(assignmentItemsOf(catalogue, rows)).toEqual([
      { code: 'A1', unitIds: ['u1'], leadUnitId: 'u1' },
      { code: 'A1.B04.1', unitIds: ['u1', 'u2'], leadUnitId: 'u2' },
    ]);
  });
});

describe('validating an assignment set', () => {
  const catalogue = assignmentCatalogue(Programme.RANHAM, RANHAM, { year: 2026, level: 'KABKOTA' });
  const units = new Set(['u1', 'u2', 'u3']);

  it('names each problem by its path, in Indonesian and English, and keeps nothing', () => {
    const { problems, items } = validateAssignments(catalogue, units, [
      { code: 'K1', unitIds: ['u1'] },
      { code: 'A1', unitIds: ['u1', 'u9'], leadUnitId: 'u1' },
      { code: 'A2', unitIds: ['u1', 'u2'] },
      { code: 'A1.B04.1', unitIds: ['u1'], leadUnitId: 'u3' },
      { code: 'A2', unitIds: ['u3'] },
      { code: 'A1.B08.1', unitIds: ['u2', 'u2'] },
    ]);
    expect(problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      'items[0].code UNKNOWN_ITEM',
      'items[1].unitIds[1] UNKNOWN_UNIT',
      'items[2].leadUnitId LEAD_REQUIRED',
      'items[3].leadUnitId LEAD_NOT_AMONG_UNITS',
      'items[4].code DUPLICATE_ITEM',
      'items[5].unitIds[1] DUPLICATE_UNIT',
    ]);
    expect(problems[4].message).toEqual({ id: 'Butir A2 sudah ditugaskan pada items[2]', en: 'Item A2 is already assigned at items[2]' });
    expect(items).toEqual([]);
  });

  it('accepts an action and one of its own measures for the same unit, defaults a single unit’s lead and leaves out empty items', () => {
    const { problems, items } = validateAssignments(catalogue, units, [
      { code: 'A1', unitIds: ['u1'] },
      { code: 'A1.B04.1', unitIds: ['u1', 'u2'], leadUnitId: 'u2' },
      { code: 'A2', unitIds: [] },
    ]);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { code: 'A1', unitIds: ['u1'], leadUnitId: 'u1' },
      { code: 'A1.B04.1', unitIds: ['u1', 'u2'], leadUnitId: 'u2' },
    ]);
  });
});

describe('copying a set forward', () => {
  it('drops items the new version lacks and inactive units, listing them, and replaces a lead that left when one unit stays', () => {
    const next = assignmentCatalogue(Programme.RANHAM, RANHAM, { year: 2026, level: 'KABKOTA' });
    const { items, dropped } = copyForwardAssignments(
      [
        { code: 'A0', unitIds: ['u1'], leadUnitId: 'u1' },
        { code: 'A1', unitIds: ['u1', 'u2'], leadUnitId: 'u2' },
        { code: 'A2', unitIds: ['u1', 'u2', 'u3'], leadUnitId: 'u2' },
        { code: 'A1.B04.1', unitIds: ['u2'], leadUnitId: 'u2' },
      ],
      next,
      new Set(['u1', 'u3']),
    );
    expect(items).toEqual([
      { code: 'A1', unitIds: ['u1'], leadUnitId: 'u1' },
      { code: 'A2', unitIds: ['u1', 'u3'], leadUnitId: null },
    ]);
    expect(dropped).toEqual([
      { code: 'A0', unitId: null, reason: 'ITEM_NOT_IN_VERSION' },
      { code: 'A1', unitId: 'u2', reason: 'UNIT_INACTIVE' },
      { code: 'A2', unitId: 'u2', reason: 'UNIT_INACTIVE' },
      { code: 'A1.B04.1', unitId: 'u2', reason: 'UNIT_INACTIVE' },
    ]);
  });
});

describe('compiling with leads', () => {
  const sources: CompileSource[] = [
    { submissionId: 's1', organisationId: 'lead', answers: { X: 70 } },
    { submissionId: 's2', organisationId: 'helper', answers: { X: 60, Y: true } },
    { submissionId: 's3', organisationId: 'other', answers: { Y: false } },
  ];

  it('lets the lead’s answer settle a disagreement with a supporting unit', () => {
    const result = compileAnswers({}, sources, new Map([['X', 'lead'], ['Y', 'lead']]));
    expect(result.answers.X).toBe(70);
    // The lead did not answer Y: the supporting units’ disagreement is still the coordinator’s to settle.
    expect(result.conflicts.map((conflict) => conflict.indicatorCode)).toEqual(['Y']);
  });

  it('still conflicts without leads', () => {
    expect(compileAnswers({}, sources).conflicts.map((conflict) => conflict.indicatorCode)).toEqual(['X', 'Y']);
  });
});
