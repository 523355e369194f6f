import {
  answerText,
  breakdownRows,
  chartBars,
  defaultGroup,
  formatScore,
  groupsOf,
  historySubject,
  kkpBands,
  listQuery,
  NO_FILTERS,
  provincesInScope,
  readsScores,
  targetOf,
  trendOf,
  verificationGap,
  versionNumber,
  type ScoreView,
} from '../src/pages/scores/scores-model';

const CONTENT = {
  criteria: [
    { code: 'K1', name: 'Hak atas bantuan hukum' },
    { code: 'K2', name: 'Hak atas kesehatan' },
  ],
  indicators: [
    { code: 'K1.S1', text: 'Ada perwal bantuan hukum' },
    { code: 'K1.P1', text: 'Persentase anggaran terserap' },
    { code: 'K1.H1', text: 'Jumlah warga dibantu' },
  ],
  rules: { bands: [{ band: 'KURANG_PEDULI', min: 0 }, { band: 'PEDULI', min: 80 }, { band: 'CUKUP_PEDULI', min: 70 }] },
};

/** A KKP HAM breakdown as the engine stores it: K1.P1 counted the verifier's value, K1.S1 was rejected. */
const KKP_BREAKDOWN = {
  indicators: [
    { code: 'K1.S1', criterionCode: 'K1', type: 'STRUKTUR', points: 0, maxPoints: 10, rule: 'YES_NO: yes → 10/10', status: 'REJECTED', reason: 'MISSING_SIGNATURE_OR_LETTERHEAD' },
    { code: 'K1.P1', criterionCode: 'K1', type: 'PROSES', points: 4, maxPoints: 10, rule: 'PERCENT: 40% of 10 → 4/10', status: 'SCORED' },
    { code: 'K1.H1', criterionCode: 'K1', type: 'HASIL', points: 0, maxPoints: 10, rule: '', status: 'UNANSWERED', reason: 'UNANSWERED' },
    { code: 'K2.S1', criterionCode: 'K2', type: 'STRUKTUR', points: 0, maxPoints: 10, rule: '', status: 'INVALID', reason: 'NOT_A_NUMBER' },
  ],
  criteria: [
    { code: 'K1', score: 62.5 },
    { code: 'K2', score: 0 },
  ],
  baseTotal: 31.25,
  adjustments: [],
  total: 31.25,
  band: 'KURANG_PEDULI',
  sources: { 'K1.S1': 'SELF_ASSESSED', 'K1.P1': 'VERIFIED', 'K2.S1': 'SELF_ASSESSED' },
};
const ANSWERS = { answers: { 'K1.S1': true, 'K1.P1': 80, 'K2.S1': 'nihil' }, verifiedAnswers: { 'K1.P1': 40 } };

const RANHAM_BREAKDOWN = {
  actions: [
    {
      code: 'AKSI-01',
      measure: 'Perda disusun',
      achievement: 50,
      measures: [
        { code: 'AKSI-01.B08.1', label: 'B08.1', measure: 'Naskah akademik', achievement: 100, status: 'ACHIEVED' },
        { code: 'AKSI-01.B08.2', label: 'B08.2', measure: 'Rapat', achievement: 0, status: 'REJECTED', reason: 'MISSING_MINUTES' },
      ],
    },
  ],
  substance: 50,
  administration: 50,
  total: 50,
  target: 60,
  band: 'BELUM_MEMENUHI_TARGET',
  sources: { 'AKSI-01.B08.1': 'SELF_ASSESSED' },
};

let sequence = 0;
function snapshot(overrides: Partial<ScoreView>): ScoreView {
  sequence += 1;
  return {
    id: `s-${sequence}`,
    submissionId: 'sub-1',
    provinceCode: '64',
    regionCode: '64.71',
    organisationId: null,
    periodKey: '2026-TAHUNAN',
    frameworkVersion: 'KKP_HAM_PERMENKUMHAM_22_2021@1',
    frameworkVersionId: 'v1',
    basis: 'SELF_ASSESSED',
    total: 50,
    band: 'MULAI_PEDULI',
    current: false,
    final: false,
    recalculationRunId: null,
    createdAt: `2026-11-0${sequence % 9 || 1}T00:00:00.000Z`,
    ...overrides,
  };
}

