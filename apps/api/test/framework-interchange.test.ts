import ExcelJS from 'exceljs';
import fc from 'fast-check';
import {
  AnswerType,
  DocumentType,
  INDICATOR_TYPES,
  IndicatorTarget,
  KKP_HAM_2021_SAMPLE,
  Programme,
  RANHAM_2021_2025_SAMPLE,
  RANHAM_2021_2025_SAMPLE_V1,
  RightsGroup,
  TARGET_ROUNDINGS,
} from '@peduli/domain';
import { deflateRawSync } from 'node:zlib';
import { documentOf, FILE_FORMATS, FileFormat, FrameworkDocument, KkpFrameworkDocument, RanhamFrameworkDocument } from '../src/frameworks/interchange/document';
import { readDocument, writeDocument } from '../src/frameworks/interchange/interchange';
import { InterchangeProblem } from '../src/frameworks/interchange/problems';
import { parseDocument } from '../src/frameworks/interchange/structure';
import { checkZip } from '../src/frameworks/interchange/zip-guard';

const KKP = documentOf({
  ...KKP_HAM_2021_SAMPLE,
  content: { criteria: KKP_HAM_2021_SAMPLE.criteria, indicators: KKP_HAM_2021_SAMPLE.indicators, rules: KKP_HAM_2021_SAMPLE.rules },
}) as KkpFrameworkDocument;
const RANHAM = documentOf({
  ...RANHAM_2021_2025_SAMPLE,
  content: { targetGroups: RANHAM_2021_2025_SAMPLE.targetGroups, actions: RANHAM_2021_2025_SAMPLE.actions, rules: RANHAM_2021_2025_SAMPLE.rules },
}) as RanhamFrameworkDocument;

