import type ExcelJS from 'exceljs';
import { AnswerCellSpec, answerCellValue, Answers, describeAnswerCell, Locale, MAX_TEXT_ANSWER_LENGTH, YES_NO_WORDS } from '@peduli/domain';
import { loadExcel } from '../../common/exceljs';
import { escapeCellText } from '../../frameworks/interchange/xlsx-write';
import { ANSWER_COLUMNS, ANSWER_SHEET, ColumnKey, GUIDE_SHEET, IDENTITY_KEYS, WorkbookRow } from './answer-workbook-layout';

export interface AnswerWorkbookInput {
  locale: Locale;
  submissionId: string;
  version: number;
  /** E.g. KKP_HAM_PERMENKUMHAM_22_2021@1. */
  framework: string;
  programme: string;
  periodKey: string;
  reporter: string;
  downloadedAt: Date;
  rows: readonly WorkbookRow[];
  answers: Answers;
  /** Only an editable submission gets an unlocked answer column. */
  editable: boolean;
  /** Units by item code, when the reporter assigns its items to units; the column is left out otherwise. */
  assignedUnits?: ReadonlyMap<string, readonly string[]>;
}

const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : escapeCellText(value));

/** Excel keeps a list validation's inline values in one formula of at most 255 characters, separated by commas. */
function inlineList(values: readonly string[]): string | undefined {
  if (values.some((value) => /[,"]/.test(value))) return undefined;
  const list = values.join(',');
  return list.length <= 250 ? `"${list}"` : undefined;
}

const ERROR_TEXT: Record<Locale, { title: string; body: (allowed: string) => string }> = {
  id: { title: 'Nilai tidak sesuai', body: (allowed) => `Isi dengan: ${allowed}.` },
  en: { title: 'Value not allowed', body: (allowed) => `Enter: ${allowed}.` },
};

function validationOf(spec: AnswerCellSpec, address: string, locale: Locale): ExcelJS.DataValidation | undefined {
  const allowed = describeAnswerCell(spec).allowed[locale];
  const messages = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: ERROR_TEXT[locale].title,
    error: ERROR_TEXT[locale].body(allowed),
    showInputMessage: true,
    prompt: allowed.slice(0, 250),
  } as const;
  const words = YES_NO_WORDS[locale];
  switch (spec.kind) {
    case 'YES_NO':
      return { type: 'list', formulae: [`"${words.yes},${words.no}"`], ...messages };
    case 'CHOICE': {
      const list = inlineList(spec.choices ?? []);
      return list ? { type: 'list', formulae: [list], ...messages } : undefined;
    }
    case 'NUMBER':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], ...messages };
    case 'PERCENT':
      return { type: 'decimal', operator: 'between', formulae: [0, 100], ...messages };
    case 'TEXT':
      return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [MAX_TEXT_ANSWER_LENGTH], ...messages };
    case 'YES_NO_OR_PERCENT': {
      const words = [YES_NO_WORDS.id.yes, YES_NO_WORDS.id.no, YES_NO_WORDS.en.yes, YES_NO_WORDS.en.no].map((word) => `${address}="${word}"`);
      return { type: 'custom', formulae: [`OR(${words.join(',')},AND(ISNUMBER(${address}),${address}>=0,${address}<=100))`], ...messages };
    }
    case 'DOCUMENT':
      return undefined;
  }
}

const GUIDE: Record<Locale, { title: string; lines: readonly string[]; labels: Record<keyof typeof IDENTITY_KEYS, string>; keyHeader: readonly string[] }> = {
  id: {
    title: 'Petunjuk pengisian lembar Jawaban',
    lines: [
      '1. Isi hanya kolom "Jawaban" (kolom E); kolom lain dikunci.',
      '2. Pilih atau ketik nilai sesuai kolom "Nilai yang diizinkan". Angka boleh ditulis 82,5 atau 82.5; tulis 0, bukan "nihil".',
      '3. Ya/tidak: pilih Ya atau Tidak. Persentase: angka 0 sampai 100.',
      '4. Sel jawaban yang dikosongkan menghapus jawaban itu saat berkas diunggah.',
      '5. Butir "Dokumen saja" tidak diisi di sini: unggah dokumen di aplikasi.',
      '6. Jangan memakai rumus di kolom Jawaban: ketik nilainya. Berkas berisi makro atau tautan ke berkas lain ditolak.',
      '7. Simpan sebagai .xlsx lalu unggah di halaman laporan. Bila ada sel yang salah, tidak ada yang disimpan dan setiap sel yang salah disebutkan.',
      '8. Bila laporan diubah orang lain setelah berkas ini diunduh, unggahan ditolak: unduh berkas baru.',
      'Jangan ubah isi tabel di bawah ini: tabel itu menandai laporan dan versinya.',
    ],
    labels: {
      submissionId: 'ID laporan',
      version: 'Versi laporan saat diunduh',
      framework: 'Versi kerangka',
      programme: 'Program',
      period: 'Periode',
      reporter: 'Pelapor',
      downloadedAt: 'Waktu unduh (UTC)',
    },
    keyHeader: ['kunci', 'nilai', 'keterangan'],
  },
  en: {
    title: 'How to fill in the Jawaban sheet',
    lines: [
      '1. Fill in only the "Answer" column (column E); the other columns are locked.',
      '2. Pick or type a value as the "Allowed values" column says. Numbers may be written 82.5 or 82,5; enter 0, not "nihil".',
      '3. Yes/no: pick Yes or No. Percentages: a number from 0 to 100.',
      '4. An answer cell left empty clears that answer when the file is uploaded.',
      '5. "Documents only" items are not answered here: upload documents in the application.',
      '6. Do not use formulas in the Answer column: type the value. Files with macros or links to other files are refused.',
      '7. Save as .xlsx and upload it on the report’s page. If any cell is wrong nothing is saved, and every wrong cell is named.',
      '8. If someone else changes the report after this file was downloaded, the upload is refused: download a new file.',
      'Do not change the table below: it identifies the report and its version.',
    ],
    labels: {
      submissionId: 'Report id',
      version: 'Report version when downloaded',
      framework: 'Framework version',
      programme: 'Programme',
      period: 'Period',
      reporter: 'Reporter',
      downloadedAt: 'Downloaded at (UTC)',
    },
    keyHeader: ['key', 'value', 'label'],
  },
};

