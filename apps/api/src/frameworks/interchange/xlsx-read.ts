import type ExcelJS from 'exceljs';
import { loadExcel } from '../../common/exceljs';
import { Programme } from '@peduli/domain';
import { formatPath, problem, ReadResult } from './problems';
import { REPORTER_LEVELS } from './structure';
import { FRAMEWORK_SHEET, HEADER_KEYS, KKP_SHEETS, LAYOUTS, ProgrammeLayout, RANHAM_SHEETS, SheetDef } from './xlsx-layout';
import { normalise, WorkbookReader } from './xlsx-workbook';
import { checkZip } from './zip-guard';

/** The programme a workbook declares in Kerangka, or else the one its sheet names belong to. */
function programmeOf(workbook: ExcelJS.Workbook): ProgrammeLayout | undefined {
  const kerangka = workbook.worksheets.find((worksheet) => normalise(worksheet.name) === normalise(FRAMEWORK_SHEET.name));
  const declared: Record<string, unknown> = {};
  new WorkbookReader(workbook).header(kerangka, HEADER_KEYS, declared, false);
  const programme = declared.programme;
  if (typeof programme === 'string' && Object.prototype.hasOwnProperty.call(LAYOUTS, programme)) return LAYOUTS[programme as Programme];
  const names = new Set(workbook.worksheets.map((worksheet) => normalise(worksheet.name)));
  const matches = (layout: ProgrammeLayout) => layout.sheets.some((sheet) => sheet !== FRAMEWORK_SHEET && names.has(normalise(sheet.name)));
  return [LAYOUTS[Programme.KKP_HAM], LAYOUTS[Programme.RANHAM]].find(matches);
}

function readKkp(reader: WorkbookReader, sheets: Map<SheetDef, ExcelJS.Worksheet>): Record<string, unknown> {
  const S = KKP_SHEETS;
  const criteria: Record<string, unknown>[] = [];
  const indicators: Record<string, unknown>[] = [];
  const bands: Record<string, unknown>[] = [];
  const adjustments: Record<string, unknown>[] = [];
  reader.registerDefault(['content', 'criteria'], { sheet: S.criteria.name });
  reader.registerDefault(['content', 'indicators'], { sheet: S.indicators.name });
  reader.registerDefault(['content', 'rules', 'bands'], { sheet: S.scoreBands.name });
  reader.registerDefault(['content', 'rules', 'adjustments'], { sheet: S.adjustments.name });

  for (const row of reader.table(S.criteria, sheets.get(S.criteria))) {
    const entry: Record<string, unknown> = {};
    reader.fill(entry, ['content', 'criteria', criteria.length], row, [
      ['kode', ['code']],
      ['nama', ['name']],
      ['kelompok_hak', ['rightsGroup']],
    ]);
    criteria.push(entry);
  }
  const criterionIndex = WorkbookReader.byCode(criteria);
  for (const row of reader.table(S.subGroups, sheets.get(S.subGroups))) {
    const parent = reader.parentOf(row, 'kode_kriteria', criterionIndex, S.criteria.name, { id: 'Kriteria', en: 'criterion' });
    if (parent === undefined) continue;
    const subGroups = ((criteria[parent].subGroups as Record<string, unknown>[] | undefined) ??= []);
    const entry: Record<string, unknown> = {};
    reader.fill(entry, ['content', 'criteria', parent, 'subGroups', subGroups.length], row, [
      ['kode', ['code']],
      ['nama', ['name']],
    ]);
    subGroups.push(entry);
  }

  for (const row of reader.table(S.indicators, sheets.get(S.indicators))) {
    const entry: Record<string, unknown> = {};
    const path = ['content', 'indicators', indicators.length];
    reader.fill(entry, path, row, [
      ['kode', ['code']],
      ['kode_kriteria', ['criterionCode']],
      ['kode_subkelompok', ['subGroupCode']],
      ['teks', ['text']],
      ['jenis', ['type']],
      ['jenis_jawaban', ['answerType']],
      ['satuan', ['unit']],
      ['poin', ['points']],
      ['jenis_dokumen', ['evidence', 'allowedDocumentTypes']],
      ['min_dokumen', ['evidence', 'minCount']],
      ['petunjuk', ['helpText']],
      ['target', ['target', 'value']],
      ['batas_target', ['target', 'cap']],
      ['pembulatan_target', ['target', 'rounding']],
    ]);
    // A missing value table or choice list is a matter of the indicator's answer type.
    reader.register([...path, 'bands'], row.cells.get('jenis_jawaban'));
    reader.register([...path, 'choices'], row.cells.get('jenis_jawaban'));
    // A target as a whole (not allowed for the answer type, or next to bands) is pointed at by its value's cell.
    reader.register([...path, 'target'], row.cells.get('target'));
    indicators.push(entry);
  }
  const indicatorIndex = WorkbookReader.byCode(indicators);
  for (const [def, field, valueHeader, valueField] of [
    [S.bands, 'bands', 'min', 'min'],
    [S.choices, 'choices', 'nilai', 'value'],
  ] as const) {
    for (const row of reader.table(def, sheets.get(def))) {
      const parent = reader.parentOf(row, 'kode_indikator', indicatorIndex, S.indicators.name, { id: 'Indikator', en: 'indicator' });
      if (parent === undefined) continue;
      const list = ((indicators[parent][field] as Record<string, unknown>[] | undefined) ??= []);
      const entry: Record<string, unknown> = {};
      reader.fill(entry, ['content', 'indicators', parent, field, list.length], row, [
        [valueHeader, [valueField]],
        ['poin', ['points']],
      ]);
      list.push(entry);
    }
  }

  for (const row of reader.table(S.scoreBands, sheets.get(S.scoreBands))) {
    const entry: Record<string, unknown> = {};
    reader.fill(entry, ['content', 'rules', 'bands', bands.length], row, [
      ['kategori', ['band']],
      ['min', ['min']],
    ]);
    bands.push(entry);
  }
  for (const row of reader.table(S.adjustments, sheets.get(S.adjustments))) {
    const entry: Record<string, unknown> = {};
    reader.fill(entry, ['content', 'rules', 'adjustments', adjustments.length], row, [
      ['kode', ['code']],
      ['nama', ['name']],
      ['jenis', ['kind']],
      ['batas', ['cap']],
      ['poin_per_satuan', ['perUnit']],
    ]);
    adjustments.push(entry);
  }
  return { criteria, indicators, rules: { bands, adjustments } };
}