describe('who reads scores', () => {
  it('is the oversight roles, not a unit’s staff', () => {
    expect(readsScores([{ role: 'KANWIL_VERIFIER' }])).toBe(true);
    expect(readsScores([{ role: 'NATIONAL_ADMIN' }])).toBe(true);
    expect(readsScores([{ role: 'UNIT_OPERATOR' }, { role: 'UNIT_HEAD' }])).toBe(false);
    expect(readsScores([])).toBe(false);
  });

  it('offers the provinces a person’s grants reach, or every province for a national grant', () => {
    const grant = (role: 'KANWIL_VERIFIER' | 'COORDINATOR' | 'NATIONAL_ADMIN' | 'UNIT_OPERATOR', provinceCode: string | null, regionCode: string | null = null) => ({
      role,
      scope: { provinceCode, regionCode },
    });
    expect(provincesInScope([grant('KANWIL_VERIFIER', '64')])).toEqual(new Set(['64']));
    expect(provincesInScope([grant('COORDINATOR', null, '91.71'), grant('UNIT_OPERATOR', null)])).toEqual(new Set(['91']));
    expect(provincesInScope([grant('KANWIL_VERIFIER', '64'), grant('NATIONAL_ADMIN', null)])).toBeNull();
  });
});

describe('numbers and answers as people read them', () => {
  it('writes scores with two decimals in the page’s language', () => {
    expect(formatScore(75.5, 'id')).toBe('75,50');
    expect(formatScore(75.5, 'en')).toBe('75.50');
  });

  it('writes yes/no, numbers and texts, and says when there is no value', () => {
    const words = { yes: 'Ya', no: 'Tidak', none: 'Tidak ada' };
    expect(answerText(true, words, 'id')).toBe('Ya');
    expect(answerText(false, words, 'id')).toBe('Tidak');
    expect(answerText(1234.5, words, 'id')).toBe('1.234,5');
    expect(answerText('nihil', words, 'id')).toBe('nihil');
    expect(answerText(undefined, words, 'id')).toBe('Tidak ada');
    expect(answerText(null, words, 'id')).toBe('Tidak ada');
  });

  it('names a framework version by its number', () => {
    expect(versionNumber('KKP_HAM_PERMENKUMHAM_22_2021@2')).toBe('2');
    expect(versionNumber('legacy')).toBe('legacy');
  });
});

describe('the band against the target', () => {
  it('takes KKP HAM’s top band of the version as the target, and says how far below it a score is', () => {
    expect(kkpBands(CONTENT).map((edge) => edge.band)).toEqual(['PEDULI', 'CUKUP_PEDULI', 'KURANG_PEDULI']);
    expect(targetOf('KKP_HAM', { total: 62.5, breakdown: {} }, CONTENT)).toEqual({ band: 'PEDULI', min: 80, meets: false, shortBy: 17.5 });
    expect(targetOf('KKP_HAM', { total: 80, breakdown: {} }, CONTENT)).toMatchObject({ meets: true, shortBy: 0 });
  });

  it('falls back to the published KKP HAM bands when the version’s content is not at hand', () => {
    expect(targetOf('KKP_HAM', { total: 74.99, breakdown: {} }, undefined)).toEqual({ band: 'PEDULI', min: 75, meets: false, shortBy: 0.01 });
    expect(kkpBands({ rules: { bands: [{ band: 'X' }] } })[0]).toEqual({ band: 'PEDULI', min: 75 });
  });

  it('reads RANHAM’s target for the reporter’s level from the breakdown', () => {
    expect(targetOf('RANHAM', { total: 50, breakdown: RANHAM_BREAKDOWN }, undefined)).toEqual({ band: null, min: 60, meets: false, shortBy: 10 });
  });
});