/** The sheets are protected to keep people to the answer column, not to stop anyone: no password, filters allowed. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  autoFilter: true,
  sort: true,
  formatColumns: true,
  formatRows: true,
};

async function addAnswerSheet(workbook: ExcelJS.Workbook, input: AnswerWorkbookInput): Promise<void> {
  const { locale } = input;
  const columns = ANSWER_COLUMNS.filter((column) => column.key !== 'assignedTo' || input.assignedUnits !== undefined);
  const sheet = workbook.addWorksheet(ANSWER_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = columns.map((column) => ({ key: column.key, header: column.header[locale], width: column.width }));
  sheet.getRow(1).font = { bold: true };
  const answerIndex = columns.findIndex((column) => column.key === 'answer') + 1;
  for (const row of input.rows) {
    if (row.kind === 'group') {
      const added = sheet.addRow({ code: text(row.code), text: text(row.text) });
      added.font = { bold: true };
      added.getCell(answerIndex).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      continue;
    }
    const { item } = row;
    const words = describeAnswerCell(item.spec);
    const values: Partial<Record<ColumnKey, ExcelJS.CellValue>> = {
      code: text(item.code),
      text: text(item.text),
      answerType: words.type[locale],
      allowed: words.allowed[locale],
      unit: text(item.unit),
      help: text(item.help),
      documents: text(item.documents),
      assignedTo: text(input.assignedUnits?.get(item.code)?.join(', ')),
    };
    if (item.spec.kind !== 'DOCUMENT') {
      const current = answerCellValue(input.answers[item.code], locale);
      values.answer = typeof current === 'string' ? escapeCellText(current) : current;
    }
    const added = sheet.addRow(values);
    added.alignment = { vertical: 'top', wrapText: true };
    const cell = added.getCell(answerIndex);
    if (item.spec.kind === 'DOCUMENT') {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      continue;
    }
    if (item.spec.kind === 'TEXT') cell.numFmt = '@';
    if (input.editable) {
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    }
    const validation = validationOf(item.spec, cell.address, locale);
    if (validation) cell.dataValidation = validation;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: columns.length } };
  await sheet.protect('', PROTECTION);
}

async function addGuideSheet(workbook: ExcelJS.Workbook, input: AnswerWorkbookInput): Promise<void> {
  const guide = GUIDE[input.locale];
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 18 }, { width: 44 }, { width: 36 }];
  sheet.addRow([guide.title]).font = { bold: true, size: 13 };
  for (const line of guide.lines) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow([...guide.keyHeader]).font = { bold: true };
  const values: Record<keyof typeof IDENTITY_KEYS, string | number> = {
    submissionId: input.submissionId,
    version: input.version,
    framework: input.framework,
    programme: input.programme,
    period: input.periodKey,
    reporter: escapeCellText(input.reporter),
    downloadedAt: input.downloadedAt.toISOString(),
  };
  for (const name of Object.keys(IDENTITY_KEYS) as (keyof typeof IDENTITY_KEYS)[]) {
    sheet.addRow([IDENTITY_KEYS[name], values[name], guide.labels[name]]);
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The answer workbook's bytes: "Jawaban" to fill in, "Petunjuk" with instructions and the identity of the download. */
export async function writeAnswerWorkbook(input: AnswerWorkbookInput): Promise<Buffer> {
  const workbook = new (loadExcel().Workbook)();
  workbook.creator = 'Peduli';
  workbook.created = input.downloadedAt;
  await addAnswerSheet(workbook, input);
  await addGuideSheet(workbook, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