async function problemsOf(bytes: Buffer, format: FileFormat): Promise<InterchangeProblem[]> {
  const result = await readDocument(bytes, format);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

/** The problems as "sheet!cell header code" lines, easy to compare. */
const cells = (problems: InterchangeProblem[]) =>
  problems.map((p) => `${p.cell?.sheet ?? '-'}!${p.cell?.column ?? ''}${p.cell?.row ?? ''} ${p.cell?.header ?? ''} ${p.code}`.replace(/ +/g, ' '));
const paths = (problems: InterchangeProblem[]) => problems.map((p) => `${p.path} ${p.code}`);

async function editWorkbook(document: FrameworkDocument, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeDocument(document, 'xlsx')) as unknown as ArrayBuffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const text = (value: string) => Buffer.from(value, 'utf8');

/** The KKP document with targets on the indicators at the given positions. */
function withTargets(document: KkpFrameworkDocument, targets: Record<number, IndicatorTarget>): KkpFrameworkDocument {
  const indicators = document.content.indicators.map((indicator, index) => (targets[index] ? { ...indicator, target: targets[index] } : indicator));
  return { ...document, content: { ...document.content, indicators } };
}

describe('lossless round trip of the samples', () => {
  it.each(FILE_FORMATS)('KKP HAM 2021 sample through %s: export, import, same document', async (format) => {
    const result = await readDocument(await writeDocument(KKP, format), format);
    expect(result).toEqual({ ok: true, value: KKP });
  });

  it.each(FILE_FORMATS)('RANHAM 2021-2025 sample through %s: export, import, same document', async (format) => {
    const result = await readDocument(await writeDocument(RANHAM, format), format);
    expect(result).toEqual({ ok: true, value: RANHAM });
  });

  it('writes the KKP workbook with one sheet per level and stable headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeDocument(KKP, 'xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Kerangka',
      'Kriteria',
      'Subkelompok',
      'Indikator',
      'Rentang Nilai',
      'Pilihan',
      'Kategori',
      'Penyesuaian',
    ]);
    const indicators = workbook.getWorksheet('Indikator')!;
    expect(indicators.getRow(1).values).toEqual([
      undefined,
      'kode',
      'kode_kriteria',
      'kode_subkelompok',
      'teks',
      'jenis',
      'jenis_jawaban',
      'satuan',
      'poin',
      'jenis_dokumen',
      'min_dokumen',
      'petunjuk',
      'target',
      'batas_target',
      'pembulatan_target',
    ]);
    expect(indicators.getCell('A2').value).toBe('K1.S1');
    expect(indicators.getCell('H2').value).toBe(10);
    expect(indicators.getCell('I2').value).toBe('PERDA, PERBUP_PERWAL, SK');
    expect(indicators.rowCount).toBe(1 + KKP.content.indicators.length);
  });

  it.each(FILE_FORMATS)('an indicator scored against a target through %s: target, cap and rounding come back', async (format) => {
    const index = KKP.content.indicators.findIndex((i) => i.answerType === AnswerType.PERCENT && i.bands === undefined);
    const document = withTargets(KKP, { [index]: { value: 80, cap: 0.9, rounding: 'WHOLE_POINTS' } });
    const result = await readDocument(await writeDocument(document, format), format);
    expect(result).toEqual({ ok: true, value: document });
  });

  it('writes the RANHAM workbook with its own sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeDocument(RANHAM, 'xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Kerangka', 'Kelompok Sasaran', 'Aksi', 'Ukuran Keberhasilan', 'Dokumen Ukuran', 'Periode', 'Target']);
    expect(workbook.getWorksheet('Aksi')!.getCell('F2').value).toBe('DP3A; Kantor Kementerian Agama');
    const measures = workbook.getWorksheet('Ukuran Keberhasilan')!;
    expect(measures.getRow(1).values).toEqual([undefined, 'kode_aksi', 'kode_periode', 'ukuran', 'kode', 'jenis_jawaban', 'target']);
    expect(measures.getRow(2).values).toEqual([undefined, 'AKSI-2024-01', 'B04', expect.any(String), 'AKSI-2024-01.B04.1', 'YES_NO']);
    const documents = workbook.getWorksheet('Dokumen Ukuran')!;
    expect(documents.getRow(1).values).toEqual([undefined, 'kode_ukuran', 'jenis_dokumen', 'min_dokumen']);
    expect(documents.getRow(2).values).toEqual([undefined, 'AKSI-2024-01.B04.1', 'NOTULEN', 1]);
  });

  it('keeps a RANHAM file of the old shape (one measure per action and period, no codes) as it is, in every format', async () => {
    const oldShape = documentOf({
      ...RANHAM_2021_2025_SAMPLE_V1,
      content: { targetGroups: RANHAM_2021_2025_SAMPLE_V1.targetGroups, actions: RANHAM_2021_2025_SAMPLE_V1.actions, rules: RANHAM_2021_2025_SAMPLE_V1.rules },
    } as unknown as Parameters<typeof documentOf>[0]) as RanhamFrameworkDocument;
    for (const format of FILE_FORMATS) {
      expect(await readDocument(await writeDocument(oldShape, format), format)).toEqual({ ok: true, value: oldShape });
    }
  });

  it('reads a hand-made workbook: columns in any order, headers in any case, numbers typed as text, optional sheets left out', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      const criteria = workbook.getWorksheet('Kriteria')!;
      // Swap the first two columns, headers included.
      criteria.eachRow((row) => {
        const [code, name] = [row.getCell(1).value, row.getCell(2).value];
        row.getCell(1).value = name;
        row.getCell(2).value = code;
      });
      criteria.getCell('A1').value = ' NAMA ';
      workbook.getWorksheet('Indikator')!.getCell('H2').value = '10';
      workbook.removeWorksheet(workbook.getWorksheet('Penyesuaian')!.id);
    });
    const result = await readDocument(bytes, 'xlsx');
    expect(result.ok && result.value.content).toEqual({ ...KKP.content, rules: { ...KKP.content.rules, adjustments: [] } });
  });
});

// Structurally valid documents of every shape (not necessarily valid for the domain): each format must carry them all.
const SAFE_TEXT = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom('_x0041_', '_x005F_x0041_', ' lead', 'trail ', 'dua\nbaris', '10', '0.5', '=1+1', 'yes', 'null', '~', '- x', '#c', 'a, b; c', "it's \"q\""),
  )
  .map((value) => value.replace(/\r\n?/g, '\n'))
  // eslint-disable-next-line no-control-regex
  .filter((value) => value.trim() !== '' && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|\p{Cs}/u.test(value));