function readRanham(reader: WorkbookReader, sheets: Map<SheetDef, ExcelJS.Worksheet>): Record<string, unknown> {
  const S = RANHAM_SHEETS;
  const targetGroups: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const periods: Record<string, unknown>[] = [];
  const targets: Record<string, unknown> = {};
  reader.registerDefault(['content', 'targetGroups'], { sheet: S.targetGroups.name });
  reader.registerDefault(['content', 'actions'], { sheet: S.actions.name });
  reader.registerDefault(['content', 'rules', 'periods'], { sheet: S.periods.name });
  reader.registerDefault(['content', 'rules', 'targets'], { sheet: S.targets.name });

  for (const row of reader.table(S.targetGroups, sheets.get(S.targetGroups))) {
    const entry: Record<string, unknown> = {};
    reader.fill(entry, ['content', 'targetGroups', targetGroups.length], row, [
      ['kode', ['code']],
      ['nama', ['name']],
    ]);
    targetGroups.push(entry);
  }
  for (const row of reader.table(S.actions, sheets.get(S.actions))) {
    const entry: Record<string, unknown> = { successMeasures: [] };
    const path = ['content', 'actions', actions.length];
    reader.fill(entry, path, row, [
      ['kode', ['code']],
      ['tahun', ['year']],
      ['judul', ['title']],
      ['kode_kelompok_sasaran', ['targetGroupCode']],
      ['tingkat_pelapor', ['reporterLevels']],
      ['unit_pelaksana', ['responsibleUnits']],
    ]);
    reader.register([...path, 'successMeasures'], row.cells.get('kode'));
    actions.push(entry);
  }
  const actionIndex = WorkbookReader.byCode(actions);
  const measurePaths: { entry: Record<string, unknown>; path: (string | number)[] }[] = [];
  const orphanMeasures = new Set<unknown>();
  for (const row of reader.table(S.successMeasures, sheets.get(S.successMeasures))) {
    const parent = reader.parentOf(row, 'kode_aksi', actionIndex, S.actions.name, { id: 'Aksi', en: 'action' });
    if (parent === undefined) {
      orphanMeasures.add(row.values.get('kode'));
      continue;
    }
    const measures = actions[parent].successMeasures as Record<string, unknown>[];
    const entry: Record<string, unknown> = {};
    const path = ['content', 'actions', parent, 'successMeasures', measures.length];
    reader.fill(entry, path, row, [
      ['kode_periode', ['periodCode']],
      ['ukuran', ['measure']],
      ['kode', ['code']],
      ['jenis_jawaban', ['answerType']],
      ['target', ['target']],
    ]);
    // A numbered measure (with a code or an answer type) has document rules, possibly none; the old shape has neither.
    if (entry.code !== undefined || entry.answerType !== undefined) entry.requiredDocuments = [];
    reader.register([...path, 'requiredDocuments'], row.cells.get('kode'));
    measures.push(entry);
    measurePaths.push({ entry, path });
  }
  const measureIndex = WorkbookReader.byCode(measurePaths.map(({ entry }) => entry));
  for (const row of reader.table(S.measureDocuments, sheets.get(S.measureDocuments))) {
    // A rule of a measure whose own row was refused (its action unknown) adds no second problem: one root cause.
    if (orphanMeasures.has(row.values.get('kode_ukuran'))) continue;
    const parent = reader.parentOf(row, 'kode_ukuran', measureIndex, S.successMeasures.name, { id: 'Ukuran', en: 'measure' });
    if (parent === undefined) continue;
    const { entry: measure, path } = measurePaths[parent];
    const rules = measure.requiredDocuments as Record<string, unknown>[];
    const entry: Record<string, unknown> = {};
    reader.fill(entry, [...path, 'requiredDocuments', rules.length], row, [
      ['jenis_dokumen', ['documentTypes']],
      ['min_dokumen', ['minCount']],
    ]);
    rules.push(entry);
  }
  for (const row of reader.table(S.periods, sheets.get(S.periods))) {
    const entry: Record<string, unknown> = {};
    reader.fill(entry, ['content', 'rules', 'periods', periods.length], row, [
      ['kode', ['code']],
      ['bulan_awal', ['fromMonth']],
      ['bulan_akhir', ['toMonth']],
    ]);
    periods.push(entry);
  }
  const levels = new Set<string>();
  for (const row of reader.table(S.targets, sheets.get(S.targets))) {
    const level = row.values.get('tingkat');
    const levelCell = row.cells.get('tingkat')!;
    if (typeof level !== 'string' || !(REPORTER_LEVELS as readonly string[]).includes(level)) {
      const list = REPORTER_LEVELS.join(', ');
      if (level === undefined) reader.report(levelCell, 'REQUIRED', 'Wajib diisi.', 'Required.');
      else reader.report(levelCell, 'UNKNOWN_VALUE', `Harus salah satu dari: ${list}.`, `Must be one of: ${list}.`);
      continue;
    }
    if (levels.has(level)) {
      reader.report(levelCell, 'DUPLICATE_KEY', `Tingkat ${level} muncul lebih dari sekali.`, `Level ${level} appears more than once.`);
      continue;
    }
    reader.register(['content', 'rules', 'targets', level], row.cells.get('target'));
    levels.add(level);
    targets[level] = row.values.get('target');
  }
  const targetSheet = sheets.get(S.targets);
  for (const level of REPORTER_LEVELS) {
    if (levels.has(level)) continue;
    reader.flag(['content', 'rules', 'targets', level]);
    if (targetSheet) reader.report({ sheet: targetSheet.name }, 'MISSING_TARGET', `Target untuk tingkat ${level} tidak ada.`, `The target for level ${level} is missing.`);
  }
  return { targetGroups, actions, rules: { periods, targets } };
}