describe('the chart of the criteria or actions', () => {
  it('names KKP HAM criteria from the version and keeps a code the version does not name', () => {
    expect(chartBars('KKP_HAM', KKP_BREAKDOWN, { criteria: [{ code: 'K1', name: 'Hak atas bantuan hukum' }] })).toEqual([
      { code: 'K1', label: 'K1 — Hak atas bantuan hukum', value: 62.5 },
      { code: 'K2', label: 'K2', value: 0 },
    ]);
  });

  it('shows each RANHAM action’s achievement with its measure', () => {
    expect(chartBars('RANHAM', RANHAM_BREAKDOWN, undefined)).toEqual([{ code: 'AKSI-01', label: 'AKSI-01 — Perda disusun', value: 50 }]);
  });

  it('makes no bars of a breakdown that is not of the expected shape', () => {
    expect(chartBars('KKP_HAM', { criteria: 'broken' }, null)).toEqual([]);
    expect(chartBars('RANHAM', { actions: [null, 3] }, null)).toEqual([]);
  });
});

describe('the breakdown as rows', () => {
  const rows = breakdownRows('KKP_HAM', KKP_BREAKDOWN, ANSWERS, CONTENT);
  const row = (code: string) => rows.find((r) => r.code === code)!;

  it('sets the reporter’s answer beside the verifier’s value and says which one counted, with points and rule', () => {
    expect(row('K1.P1')).toEqual({
      code: 'K1.P1',
      group: 'K1',
      label: 'Persentase anggaran terserap',
      claimed: 80,
      verified: 40,
      counted: 'VERIFIED',
      points: 4,
      maxPoints: 10,
      why: { kind: 'RULE', rule: 'PERCENT: 40% of 10 → 4/10' },
    });
  });

  it('gives the rejection’s reason, an unanswered indicator and an answer not of its type', () => {
    expect(row('K1.S1')).toMatchObject({ claimed: true, verified: undefined, counted: 'SELF_ASSESSED', points: 0, why: { kind: 'REJECTED', reason: 'MISSING_SIGNATURE_OR_LETTERHEAD' } });
    expect(row('K1.H1')).toMatchObject({ claimed: undefined, counted: null, why: { kind: 'UNANSWERED' } });
    expect(row('K2.S1')).toMatchObject({ claimed: 'nihil', why: { kind: 'INVALID', reason: 'NOT_A_NUMBER' } });
  });

  it('reads which value counted from the answers when an older breakdown kept no sources', () => {
    const { sources: _sources, ...older } = KKP_BREAKDOWN;
    const counted = breakdownRows('KKP_HAM', older, ANSWERS, CONTENT).map((r) => [r.code, r.counted]);
    expect(counted).toEqual([
      ['K1.S1', 'SELF_ASSESSED'],
      ['K1.P1', 'VERIFIED'],
      ['K1.H1', null],
      ['K2.S1', 'SELF_ASSESSED'],
    ]);
  });

  it('lists RANHAM’s success measures under their action, out of 100', () => {
    const ranham = breakdownRows('RANHAM', RANHAM_BREAKDOWN, { answers: { 'AKSI-01.B08.1': true }, verifiedAnswers: {} }, undefined);
    expect(ranham).toEqual([
      expect.objectContaining({ code: 'AKSI-01.B08.1', group: 'AKSI-01', label: 'Naskah akademik', claimed: true, counted: 'SELF_ASSESSED', points: 100, maxPoints: 100, why: { kind: 'RULE', rule: 'B08.1' } }),
      expect.objectContaining({ code: 'AKSI-01.B08.2', counted: null, points: 0, why: { kind: 'REJECTED', reason: 'MISSING_MINUTES' } }),
    ]);
  });

  it('opens on the first criterion a verifier touched, else the first one, and lists each criterion once', () => {
    expect(groupsOf(rows)).toEqual(['K1', 'K2']);
    expect(defaultGroup(rows)).toBe('K1');
    const untouchedK1 = rows.map((r) => (r.group === 'K1' ? { ...r, verified: undefined, why: { kind: 'UNANSWERED' as const } } : r));
    expect(defaultGroup(untouchedK1.map((r) => (r.code === 'K2.S1' ? { ...r, why: { kind: 'REJECTED' as const, reason: 'OTHER' } } : r)))).toBe('K2');
    expect(defaultGroup(untouchedK1)).toBe('K1');
    expect(defaultGroup([])).toBeNull();
  });

  it('has no rows for a breakdown without indicators', () => {
    expect(breakdownRows('KKP_HAM', {}, ANSWERS, CONTENT)).toEqual([]);
  });
});