const LIST_ITEM = SAFE_TEXT.filter((value) => !value.includes(';') && !value.includes('\n') && value.trim() === value);
const CODE = fc.stringMatching(/^[A-Z0-9][A-Z0-9_.-]{0,11}$/);
const NUMBER = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const unique = <T extends { code: string }>(item: fc.Arbitrary<T>, maxLength: number) => fc.uniqueArray(item, { selector: (entry) => entry.code, maxLength });

const kkpDocument = fc.record({
  criteria: unique(
    fc.record(
      {
        code: CODE,
        name: SAFE_TEXT,
        rightsGroup: fc.constantFrom(...Object.values(RightsGroup)),
        subGroups: unique(fc.record({ code: CODE, name: SAFE_TEXT }), 3),
      },
      { requiredKeys: ['code', 'name', 'rightsGroup'] },
    ),
    4,
  ),
  indicators: unique(
    fc.record(
      {
        code: CODE,
        criterionCode: CODE,
        subGroupCode: CODE,
        text: SAFE_TEXT,
        type: fc.constantFrom(...INDICATOR_TYPES),
        answerType: fc.constantFrom(...Object.values(AnswerType)),
        unit: SAFE_TEXT,
        points: NUMBER,
        bands: fc.array(fc.record({ min: NUMBER, points: NUMBER }), { maxLength: 3 }),
        target: fc.record(
          { value: NUMBER, cap: NUMBER, rounding: fc.constantFrom(...TARGET_ROUNDINGS) },
          { requiredKeys: ['value'] },
        ),
        choices: fc.array(fc.record({ value: SAFE_TEXT, points: NUMBER }), { maxLength: 3 }),
        evidence: fc.record({ allowedDocumentTypes: fc.array(fc.constantFrom(...Object.values(DocumentType)), { maxLength: 3 }), minCount: NUMBER }),
        helpText: SAFE_TEXT,
      },
      { requiredKeys: ['code', 'criterionCode', 'text', 'type', 'answerType', 'points', 'evidence'] },
    ),
    5,
  ),
  rules: fc.record({
    typeWeights: fc.record({ STRUKTUR: NUMBER, PROSES: NUMBER, HASIL: NUMBER }),
    bands: fc.array(fc.record({ band: CODE, min: NUMBER }), { maxLength: 4 }),
    adjustments: fc.array(
      fc.record({ code: CODE, name: SAFE_TEXT, kind: fc.constantFrom('BONUS' as const, 'PENALTY' as const), cap: NUMBER, perUnit: NUMBER }, { requiredKeys: ['code', 'name', 'kind', 'cap'] }),
      { maxLength: 3 },
    ),
  }),
});

const ranhamDocument = fc.record({
  targetGroups: fc.array(fc.record({ code: CODE, name: SAFE_TEXT }), { maxLength: 4 }),
  actions: unique(
    fc.record({
      code: CODE,
      year: fc.integer({ min: 1990, max: 2100 }),
      title: SAFE_TEXT,
      targetGroupCode: CODE,
      reporterLevels: fc.array(fc.constantFrom('KL' as const, 'PROVINCE' as const, 'KABKOTA' as const), { maxLength: 3 }),
      responsibleUnits: fc.array(LIST_ITEM, { maxLength: 3 }),
      successMeasures: fc.array(fc.record({ periodCode: CODE, measure: SAFE_TEXT }), { maxLength: 3 }),
    }),
    4,
  ),
  rules: fc.record({
    substanceWeight: NUMBER,
    administrationWeight: NUMBER,
    targets: fc.record({ KL: NUMBER, PROVINCE: NUMBER, KABKOTA: NUMBER }),
    periods: fc.array(fc.record({ code: CODE, fromMonth: fc.integer({ min: 1, max: 12 }), toMonth: fc.integer({ min: 1, max: 12 }) }), { maxLength: 4 }),
  }),
});

