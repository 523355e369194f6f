import {
  effectiveAnswers,
  FrameworkStatus,
  Programme,
  RANHAM_2021_2025_RULES,
  RanhamAction,
  RanhamFrameworkVersion,
  RanhamStanding,
  RanhamSuccessMeasure,
  normaliseRanhamContent,
  RanhamMeasureAnswerType,
  DocumentType,
  EvidenceOnFile,
  scoreRanhamPeriod,
} from '../../src';

/** Old-shape measures (one per period, answered by action code): the version builder reads them as the domain does. */
const measures = (label: string) =>
  ['B04', 'B08', 'B12'].map((periodCode) => ({ periodCode, measure: `${label} ${periodCode}` })) as unknown as RanhamSuccessMeasure[];

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
  return normaliseRanhamContent({
    programme: Programme.RANHAM,
    frameworkCode: 'RANHAM_TEST',
    version: 1,
    status: FrameworkStatus.PUBLISHED,
    label: 'test',
    targetGroups: [{ code: 'ANAK', name: 'Anak' }],
    actions,
    rules: RANHAM_2021_2025_RULES, // substance 70, administration 30; KABKOTA target 60
  } as RanhamFrameworkVersion) as RanhamFrameworkVersion;
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

  it('counts a rejected action as neither achieved nor reported, and "nihil" as reported but invalid and incomplete', () => {
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
    // A1's rejection is about substance, so it stays formally complete; "nihil" and 120 are not of the answer type
    expect(result.actions.map((a) => a.measures[0].incompleteReason)).toEqual([undefined, 'NOT_OF_THE_ANSWER_TYPE', 'NOT_OF_THE_ANSWER_TYPE', 'UNANSWERED']);
    expect(result.administration).toBe(25);
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

describe('RANHAM period scoring by numbered measure', () => {
  const rule = (minCount: number, ...documentTypes: DocumentType[]) => ({ documentTypes, minCount });
  const measure = (code: string, answerType: RanhamMeasureAnswerType, requiredDocuments: ReturnType<typeof rule>[], target?: number): RanhamSuccessMeasure => ({
    periodCode: code.split('.')[1],
    code,
    measure: `Ukuran ${code}`,
    answerType,
    requiredDocuments,
    ...(target === undefined ? {} : { target }),
  });
  const numbered = version([
    action('X', {
      successMeasures: [
        measure('X.B04.1', RanhamMeasureAnswerType.YES_NO, [rule(1, DocumentType.NOTULEN)]),
        measure('X.B04.2', RanhamMeasureAnswerType.NUMBER, [rule(2, DocumentType.FOTO)], 10),
        measure('X.B04.3', RanhamMeasureAnswerType.PERCENT, []),
        measure('X.B08.1', RanhamMeasureAnswerType.TEXT, []),
      ],
    }),
    action('Y', { successMeasures: [measure('Y.B04.1', RanhamMeasureAnswerType.YES_NO, [rule(1, DocumentType.LAPORAN)])] }),
  ]);
  const answers = { 'X.B04.1': true, 'X.B04.2': 5, 'X.B04.3': 60, 'Y.B04.1': true };
  const document = (documentType: DocumentType, code: string, accepted = true): EvidenceOnFile => ({ documentType, indicatorCodes: [code], accepted });
  const documents = [
    document(DocumentType.NOTULEN, 'X.B04.1'),
    document(DocumentType.FOTO, 'X.B04.2'),
    document(DocumentType.FOTO, 'X.B04.2', false), // not accepted by the document check: does not count
    document(DocumentType.LAPORAN, 'Y.B04.1'),
  ];
  const input = { year: 2025, periodCode: 'B04', level: 'KABKOTA' as const, answers, documents };
  /** Y.B04.1 (answered, its report accepted) as scored when a verifier rejects it for `reason`. */
  const rejectedMeasure = (version: typeof numbered, reason: string) => scoreRanhamPeriod(version, { ...input, rejected: { 'Y.B04.1': reason } }).actions[1].measures[0];

  it('averages measures per action, then actions, for substance; formal completeness the same way for administration', () => {
    const result = scoreRanhamPeriod(numbered, input);
    // X: (100 + 5/10 of target = 50 + 60) / 3 = 70; Y: 100 → substance 85 (a flat mean over measures would be 77.5)
    expect(result.actions.map((a) => a.achievement)).toEqual([70, 100]);
    expect(result.substance).toBe(85);
    // X.B04.2 has 1 of its 2 accepted photos → X is 2/3 complete; Y complete → administration (66.67 + 100) / 2
    expect(result.actions[0].measures.map((m) => [m.label, m.complete, m.incompleteReason])).toEqual([
      ['B04.1', true, undefined],
      ['B04.2', false, 'DOCUMENTS_MISSING'],
      ['B04.3', true, undefined],
    ]);
    expect(result.actions[0].measures[1].documents).toEqual([{ documentTypes: ['FOTO'], required: 2, found: 1 }]);
    expect(result.administration).toBeCloseTo(250 / 3, 10);
    expect(result.total).toBe(84.5); // 0.7 * 85 + 0.3 * 83.33
    expect(result.band).toBe(RanhamStanding.MEMENUHI_TARGET);
  });

  it('fails a measure an administrative finding marks, in substance and administration; other findings only in substance', () => {
    const administrative = scoreRanhamPeriod(numbered, { ...input, rejected: { 'Y.B04.1': 'MISSING_SIGNATURE_OR_LETTERHEAD' } });
    expect(administrative.actions[1].measures[0]).toMatchObject({ status: 'REJECTED', complete: false, incompleteReason: 'MISSING_SIGNATURE_OR_LETTERHEAD' });
    expect(administrative.substance).toBe(35); // (70 + 0) / 2
    expect(administrative.administration).toBeCloseTo(100 / 3, 10); // (66.67 + 0) / 2
    expect(administrative.total).toBe(34.5);
    const substantive = scoreRanhamPeriod(numbered, { ...input, rejected: { 'Y.B04.1': 'EVIDENCE_NOT_MATCHING' } });
    expect(substantive.actions[1].measures[0]).toMatchObject({ status: 'REJECTED', complete: true });
    expect(substantive.administration).toBeCloseTo(250 / 3, 10);
  });

  it('counts a measure without its documents, or unanswered, as formally incomplete', () => {
    const result = scoreRanhamPeriod(numbered, { ...input, answers: { ...answers, 'X.B04.3': null }, documents: [] });
    expect(result.actions[0].measures.map((m) => m.incompleteReason)).toEqual(['DOCUMENTS_MISSING', 'DOCUMENTS_MISSING', 'UNANSWERED']);
    expect(result.administration).toBe(0);
  });

  it('takes the administrative findings from the version’s rules', () => {
    const own = { ...numbered, rules: { ...numbered.rules, administrativeReasons: ['EVIDENCE_NOT_MATCHING'] } };
    const listed = rejectedMeasure(own, 'EVIDENCE_NOT_MATCHING');
    expect(listed).toMatchObject({ complete: false, incompleteReason: 'EVIDENCE_NOT_MATCHING' });
    expect(rejectedMeasure(own, 'MISSING_SIGNATURE_OR_LETTERHEAD')).toMatchObject({ complete: true });
  });

  it('weighs substance and administration by the version’s rules', () => {
    const even = { ...numbered, rules: { ...numbered.rules, substanceWeight: 50, administrationWeight: 50 } };
    expect(scoreRanhamPeriod(even, input).total).toBe(84.17); // (85 + 83.33) / 2
  });
});
