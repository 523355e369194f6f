import type ExcelJS from 'exceljs';
import { AnswerCellInput, AnswerValue, Bilingual, parseAnswerCell } from '@peduli/domain';
import { loadExcel } from '../../common/exceljs';
import { cellReference, CellLocation, InterchangeProblem, problem } from '../../frameworks/interchange/problems';
import { columnLetter } from '../../frameworks/interchange/xlsx-layout';
import { checkZip } from '../../frameworks/interchange/zip-guard';
import { ANSWER_COLUMNS, ANSWER_SHEET, ColumnKey, GUIDE_SHEET, IDENTITY_KEYS, WorkbookItem, WorkbookRow } from './answer-workbook-layout';
import { activeContentProblems } from './package-check';

/** Something the upload left out on purpose, told to the person who sent it. */
export interface WorkbookNotice {
  code: 'HIDDEN_SHEET_IGNORED' | 'SHEET_IGNORED' | 'ITEMS_NOT_IN_FILE';
  sheet?: string;
  message: Bilingual;
}

export interface AnswerWorkbookContent {
  /** Every problem found, each at its cell where there is one; nothing may be saved when there is any. */
  problems: InterchangeProblem[];
  notices: WorkbookNotice[];
  /** What "Petunjuk" says the file was downloaded for; absent when the sheet or its rows are missing. */
  submissionId?: string;
  version?: number;
  /** The answer of every item row in the file (null: the cell was left empty, which clears the answer). */
  answers: Map<string, AnswerValue>;
}

/** More rows than any input needs; a bound on the work a pasted-in sheet can cause. */
const MAX_ROWS = 5_000;

const normalise = (name: string) => name.trim().toLowerCase();

type Plain = { value?: string | number | boolean; formula?: boolean; error?: string };

/** A cell as plain data: rich text joined, hyperlinks as their text, dates as ISO dates; formulas only flagged. */
function plainOf(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) {
    const iso = value.toISOString();
    return { value: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if ('formula' in value || 'sharedFormula' in value) return { formula: true };
  if ('richText' in value) return { value: value.richText.map((part) => part.text).join('') };
  if ('hyperlink' in value) return plainOf(value.text as ExcelJS.CellValue);
  if ('error' in value) return { error: String(value.error) };
  return { error: '?' };
}

class CellProblems {
  readonly list: InterchangeProblem[] = [];

  /** The message names the cell itself ("Jawaban!E7: ..."), so it reads on its own wherever it is shown. */
  add(cell: CellLocation, code: string, message: Bilingual): void {
    const at = cellReference(cell);
    this.list.push(problem(code, `${at}: ${message.id}`, `${at}: ${message.en}`, { cell }));
  }
}

const FORMULA: Bilingual = { id: 'sel berisi rumus; ketik nilainya', en: 'the cell holds a formula; type the value instead' };
const errorIn = (error: string): Bilingual => ({ id: `sel berisi galat ${error}; ketik nilainya`, en: `the cell holds the error ${error}; type the value instead` });

/** The identity rows of "Petunjuk": column A names the key, column B holds the value. */
function readIdentity(sheet: ExcelJS.Worksheet | undefined, problems: CellProblems, content: AnswerWorkbookContent): void {
  const missing: Bilingual = {
    id: `baris ${IDENTITY_KEYS.submissionId} dan ${IDENTITY_KEYS.version} tidak ada; unggah berkas yang diunduh dari aplikasi`,
    en: `the ${IDENTITY_KEYS.submissionId} and ${IDENTITY_KEYS.version} rows are missing; upload a file downloaded from the application`,
  };
  if (!sheet) {
    problems.add({ sheet: GUIDE_SHEET }, 'MISSING_SHEET', missing);
    return;
  }
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 200) return;
    const key = plainOf(row.getCell(1).value).value;
    if (key !== IDENTITY_KEYS.submissionId && key !== IDENTITY_KEYS.version) return;
    const at: CellLocation = { sheet: sheet.name, row: rowNumber, column: 'B' };
    const plain = plainOf(row.getCell(2).value);
    if (key === IDENTITY_KEYS.submissionId && typeof plain.value === 'string' && plain.value.trim() !== '') content.submissionId = plain.value.trim();
    else if (key === IDENTITY_KEYS.version && typeof plain.value === 'number' && Number.isInteger(plain.value)) content.version = plain.value;
    else problems.add(at, 'IDENTITY_CHANGED', { id: `nilai ${key} telah diubah; unduh berkas baru`, en: `the ${key} value was changed; download a new file` });
  });
  if (content.submissionId === undefined || content.version === undefined) {
    if (!problems.list.some((found) => found.cell?.sheet === sheet.name)) problems.add({ sheet: sheet.name }, 'MISSING_IDENTITY', missing);
  }
}

/** Columns by their header in either language; the code and answer columns must be there. */
function columnsOf(sheet: ExcelJS.Worksheet, problems: CellProblems): Map<ColumnKey, number> | undefined {
  const found = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, index) => {
    const header = plainOf(cell.value).value;
    if (typeof header !== 'string') return;
    const column = ANSWER_COLUMNS.find((candidate) => [candidate.header.id, candidate.header.en].some((name) => normalise(name) === normalise(header)));
    if (column && !found.has(column.key)) found.set(column.key, index);
  });
  let complete = true;
  for (const key of ['code', 'answer'] as const) {
    if (found.has(key)) continue;
    complete = false;
    const header = ANSWER_COLUMNS.find((column) => column.key === key)!.header;
    problems.add({ sheet: sheet.name, row: 1 }, 'MISSING_COLUMN', {
      id: `kolom "${header.id}" tidak ada di baris judul`,
      en: `the column "${header.en}" (or "${header.id}") is missing from the header row`,
    });
  }
  return complete ? found : undefined;
}