const anyDocument = fc
  .record({
    frameworkCode: fc.stringMatching(/^[A-Z0-9][A-Z0-9_.-]{1,20}$/),
    label: SAFE_TEXT.filter((value) => value.length >= 3),
    programme: fc.constantFrom(Programme.KKP_HAM, Programme.RANHAM),
    kkp: kkpDocument,
    ranham: ranhamDocument,
  })
  .map(
    ({ frameworkCode, label, programme, kkp, ranham }) =>
      ({ format: 'peduli.framework', formatVersion: 1, programme, frameworkCode, label, content: programme === Programme.RANHAM ? ranham : kkp }) as FrameworkDocument,
  );

describe('every structurally valid document survives every format (property)', () => {
  it.each(FILE_FORMATS)('%s', async (format) => {
    await fc.assert(
      fc.asyncProperty(anyDocument, async (document) => {
        const canonical = parseDocument(document);
        expect(canonical.ok).toBe(true);
        const expected = canonical.ok ? canonical.value : undefined;
        const result = await readDocument(await writeDocument(document, format), format, { structureOnly: true });
        expect(result).toEqual({ ok: true, value: expected });
      }),
      { numRuns: format === 'xlsx' ? 60 : 150 },
    );
  });
});

describe('an invalid workbook: every problem with its sheet, row and column', () => {
  it('reports a text in a numeric cell, an empty required cell, an unknown answer type, a band for an unknown indicator and a missing sheet, together', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      workbook.getWorksheet('Indikator')!.getCell('H2').value = 'sepuluh';
      workbook.getWorksheet('Kriteria')!.getCell('B3').value = null;
      workbook.getWorksheet('Indikator')!.getCell('F4').value = 'SKALA_LIKERT';
      workbook.getWorksheet('Rentang Nilai')!.getCell('A2').value = 'K99.H1';
      workbook.removeWorksheet(workbook.getWorksheet('Kategori')!.id);
    });
    const problems = await problemsOf(bytes, 'xlsx');
    expect(cells(problems)).toEqual([
      'Kriteria!B3 nama REQUIRED',
      'Indikator!H2 poin WRONG_TYPE',
      'Indikator!F4 jenis_jawaban UNKNOWN_VALUE',
      'Rentang Nilai!A2 kode_indikator UNKNOWN_PARENT',
      'Kategori! MISSING_SHEET',
    ]);
    const byCode = Object.fromEntries(problems.map((p) => [p.code, p]));
    expect(byCode.WRONG_TYPE.path).toBe('content.indicators[0].points');
    expect(byCode.WRONG_TYPE.message.en).toBe('Must be a number, not the text "sepuluh".');
    expect(byCode.WRONG_TYPE.message.id).toBe('Harus berupa angka, bukan teks "sepuluh".');
    expect(byCode.REQUIRED.path).toBe('content.criteria[1].name');
    expect(byCode.UNKNOWN_VALUE.message.en).toContain('Must be one of: YES_NO, NUMBER, PERCENT, BANDED, CHOICE, TEXT_ONLY, DOCUMENT_ONLY');
    expect(byCode.UNKNOWN_PARENT.message.en).toBe('No indicator with code "K99.H1" on sheet Indikator.');
  });

  it('locates a semantic problem (type weights not summing to 100) at its cell on Kerangka', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      const sheet = workbook.getWorksheet('Kerangka')!;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === 'bobot_HASIL') row.getCell(2).value = 50;
      });
    });
    const problems = await problemsOf(bytes, 'xlsx');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'TYPE_WEIGHTS_NOT_100',
        path: 'content.rules.typeWeights',
        cell: { sheet: 'Kerangka', row: 7, column: 'B', header: 'nilai' },
        message: { id: 'Jumlah bobot jenis indikator harus 100, bukan 90.', en: 'Indicator type weights must sum to 100, not 90.' },
      }),
    ]);
  });

  it('locates the domain validator’s paths into nested rows (a band above the indicator’s points, a subgroup that does not exist)', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      workbook.getWorksheet('Rentang Nilai')!.getCell('C3').value = 80;
      workbook.getWorksheet('Indikator')!.getCell('C2').value = 'TIDAK_ADA';
    });
    expect(cells(await problemsOf(bytes, 'xlsx'))).toEqual(['Indikator!C2 kode_subkelompok UNKNOWN_SUBGROUP', 'Rentang Nilai!C3 poin POINT_BAND_POINTS_OUT_OF_RANGE']);
  });

  it('reports a target’s structural problems at their cells: a cap without a target, an unknown rounding', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      const sheet = workbook.getWorksheet('Indikator')!;
      sheet.getCell('M3').value = 0.5;
      sheet.getCell('L4').value = 80;
      sheet.getCell('N4').value = 'KIRA_KIRA';
    });
    const problems = await problemsOf(bytes, 'xlsx');
    expect(cells(problems)).toEqual(['Indikator!L3 target REQUIRED', 'Indikator!N4 pembulatan_target UNKNOWN_VALUE']);
    expect(paths(problems)).toEqual(['content.indicators[1].target.value REQUIRED', 'content.indicators[2].target.rounding UNKNOWN_VALUE']);
    expect(problems[1].message.en).toContain('Must be one of: NONE, TWO_DECIMALS, WHOLE_POINTS');
  });

  it('reports a target’s rule problems at their cells: a cap above 1, a target on a YES_NO indicator', async () => {
    const percent = KKP.content.indicators.findIndex((i) => i.answerType === AnswerType.PERCENT && i.bands === undefined);
    const bytes = await editWorkbook(KKP, (workbook) => {
      const sheet = workbook.getWorksheet('Indikator')!;
      sheet.getCell(`L${percent + 2}`).value = 80;
      sheet.getCell(`M${percent + 2}`).value = 1.5;
      sheet.getCell('L2').value = 1;
    });
    const problems = await problemsOf(bytes, 'xlsx');
    expect(cells(problems)).toEqual(['Indikator!L2 target TARGET_NOT_ALLOWED', `Indikator!M${percent + 2} batas_target TARGET_CAP_OUT_OF_RANGE`]);
    expect(problems[1].message).toEqual({
      id: 'Batas capaian target harus lebih dari 0 dan paling tinggi 1 (bagian dari poin maksimum).',
      en: 'The target cap must be above 0 and at most 1 (a share of the maximum points).',
    });
  });

  it('reports unknown sheets, unknown and missing columns, unknown keys and data outside the columns', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      workbook.addWorksheet('Catatan').getCell('A1').value = 'catatan';
      const criteria = workbook.getWorksheet('Kriteria')!;
      criteria.getCell('C1').value = 'kelompok';
      criteria.getCell('E5').value = 'lupa';
      const kerangka = workbook.getWorksheet('Kerangka')!;
      kerangka.addRow(['warna', 'biru']);
    });
    expect(cells(await problemsOf(bytes, 'xlsx'))).toEqual([
      'Kerangka!A10 kunci UNKNOWN_KEY',
      'Kriteria!1 MISSING_COLUMN',
      'Kriteria!C1 UNKNOWN_COLUMN',
      'Kriteria!E5 CELL_OUTSIDE_COLUMNS',
      'Catatan! UNKNOWN_SHEET',
    ]);
  });

  it('reports a missing Kerangka row and a missing required column once, not as a missing value on every row', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      const kerangka = workbook.getWorksheet('Kerangka')!;
      kerangka.spliceRows(6, 1); // label
      const indicators = workbook.getWorksheet('Indikator')!;
      indicators.spliceColumns(5, 1); // jenis
    });
    const problems = await problemsOf(bytes, 'xlsx');
    expect(cells(problems)).toEqual(['Kerangka! MISSING_KEY', 'Indikator!1 MISSING_COLUMN']);
    expect(problems[0].message.en).toBe('The row with key "label" is missing.');
    expect(problems[1].message.en).toBe('The required column "jenis" is missing from the header row.');
  });

  it('refuses a formula without a computed value once, at its cell', async () => {
    const bytes = await editWorkbook(KKP, (workbook) => {
      workbook.getWorksheet('Indikator')!.getCell('H3').value = { formula: 'H2*2' } as ExcelJS.CellFormulaValue;
    });
    expect(cells(await problemsOf(bytes, 'xlsx'))).toEqual(['Indikator!H3 poin CELL_UNREADABLE']);
  });

  it('reports a RANHAM workbook’s problems at their cells too', async () => {
    const bytes = await editWorkbook(RANHAM, (workbook) => {
      workbook.getWorksheet('Aksi')!.getCell('E2').value = 'PROVINCE, DESA';
      workbook.getWorksheet('Ukuran Keberhasilan')!.getCell('A2').value = 'AKSI-1999-99'; // its document rules add nothing
      workbook.getWorksheet('Target')!.getCell('A2').value = 'KECAMATAN';
    });
    expect(cells(await problemsOf(bytes, 'xlsx'))).toEqual([
      'Aksi!E2 tingkat_pelapor UNKNOWN_VALUE',
      'Ukuran Keberhasilan!A2 kode_aksi UNKNOWN_PARENT',
      'Target! MISSING_TARGET',
      'Target!A2 tingkat UNKNOWN_VALUE',
    ]);
  });

  it('reports the problems of numbered measures and their document rules at their cells', async () => {
    const bytes = await editWorkbook(RANHAM, (workbook) => {
      const measures = workbook.getWorksheet('Ukuran Keberhasilan')!;
      measures.getCell('E2').value = 'SKALA'; // an unknown answer type
      measures.getCell('D4').value = 'AKSI-2024-01.B04.1'; // the code of row 2 again
      const documents = workbook.getWorksheet('Dokumen Ukuran')!;
      documents.getCell('B2').value = 'NOTULEN, RISALAH'; // an unknown document type
      documents.getCell('C3').value = 'dua'; // a text for a count
      documents.getCell('A4').value = 'AKSI-2024-09.B04.1'; // a measure that does not exist
    });
    expect(cells(await problemsOf(bytes, 'xlsx'))).toEqual([
      'Ukuran Keberhasilan!E2 jenis_jawaban UNKNOWN_VALUE',
      'Dokumen Ukuran!B2 jenis_dokumen UNKNOWN_VALUE',
      'Dokumen Ukuran!C3 min_dokumen WRONG_TYPE',
      'Dokumen Ukuran!A4 kode_ukuran UNKNOWN_PARENT',
    ]);
    const semantic = await editWorkbook(RANHAM, (workbook) => {
      workbook.getWorksheet('Ukuran Keberhasilan')!.getCell('D4').value = 'AKSI-2024-01.B04.1';
      workbook.getWorksheet('Dokumen Ukuran')!.getCell('C2').value = 0;
    });
    // The renamed measure's own document rule (row 4) now names no measure: reported where it stands.
    expect(cells(await problemsOf(semantic, 'xlsx'))).toEqual([
      'Ukuran Keberhasilan!D4 kode DUPLICATE_MEASURE_CODE',
      'Dokumen Ukuran!C2 min_dokumen DOCUMENT_COUNT_INVALID',
      'Dokumen Ukuran!A4 kode_ukuran UNKNOWN_PARENT',
    ]);
  });

  it('carries the administrative return reasons as a Kerangka row, and reports an unknown one at its cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeDocument(RANHAM, 'xlsx')) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Kerangka')!.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    expect(rows).toContainEqual(['alasan_administratif', 'MISSING_MINUTES, MISSING_SIGNATURE_OR_LETTERHEAD, WRONG_FORMAT, WRONG_PERIOD']);
    const bytes = await editWorkbook(RANHAM, (edited) => {
      edited.getWorksheet('Kerangka')!.eachRow((row) => {
        if (row.getCell(1).value === 'alasan_administratif') row.getCell(2).value = 'MISSING_MINUTES, NO_STAMP';
      });
    });
    expect(cells(await problemsOf(bytes, 'xlsx'))).toEqual(['Kerangka!B9 nilai UNKNOWN_VALUE']);
    // A workbook from before the row existed still imports: without it the default reasons apply.
    const withoutRow = await editWorkbook(RANHAM, (edited) => edited.getWorksheet('Kerangka')!.spliceRows(9, 1));
    const read = await readDocument(withoutRow, 'xlsx');
    expect(read.ok && (read.value as RanhamFrameworkDocument).content.rules.administrativeReasons).toBeUndefined();
    expect(read.ok).toBe(true);
  });

  it('reports RANHAM semantic problems at their cells (weights not 100, a measure for an unknown period)', async () => {
    const bytes = await editWorkbook(RANHAM, (workbook) => {
      workbook.getWorksheet('Kerangka')!.eachRow((row) => {
        if (row.getCell(1).value === 'bobot_substansi') row.getCell(2).value = 60;
      });
      workbook.getWorksheet('Ukuran Keberhasilan')!.getCell('B3').value = 'B06';
    });
    const problems = await problemsOf(bytes, 'xlsx');
    expect(cells(problems)).toEqual(expect.arrayContaining(['Kerangka!B7 nilai WEIGHTS_NOT_100', 'Ukuran Keberhasilan!B3 kode_periode UNKNOWN_PERIOD']));
    // Whatever else the domain says about that action (its B08 measure is now missing) is placed on its rows.
    expect(problems.every((p) => p.cell?.row !== undefined)).toBe(true);
  });

  it('refuses a file that is not a workbook at all', async () => {
    for (const bytes of [text('kode,nama\nK1,Bantuan Hukum\n'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])]) {
      const problems = await problemsOf(bytes, 'xlsx');
      expect(problems).toHaveLength(1);
      expect(problems[0].code).toBe('NOT_XLSX');
    }
  });
});

