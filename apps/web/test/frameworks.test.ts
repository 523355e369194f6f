import { frameworksEn, frameworksId } from '../src/i18n/areas/frameworks';
import {
  adoptableCycles,
  bandChangeRows,
  checkIndicatorEdit,
  defaultWhatIfCycle,
  fileFormatOf,
  formatTotal,
  groupBySheet,
  importProblems,
  managesFrameworks,
  outlineOf,
  parseDecimal,
  pollInterval,
  provincesOf,
  runProgress,
  sortVersions,
  startedRuns,
  withIndicatorEdit,
  type BandChange,
  type CycleView,
  type VersionSummary,
} from '../src/pages/admin/frameworks/frameworks-model';

function cycle(overrides: Partial<CycleView>): CycleView {
  return {
    id: 'c-2026',
    programme: 'KKP_HAM',
    year: 2026,
    label: 'KKP HAM 2026',
    frameworkVersionId: 'v1',
    dataYear: 2025,
    awardYear: 2026,
    decree: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function version(overrides: Partial<VersionSummary>): VersionSummary {
  return {
    id: 'v1',
    programme: 'KKP_HAM',
    frameworkCode: 'KKP',
    version: 1,
    status: 'PUBLISHED',
    label: 'KKP',
    publishedAt: null,
    retiredAt: null,
    ...overrides,
  };
}

const refusal = (problems: object[]) => ({ statusCode: 400, error: 'BAD_REQUEST', code: 'framework.fileInvalid', message: 'Berkas kerangka tidak dapat diimpor.', requestId: 'r', problems });

describe('who manages frameworks', () => {
  it('is a national admin only', () => {
    expect(managesFrameworks([{ role: 'NATIONAL_ADMIN' }])).toBe(true);
    expect(managesFrameworks([{ role: 'CENTRAL_VERIFIER' }, { role: 'COORDINATOR' }])).toBe(false);
    expect(managesFrameworks([])).toBe(false);
  });
});

describe('a chosen file', () => {
  it('is read by its extension, whatever its case; anything else is refused before sending', () => {
    expect(fileFormatOf('kerangka.XLSX')).toBe('xlsx');
    expect(fileFormatOf('kerangka.json')).toBe('json');
    expect(fileFormatOf('kerangka.yml')).toBe('yaml');
    expect(fileFormatOf('kerangka.yaml')).toBe('yaml');
    expect(fileFormatOf('kerangka.xls')).toBeNull();
    expect(fileFormatOf('kerangka')).toBeNull();
  });
});

describe('the import problem report', () => {
  it('orders problems by sheet as the file names them, then row, then column (B before AA), the whole file first', () => {
    const problems = importProblems(
      refusal([
        { field: 'Indikator!AA7', problem: 'later column', sheet: 'Indikator', row: 7, column: 'AA' },
        { field: 'Kategori!B3', problem: 'other sheet', sheet: 'Kategori', row: 3, column: 'B' },
        { field: 'Indikator!F5', problem: 'answer type', sheet: 'Indikator', row: 5, column: 'F', header: 'jenis_jawaban' },
        { field: 'Indikator!B7', problem: 'earlier column', sheet: 'Indikator', row: 7, column: 'B' },
        { field: 'file', problem: 'whole file' },
      ]),
    );
    expect(problems?.map((p) => p.message)).toEqual(['whole file', 'answer type', 'earlier column', 'later column', 'other sheet']);
    expect(problems?.[1]).toEqual({ sheet: 'Indikator', row: 5, column: 'F', header: 'jenis_jawaban', field: 'Indikator!F5', message: 'answer type' });
    expect(groupBySheet(problems!).map((group) => [group.sheet, group.problems.length])).toEqual([
      [null, 1],
      ['Indikator', 3],
      ['Kategori', 1],
    ]);
  });

  it('keeps a JSON or YAML file’s paths, which have no sheet', () => {
    expect(importProblems(refusal([{ field: 'content.indicators[3].points', problem: 'must be above 0' }]))).toEqual([
      { sheet: null, row: null, column: null, header: null, field: 'content.indicators[3].points', message: 'must be above 0' },
    ]);
  });

  it('is not a report for other refusals: a 409, a 415, a 400 without problems, or no answer at all', () => {
    expect(importProblems({ statusCode: 409, error: 'CONFLICT', code: 'http.409', message: 'x', requestId: 'r', problems: [{ field: 'a', problem: 'b' }] })).toBeNull();
    expect(importProblems({ statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE', code: 'http.415', message: 'x', requestId: 'r' })).toBeNull();
    expect(importProblems(refusal([]))).toBeNull();
    expect(importProblems(undefined)).toBeNull();
    expect(importProblems('Bad Gateway')).toBeNull();
  });
});

const KKP_CONTENT = {
  criteria: [
    { code: 'K1', name: 'Hak atas kesehatan' },
    { code: 'K2', name: 'Hak atas pendidikan' },
  ],
  indicators: [
    { code: 'K1.S1', criterionCode: 'K1', text: 'Ada perda', type: 'STRUKTUR', answerType: 'YES_NO', points: 10, evidence: { documentTypes: ['PERDA'], minDocuments: 1 } },
    { code: 'K2.S1', criterionCode: 'K2', text: 'Ada perbup', type: 'STRUKTUR', answerType: 'YES_NO', points: 10, evidence: { documentTypes: [], minDocuments: 0 } },
  ],
  rules: {
    bands: [
      { band: 'MULAI_PEDULI', min: 50 },
      { band: 'PEDULI', min: 75 },
    ],
  },
};

describe('a version’s content', () => {
  it('reads KKP HAM as criteria with their indicators and bands from the highest', () => {
    const outline = outlineOf(KKP_CONTENT);
    expect(outline.kind).toBe('KKP_HAM');
    if (outline.kind !== 'KKP_HAM') return;
    expect(outline.criteria.map((group) => [group.criterion.code, group.indicators.map((i) => i.code)])).toEqual([
      ['K1', ['K1.S1']],
      ['K2', ['K2.S1']],
    ]);
    expect(outline.bands.map((edge) => edge.band)).toEqual(['PEDULI', 'MULAI_PEDULI']);
  });

  it('reads RANHAM as its actions', () => {
    expect(outlineOf({ targetGroups: [], actions: [{ code: 'A1', title: 'Aksi' }] })).toEqual({ kind: 'RANHAM', actions: [{ code: 'A1', title: 'Aksi' }] });
  });
});

describe('editing an indicator', () => {
  it('accepts comma or point decimals and nothing else', () => {
    expect(parseDecimal('7,5')).toBe(7.5);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('7.25')).toBe(7.25);
    expect(parseDecimal('-1')).toBeNull();
    expect(parseDecimal('sepuluh')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('asks for the text and for points above 0, each at its field', () => {
    expect(checkIndicatorEdit({ text: 'Ada perda', points: '7,5' })).toEqual([]);
    expect(checkIndicatorEdit({ text: '  ', points: '0' })).toEqual([
      { field: 'indicator-text', key: 'frameworks.edit.textRequired' },
      { field: 'indicator-points', key: 'frameworks.edit.pointsInvalid' },
    ]);
    expect(checkIndicatorEdit({ text: 'x', points: 'lima' })).toEqual([{ field: 'indicator-points', key: 'frameworks.edit.pointsInvalid' }]);
  });

  it('changes only that indicator’s text and points, keeping its other fields and everything else', () => {
    const edited = withIndicatorEdit(KKP_CONTENT, 'K2.S1', { text: ' Ada peraturan bupati ', points: '12,5' });
    expect(edited.indicators).toEqual([
      KKP_CONTENT.indicators[0],
      { ...KKP_CONTENT.indicators[1], text: 'Ada peraturan bupati', points: 12.5 },
    ]);
    expect(edited.criteria).toBe(KKP_CONTENT.criteria);
    expect(edited.rules).toBe(KKP_CONTENT.rules);
    expect(KKP_CONTENT.indicators[1].points).toBe(10);
  });

  it('refuses an unknown indicator or points that are not a number rather than sending a broken draft', () => {
    expect(() => withIndicatorEdit(KKP_CONTENT, 'K9.S1', { text: 'x', points: '1' })).toThrow('no indicator K9.S1');
    expect(() => withIndicatorEdit(KKP_CONTENT, 'K1.S1', { text: 'x', points: 'lima' })).toThrow('not a number');
  });
});

describe('cycles for what-if and publishing', () => {
  const cycles = [
    cycle({ id: 'c-2024', year: 2024, decree: { number: 'M.HH-1', date: '2024-11-01' } }),
    cycle({ id: 'c-2026', year: 2026 }),
    cycle({ id: 'c-2025', year: 2025 }),
    cycle({ id: 'r-2025', programme: 'RANHAM', year: 2025, awardYear: null }),
  ];

  it('publishes only into the programme’s cycles without a decree', () => {
    expect(adoptableCycles(cycles, 'KKP_HAM').map((c) => c.id)).toEqual(['c-2026', 'c-2025']);
    expect(adoptableCycles(cycles, 'RANHAM').map((c) => c.id)).toEqual(['r-2025']);
  });

  it('runs a what-if by default against the newest open cycle, or the newest at all when every one is decreed', () => {
    expect(defaultWhatIfCycle(cycles, 'KKP_HAM')?.id).toBe('c-2026');
    expect(defaultWhatIfCycle([cycles[0]], 'KKP_HAM')?.id).toBe('c-2024');
    expect(defaultWhatIfCycle(cycles.slice(0, 3), 'RANHAM')).toBeUndefined();
  });
});

function change(overrides: Partial<BandChange>): BandChange {
  return {
    submissionId: 's1',
    regionCode: '64.71',
    organisationId: null,
    periodKey: '2025-TAHUNAN',
    from: { band: 'PEDULI', total: 76.5 },
    to: { band: 'CUKUP_PEDULI', total: 76.5 },
    ...overrides,
  };
}

describe('band changes', () => {
  it('become rows by region with the name when known and the direction in words', () => {
    const rows = bandChangeRows(
      [
        change({ submissionId: 'b', regionCode: '91.71', from: { band: 'MULAI_PEDULI', total: 55 }, to: { band: 'CUKUP_PEDULI', total: 66 } }),
        change({ submissionId: 'a' }),
        change({ submissionId: 'c', regionCode: '64.01', from: null, to: { band: 'KURANG_PEDULI', total: 10 } }),
        change({ submissionId: 'd', regionCode: '64.02', from: { band: 'X', total: 1 }, to: { band: 'Y', total: 2 } }),
      ],
      new Map([['64.71', 'Kota Balikpapan']]),
    );
    expect(rows.map((row) => [row.regionCode, row.regionName, row.direction])).toEqual([
      ['64.01', null, 'new'],
      ['64.02', null, 'other'],
      ['64.71', 'Kota Balikpapan', 'down'],
      ['91.71', null, 'up'],
    ]);
  });

  it('name the provinces whose regions must be looked up, once each', () => {
    expect(provincesOf([{ regionCode: '91.71' }, { regionCode: '64.71' }, { regionCode: '64.01' }])).toEqual(['64', '91']);
    expect(provincesOf([])).toEqual([]);
  });

  it('show totals the way each language writes them', () => {
    expect(formatTotal(75.5, 'id')).toBe('75,50');
    expect(formatTotal(75.5, 'en')).toBe('75.50');
  });
});

describe('a recalculation’s progress', () => {
  it('counts scored and failed submissions, never shows 100% before the run says it has finished', () => {
    expect(runProgress({ status: 'RUNNING', total: 200, done: 49, failed: 1 })).toEqual({ finished: false, percent: 25, processed: 50, total: 200 });
    expect(runProgress({ status: 'RUNNING', total: 6, done: 6, failed: 0 })).toMatchObject({ finished: false, percent: 99 });
    expect(runProgress({ status: 'FINISHED', total: 6, done: 5, failed: 1 })).toEqual({ finished: true, percent: 100, processed: 6, total: 6 });
    expect(runProgress({ status: 'PLANNED', total: 0, done: 0, failed: 0 })).toMatchObject({ finished: false, percent: 0 });
    expect(runProgress({ status: 'FINISHED', total: 0, done: 0, failed: 0 })).toMatchObject({ finished: true, percent: 100 });
  });

  it('is asked every second until it has finished', () => {
    expect(pollInterval(undefined)).toBe(1000);
    expect(pollInterval({ status: 'RUNNING' })).toBe(1000);
    expect(pollInterval({ status: 'FINISHED' })).toBe(false);
  });

  it('is followed from the runs a publication started; a cycle already on the version starts none', () => {
    const published = {
      ...version({ id: 'v2', version: 2 }),
      adoptedBy: [
        { cycle: cycle({ id: 'c-2026' }), recalculation: null },
        { cycle: cycle({ id: 'c-2025' }), recalculation: { id: 'run-1' } as never },
      ],
    };
    expect(startedRuns(published)).toEqual(['run-1']);
  });
});

describe('the versions list', () => {
  it('groups by framework with the newest version first', () => {
    const sorted = sortVersions([
      version({ id: 'k1', version: 1 }),
      version({ id: 'r1', programme: 'RANHAM', frameworkCode: 'RANHAM', version: 1 }),
      version({ id: 'k2', version: 2, status: 'DRAFT' }),
    ]);
    expect(sorted.map((v) => v.id)).toEqual(['k2', 'k1', 'r1']);
  });
});

describe('the dictionary', () => {
  it('has every word in English too, and names every band and status the pages show', () => {
    expect(Object.keys(frameworksEn).sort()).toEqual(Object.keys(frameworksId).sort());
    for (const key of ['frameworks.band.PEDULI', 'frameworks.status.DRAFT', 'frameworks.runStatus.FINISHED', 'frameworks.direction.down'] as const) {
      expect(frameworksId[key]).toBeTruthy();
      expect(frameworksEn[key]).toBeTruthy();
    }
  });
});