function readAnswers(sheet: ExcelJS.Worksheet, rows: readonly WorkbookRow[], problems: CellProblems, content: AnswerWorkbookContent): void {
  const columns = columnsOf(sheet, problems);
  if (!columns) return;
  const codeColumn = columns.get('code')!;
  const answerColumn = columns.get('answer')!;
  const items = new Map<string, WorkbookItem>();
  const groups = new Set<string>();
  for (const row of rows) {
    if (row.kind === 'item') items.set(row.item.code, row.item);
    else groups.add(row.code);
  }
  const seen = new Map<string, number>();
  let count = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    if (++count > MAX_ROWS) {
      if (count === MAX_ROWS + 1) problems.add({ sheet: sheet.name }, 'TOO_MANY_ROWS', { id: `lebih dari ${MAX_ROWS} baris`, en: `more than ${MAX_ROWS} rows` });
      return;
    }
    const codeAt: CellLocation = { sheet: sheet.name, row: rowNumber, column: columnLetter(codeColumn), header: 'code' };
    const answerAt: CellLocation = { sheet: sheet.name, row: rowNumber, column: columnLetter(answerColumn), header: 'answer' };
    const codeCell = plainOf(row.getCell(codeColumn).value);
    const answerCell = row.getCell(answerColumn);
    const answer = plainOf(answerCell.value);
    if (codeCell.formula) return problems.add(codeAt, 'FORMULA', FORMULA);
    const code = codeCell.value === undefined ? '' : String(codeCell.value).trim();
    if (code === '') {
      const filled = answer.formula || answer.error !== undefined || (answer.value !== undefined && String(answer.value).trim() !== '');
      if (filled) problems.add(answerAt, 'NO_CODE', { id: 'jawaban tanpa kode di kolom A; isi hanya baris yang sudah ada', en: 'an answer without a code in column A; fill in only the rows that are there' });
      return;
    }
    const item = items.get(code);
    if (!item) {
      if (groups.has(code)) return;
      problems.add(codeAt, 'UNKNOWN_CODE', {
        id: `kode "${code}" bukan butir isian laporan ini`,
        en: `the code "${code}" is not an item of this report's input`,
      });
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      problems.add(codeAt, 'DUPLICATE_CODE', { id: `kode "${code}" sudah ada di baris ${first}`, en: `the code "${code}" is already on row ${first}` });
      return;
    }
    seen.set(code, rowNumber);
    if (answer.formula) return problems.add(answerAt, 'FORMULA', FORMULA);
    if (answer.error !== undefined) return problems.add(answerAt, 'CELL_ERROR', errorIn(answer.error));
    const input: AnswerCellInput = { value: answer.value, percentFormat: typeof answer.value === 'number' && /%/.test(answerCell.numFmt ?? '') };
    const outcome = parseAnswerCell(item.spec, input);
    if (!outcome.ok) return problems.add(answerAt, outcome.code, outcome.message);
    if (outcome.value !== undefined) content.answers.set(code, outcome.value);
  });
  const absent = [...items.values()].filter((item) => !seen.has(item.code) && item.spec.kind !== 'DOCUMENT').length;
  if (absent > 0) {
    content.notices.push({
      code: 'ITEMS_NOT_IN_FILE',
      sheet: sheet.name,
      message: { id: `Butir yang tidak ada di berkas: ${absent}; jawabannya tidak diubah.`, en: `Items not in the file: ${absent}; their answers were left as they were.` },
    });
  }
}

/**
 * Reads an uploaded answer workbook against the rows its submission's input covers: the container is checked first
 * (the zip-bomb guard of framework imports, then macros and external links), hidden and unknown sheets are ignored
 * and named, and every answer cell is read by its item's answer type, every problem at its cell.
 */
export async function readAnswerWorkbook(bytes: Buffer, rows: readonly WorkbookRow[]): Promise<AnswerWorkbookContent> {
  const content: AnswerWorkbookContent = { problems: [], notices: [], answers: new Map() };
  const containerProblems = await checkZip(bytes);
  if (containerProblems.length > 0) return { ...content, problems: containerProblems };
  const active = await activeContentProblems(bytes);
  if (active.length > 0) return { ...content, problems: active };
  const workbook = new (loadExcel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ...content, problems: [problem('NOT_XLSX', `Berkas bukan lembar kerja XLSX yang dapat dibaca: ${detail}`, `The file is not a readable XLSX workbook: ${detail}`)] };
  }
  const problems = new CellProblems();
  let answers: ExcelJS.Worksheet | undefined;
  let guide: ExcelJS.Worksheet | undefined;
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      content.notices.push({
        code: 'HIDDEN_SHEET_IGNORED',
        sheet: sheet.name,
        message: { id: `Lembar tersembunyi "${sheet.name}" diabaikan.`, en: `The hidden sheet "${sheet.name}" was ignored.` },
      });
    } else if (!answers && normalise(sheet.name) === normalise(ANSWER_SHEET)) {
      answers = sheet;
    } else if (!guide && normalise(sheet.name) === normalise(GUIDE_SHEET)) {
      guide = sheet;
    } else {
      content.notices.push({ code: 'SHEET_IGNORED', sheet: sheet.name, message: { id: `Lembar "${sheet.name}" diabaikan.`, en: `The sheet "${sheet.name}" was ignored.` } });
    }
  }
  readIdentity(guide, problems, content);
  if (answers) readAnswers(answers, rows, problems, content);
  else problems.add({ sheet: ANSWER_SHEET }, 'MISSING_SHEET', { id: 'lembar Jawaban tidak ada (atau tersembunyi)', en: 'the Jawaban sheet is missing (or hidden)' });
  content.problems = problems.list;
  return content;
}