/** A ZIP archive with one stored-as-deflate entry, built by hand. */
function zipWith(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('the ZIP container is checked before the workbook is unpacked', () => {
  it('refuses a zip bomb by its inflated size, whatever its headers claim', async () => {
    const bomb = zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await checkZip(bomb)).map((p) => p.code)).toEqual(['NOT_XLSX']);
    expect((await checkZip(bomb))[0].message.en).toContain('exceeds 64 MB once unpacked');
  });

  it('refuses a bomb whose headers understate its size, once inflating passes the limit', async () => {
    const bomb = zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20), 1024);
    expect((await checkZip(bomb))[0].message.en).toContain('exceeds 64 MB once unpacked');
  });

  it('accepts a small archive', async () => {
    expect(await checkZip(zipWith('a.txt', text('hello')))).toEqual([]);
  });
});

describe('an invalid JSON or YAML file: every problem with its path', () => {
  const json = (value: unknown) => text(JSON.stringify(value));

  it('reports a wrong type, an unknown key and an unknown enum value, together', async () => {
    const document = structuredClone(KKP) as unknown as { content: { indicators: Record<string, unknown>[]; criteria: Record<string, unknown>[] } };
    document.content.indicators[0].points = 'sepuluh';
    document.content.criteria[2].warna = 'biru';
    document.content.indicators[4].answerType = 'SKALA';
    for (const [format, bytes] of [
      ['json', json(document)],
      ['yaml', text((await import('yaml')).stringify(document, { aliasDuplicateObjects: false }))],
    ] as const) {
      expect(paths(await problemsOf(bytes, format))).toEqual([
        'content.criteria[2].warna UNKNOWN_KEY',
        'content.indicators[0].points WRONG_TYPE',
        'content.indicators[4].answerType UNKNOWN_VALUE',
      ]);
    }
  });

  it('reports a key given twice with its path, in JSON and in YAML', async () => {
    const source = JSON.stringify(KKP, null, 2).replace('"rightsGroup": "SIPOL"', '"rightsGroup": "SIPOL", "rightsGroup": "EKOSOB"');
    expect(paths(await problemsOf(text(source), 'json'))).toEqual(['content.criteria[0].rightsGroup DUPLICATE_KEY']);
    const yamlSource = (await writeDocument(KKP, 'yaml')).toString('utf8').replace('  rightsGroup: SIPOL\n', '  rightsGroup: SIPOL\n      rightsGroup: EKOSOB\n');
    const problems = await problemsOf(text(yamlSource), 'yaml');
    expect(paths(problems)).toEqual(['content.criteria[0].rightsGroup DUPLICATE_KEY']);
    expect(problems[0].message.en).toMatch(/appears more than once \(line \d+\)/);
  });

  it('refuses keys named like Object.prototype members instead of dropping them', async () => {
    const source = JSON.stringify(KKP).replace('"label":', '"__proto__": {"polluted": true}, "constructor": 1, "label":');
    expect(paths(await problemsOf(text(source), 'json'))).toEqual(['__proto__ RESERVED_KEY', 'constructor RESERVED_KEY']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const yamlSource = `toString: x\n${(await writeDocument(KKP, 'yaml')).toString('utf8')}`;
    expect(paths(await problemsOf(text(yamlSource), 'yaml'))).toEqual(['toString RESERVED_KEY']);
  });

  it('refuses YAML anchors and aliases, so an alias bomb never expands', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
    const problems = await problemsOf(text(bomb), 'yaml');
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['YAML_ANCHOR', 'YAML_ALIAS']));
    expect(problems.length).toBeLessThan(100);
  });

  it('reports an alias where a value is required once, as an alias', async () => {
    const source = (await writeDocument(KKP, 'yaml')).toString('utf8').replace('label: "', 'label: &l "').replace('frameworkCode: KKP_HAM_PERMENKUMHAM_22_2021', 'frameworkCode: *l');
    expect(paths(await problemsOf(text(source), 'yaml'))).toEqual(['frameworkCode YAML_ALIAS', 'label YAML_ANCHOR']);
  });

  it('reports syntax errors with their line, and text that is not UTF-8', async () => {
    const [yamlProblem] = await problemsOf(text('format: peduli.framework\n  label: [\n'), 'yaml');
    expect(yamlProblem.code).toBe('MALFORMED_YAML');
    expect(yamlProblem.message.en).toMatch(/^Invalid YAML \(line 1:9\)/);
    expect((await problemsOf(text('{"format": '), 'json'))[0].code).toBe('MALFORMED_JSON');
    expect((await problemsOf(Buffer.from([0x7b, 0xff, 0x7d]), 'json'))[0].code).toBe('NOT_UTF8');
  });

  it('refuses a document of the wrong format or programme, and a content of the other programme', async () => {
    expect(paths(await problemsOf(json({ ...KKP, format: 'excel', formatVersion: 2 }), 'json'))).toEqual(['format UNEXPECTED_VALUE', 'formatVersion UNEXPECTED_VALUE']);
    expect(paths(await problemsOf(json({ ...KKP, programme: 'KKP' }), 'json'))).toEqual(['programme UNKNOWN_VALUE']);
    expect(paths(await problemsOf(json({ ...KKP, programme: 'RANHAM' }), 'json'))).toEqual([
      'content.criteria UNKNOWN_KEY',
      'content.indicators UNKNOWN_KEY',
      'content.targetGroups REQUIRED',
      'content.actions REQUIRED',
      'content.rules.typeWeights UNKNOWN_KEY',
      'content.rules.bands UNKNOWN_KEY',
      'content.rules.adjustments UNKNOWN_KEY',
      'content.rules.substanceWeight REQUIRED',
      'content.rules.administrationWeight REQUIRED',
      'content.rules.targets REQUIRED',
      'content.rules.periods REQUIRED',
    ]);
  });

  it('reports semantic problems with their document path', async () => {
    const document = structuredClone(KKP);
    (document.content.rules as { typeWeights: Record<string, number> }).typeWeights.HASIL = 50;
    expect(paths(await problemsOf(json(document), 'json'))).toEqual(['content.rules.typeWeights TYPE_WEIGHTS_NOT_100']);
  });
});

describe('canonical form', () => {
  it('makes line endings LF, drops empty optional values and -0, so that every format can carry the result', () => {
    const document = structuredClone(KKP) as unknown as { content: { indicators: Record<string, unknown>[] } };
    document.content.indicators[0].text = 'dua\r\nbaris\rlagi';
    document.content.indicators[0].unit = '';
    document.content.indicators[0].bands = [];
    document.content.indicators[0].helpText = null;
    document.content.indicators[0].points = -0;
    const result = parseDocument(document);
    expect(result.ok).toBe(true);
    const indicator = result.ok ? (result.value.content as unknown as { indicators: Record<string, unknown>[] }).indicators[0] : {};
    expect(indicator.text).toBe('dua\nbaris\nlagi');
    expect(Object.keys(indicator)).not.toEqual(expect.arrayContaining(['unit', 'bands', 'helpText']));
    expect(Object.is(indicator.points, 0)).toBe(true);
  });
});