describe('self-assessment against verification', () => {
  const rows = breakdownRows('KKP_HAM', KKP_BREAKDOWN, ANSWERS, CONTENT);

  it('counts the changed and rejected answers and compares with the report’s last self-assessed score before', () => {
    const early = snapshot({ basis: 'SELF_ASSESSED', total: 70, createdAt: '2026-11-01T00:00:00.000Z' });
    const later = snapshot({ basis: 'SELF_ASSESSED', total: 72, createdAt: '2026-11-02T00:00:00.000Z' });
    const otherReport = snapshot({ submissionId: 'sub-2', basis: 'SELF_ASSESSED', total: 99, createdAt: '2026-11-03T00:00:00.000Z' });
    const verified = snapshot({ basis: 'VERIFIED', total: 31.25, createdAt: '2026-11-04T00:00:00.000Z' });
    const gap = verificationGap(rows, verified, [later, verified, early, otherReport]);
    expect(gap.changed.map((r) => r.code)).toEqual(['K1.P1']);
    expect(gap.rejected.map((r) => r.code)).toEqual(['K1.S1']);
    expect(gap).toMatchObject({ selfAssessedTotal: 72, difference: -40.75 });
  });

  it('has nothing to compare for a score no verifier touched', () => {
    const own = breakdownRows('KKP_HAM', { indicators: [KKP_BREAKDOWN.indicators[1]] }, { answers: { 'K1.P1': 80 }, verifiedAnswers: {} }, CONTENT);
    const score = snapshot({ basis: 'SELF_ASSESSED', createdAt: '2026-11-05T00:00:00.000Z' });
    const gap = verificationGap(own, score, [snapshot({ basis: 'SELF_ASSESSED', createdAt: '2026-11-01T00:00:00.000Z' }), score]);
    expect(gap).toEqual({ changed: [], rejected: [], selfAssessedTotal: null, difference: null });
  });

  it('says so when a verified score has no earlier self-assessed one', () => {
    const verified = snapshot({ basis: 'VERIFIED', createdAt: '2026-11-04T00:00:00.000Z' });
    expect(verificationGap(rows, verified, [verified])).toMatchObject({ selfAssessedTotal: null, difference: null });
  });
});

describe('the history as a trend', () => {
  it('keeps the reporter’s own reports, oldest first, across periods and versions', () => {
    const v2 = snapshot({ frameworkVersion: 'KKP@2', createdAt: '2026-11-08T00:00:00.000Z' });
    const v1 = snapshot({ periodKey: '2025-TAHUNAN', createdAt: '2025-11-01T00:00:00.000Z' });
    const unitInput = snapshot({ organisationId: 'dinkes', createdAt: '2026-11-02T00:00:00.000Z' });
    expect(trendOf({ regionCode: '64.71', organisationId: null }, [v2, unitInput, v1]).map((s) => s.id)).toEqual([v1.id, v2.id]);
  });

  it('asks the history by regency/city, else by organisation, else not at all', () => {
    expect(historySubject({ regionCode: '64.71', organisationId: 'x' })).toEqual({ regionCode: '64.71' });
    expect(historySubject({ regionCode: null, organisationId: 'biro' })).toEqual({ organisationId: 'biro' });
    expect(historySubject({ regionCode: null, organisationId: null })).toBeNull();
  });
});

describe('the list’s query', () => {
  it('sends only the filters chosen', () => {
    expect(listQuery('c1', NO_FILTERS, 1)).toEqual({ cycleId: 'c1', page: 1, pageSize: 50 });
    expect(listQuery('c1', { periodKey: '2026-TAHUNAN', provinceCode: '64', band: 'PEDULI' }, 2)).toEqual({
      cycleId: 'c1',
      page: 2,
      pageSize: 50,
      periodKey: '2026-TAHUNAN',
      provinceCode: '64',
      band: 'PEDULI',
    });
  });
});
