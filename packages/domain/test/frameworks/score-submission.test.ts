import {
  FrameworkStatus,
  KKP_HAM_2021_SAMPLE,
  OrganisationKind,
  prepareSubmissionScorer,
  Programme,
  RANHAM_2021_2025_SAMPLE,
  ranhamLevelOf,
  StoredFrameworkVersion,
} from '../../src';

const stored = (version: typeof KKP_HAM_2021_SAMPLE | typeof RANHAM_2021_2025_SAMPLE): StoredFrameworkVersion => {
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

  it('scores RANHAM reports by the reporting unit’s level, and refuses a malformed period key', () => {
    const ranham = prepareSubmissionScorer(stored({ ...RANHAM_2021_2025_SAMPLE, status: FrameworkStatus.PUBLISHED }));
    const asMinistry = ranham({ programme: Programme.RANHAM, periodKey: '2025-B04', answers: { 'AKSI-2025-09': true }, organisationKind: OrganisationKind.MINISTRY });
    expect(asMinistry).toMatchObject({ total: 100, band: 'MEMENUHI_TARGET', breakdown: expect.objectContaining({ level: 'KL', target: 75 }) });
    const asCity = ranham({ programme: Programme.RANHAM, periodKey: '2025-B04', answers: { 'AKSI-2025-09': true } });
    expect(asCity).toMatchObject({ total: 0, band: 'BELUM_MEMENUHI_TARGET' });
    expect(() => ranham({ programme: Programme.RANHAM, periodKey: 'B04-2025', answers: {} })).toThrow(RangeError);
    expect([OrganisationKind.MINISTRY, OrganisationKind.BIRO_HUKUM, OrganisationKind.OPD, null].map(ranhamLevelOf)).toEqual(['KL', 'PROVINCE', 'KABKOTA', 'KABKOTA']);
  });
});
