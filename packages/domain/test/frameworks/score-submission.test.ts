import {
  FrameworkStatus,
  KKP_HAM_2021_SAMPLE,
  OrganisationKind,
  prepareSubmissionScorer,
  Programme,
  RANHAM_2021_2025_SAMPLE,
  RANHAM_2021_2025_SAMPLE_V1,
  DocumentType,
  validateSubmissionAnswers,
  ranhamLevelOf,
  StoredFrameworkVersion,
} from '../../src';

const stored = (version: typeof KKP_HAM_2021_SAMPLE | typeof RANHAM_2021_2025_SAMPLE | typeof RANHAM_2021_2025_SAMPLE_V1): StoredFrameworkVersion => {
  const { programme, frameworkCode, version: number, status, label, ...content } = version;
  return { programme, frameworkCode, version: number, status, label, content: content as StoredFrameworkVersion['content'] };
};

describe('scoring a submission under a stored version', () => {
  const kkp = prepareSubmissionScorer(stored(KKP_HAM_2021_SAMPLE));
  const base = { programme: Programme.KKP_HAM, periodKey: '2026-TAHUNAN', answers: { 'K1.S1': true, 'K1.P1': 50 } };

  it('stamps the version and hashes every input: equal inputs, equal hash; any change, another hash', () => {
    const first = kkp(base);
    expect(first.frameworkStamp).toBe('KKP_HAM_PERMENKUMHAM_22_2021@1');
    expect(kkp({ ...base, answers: { 'K1.P1': 50, 'K1.S1': true } }).inputHash).toBe(first.inputHash);
    const variants = [
      kkp({ ...base, verifiedAnswers: { 'K1.P1': 50 } }), // same value, but now verified: the source is an input too
      kkp({ ...base, rejections: { 'K1.S1': 'WRONG_PERIOD' } }),
      kkp({ ...base, adjustments: { AKSI_HAM_BONUS: 1 } }),
      kkp({ ...base, answers: { ...base.answers, 'K1.P1': 51 } }),
    ];
    expect(new Set([first.inputHash, ...variants.map((v) => v.inputHash)]).size).toBe(5);
    expect(variants[0]).toMatchObject({ basis: 'VERIFIED', total: first.total });
  });

  it('refuses to prepare an invalid version, once, before any submission is scored', () => {
    const broken = stored({ ...KKP_HAM_2021_SAMPLE, criteria: [] });
    expect(() => prepareSubmissionScorer(broken)).toThrow(/NO_CRITERIA/);
    const brokenRanham = stored({ ...RANHAM_2021_2025_SAMPLE, actions: [] });
    expect(() => prepareSubmissionScorer(brokenRanham)).toThrow(/NO_ACTIONS/);
  });

  it('scores RANHAM reports by the reporting unit’s level, and refuses a malformed period key (old shape: answers by action code)', () => {
    const ranham = prepareSubmissionScorer(stored({ ...RANHAM_2021_2025_SAMPLE_V1, status: FrameworkStatus.PUBLISHED }));
    const asMinistry = ranham({ programme: Programme.RANHAM, periodKey: '2025-B04', answers: { 'AKSI-2025-09': true }, organisationKind: OrganisationKind.MINISTRY });
    expect(asMinistry).toMatchObject({ total: 100, band: 'MEMENUHI_TARGET', breakdown: expect.objectContaining({ level: 'KL', target: 75 }) });
    const asCity = ranham({ programme: Programme.RANHAM, periodKey: '2025-B04', answers: { 'AKSI-2025-09': true } });
    expect(asCity).toMatchObject({ total: 0, band: 'BELUM_MEMENUHI_TARGET' });
    expect(() => ranham({ programme: Programme.RANHAM, periodKey: 'B04-2025', answers: {} })).toThrow(RangeError);
    expect([OrganisationKind.MINISTRY, OrganisationKind.BIRO_HUKUM, OrganisationKind.OPD, null].map((kind) => ranhamLevelOf(kind))).toEqual(['KL', 'PROVINCE', 'KABKOTA', 'KABKOTA']);
    // A directorate counts at its ministry's level, a province's OPD (no regency/city) at the province's.
    expect(ranhamLevelOf(OrganisationKind.DIRECTORATE, null)).toBe('KL');
    expect(ranhamLevelOf(OrganisationKind.OPD, null)).toBe('PROVINCE');
    expect(ranhamLevelOf(OrganisationKind.OPD, '64.71')).toBe('KABKOTA');
  });
});

describe('RANHAM reports by numbered measure under a stored version', () => {
  const v2 = stored(RANHAM_2021_2025_SAMPLE);
  const ranham = prepareSubmissionScorer(v2);
  const asMinistry = { programme: Programme.RANHAM, periodKey: '2025-B04', organisationKind: OrganisationKind.MINISTRY };
  const minutes = { documentType: DocumentType.NOTULEN, indicatorCodes: ['AKSI-2025-09.B04.1'], accepted: true };

  it('counts the accepted documents naming a measure toward its administration, and hashes them', () => {
    const without = ranham({ ...asMinistry, answers: { 'AKSI-2025-09.B04.1': true } });
    expect(without.total).toBe(70); // substance 100, administration 0: the measure's minutes are missing
    const withMinutes = ranham({ ...asMinistry, answers: { 'AKSI-2025-09.B04.1': true }, documents: [minutes] });
    expect(withMinutes.total).toBe(100);
    expect(withMinutes.inputHash).not.toBe(without.inputHash);
    const unaccepted = ranham({ ...asMinistry, answers: { 'AKSI-2025-09.B04.1': true }, documents: [{ ...minutes, accepted: false }] });
    expect(unaccepted).toMatchObject({ total: 70, inputHash: without.inputHash });
  });

  it('accepts answers keyed by measure code of their type, and refuses unknown measures and wrong types naming action and measure', () => {
    const city = { periodKey: '2025-B04' };
    expect(validateSubmissionAnswers(v2, city, { 'AKSI-2025-01.B04.1': true, 'AKSI-2025-01.B04.3': 7, 'AKSI-2025-01.B12.2': 'Kendala: anggaran' })).toEqual([]);
    const problems = validateSubmissionAnswers(v2, city, { 'AKSI-2025-01': true, 'AKSI-2025-01.B04.2': 50, 'AKSI-2025-01.B04.3': 'nihil' });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['answers.AKSI-2025-01', 'UNKNOWN_MEASURE'],
      ['answers.AKSI-2025-01.B04.2', 'NOT_AN_ACHIEVEMENT'],
      ['answers.AKSI-2025-01.B04.3', 'NIHIL_INSTEAD_OF_NUMBER'],
    ]);
    expect(problems[1].message).toEqual({
      id: 'Aksi AKSI-2025-01, ukuran B04.2: capaian diisi ya/tidak.',
      en: 'Action AKSI-2025-01, measure B04.2: the achievement is a yes/no.',
    });
  });

  it('keeps answers keyed by action code valid under the old shape', () => {
    const v1 = stored(RANHAM_2021_2025_SAMPLE_V1);
    expect(validateSubmissionAnswers(v1, { periodKey: '2025-B08' }, { 'AKSI-2025-01': true, 'AKSI-2025-03': 50 })).toEqual([]);
    expect(validateSubmissionAnswers(v1, { periodKey: '2025-B08' }, { 'AKSI-2025-01.B08.1': true }).map((p) => p.code)).toEqual(['UNKNOWN_MEASURE']);
  });
});