/** Reads an XLSX workbook into a document-shaped value; every problem and every path carries its sheet, row and column. */
export async function readXlsx(bytes: Buffer): Promise<ReadResult> {
  const zipProblems = await checkZip(bytes);
  if (zipProblems.length > 0) return { problems: zipProblems };
  const workbook = new (loadExcel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { problems: [problem('NOT_XLSX', `Berkas bukan lembar kerja XLSX yang dapat dibaca: ${detail}`, `The file is not a readable XLSX workbook: ${detail}`)] };
  }
  const reader = new WorkbookReader(workbook);
  const layout = programmeOf(workbook);
  const sheets = reader.sheets(layout);
  const document: Record<string, unknown> = {};
  // Without a known programme only the identity keys can be read; the structural check then says what is wrong.
  reader.header(sheets.get(FRAMEWORK_SHEET), layout?.keys ?? HEADER_KEYS, document, layout !== undefined);
  if (layout) {
    const content = layout.programme === Programme.RANHAM ? readRanham(reader, sheets) : readKkp(reader, sheets);
    const rules = (document.content as { rules?: Record<string, unknown> } | undefined)?.rules ?? {};
    document.content = { ...content, rules: { ...rules, ...(content.rules as Record<string, unknown>) } };
    const firstWeight = layout.keys.find((key) => key.path[0] === 'content');
    const weightCell = firstWeight ? reader.locate(formatPath(firstWeight.path)) : undefined;
    if (weightCell) {
      reader.registerDefault(['content', 'rules', 'typeWeights'], weightCell);
      reader.registerDefault(['content', 'rules'], weightCell);
    }
  }
  reader.registerDefault(['content'], { sheet: FRAMEWORK_SHEET.name });
  return { value: document, problems: reader.problems, locate: reader.locate, flagged: reader.flagged };
}
