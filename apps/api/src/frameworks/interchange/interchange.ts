import type { FrameworkDocument, FileFormat } from './document';
import { readJson, writeJson } from './json-format';
import { Programme } from '@peduli/domain';
import { capped, CellLocation, cellReference, InterchangeProblem, Outcome, problem, ReadResult } from './problems';
import { semanticProblems } from './semantic';
import { parseDocument } from './structure';
import { readXlsx } from './xlsx-read';
import { FRAMEWORK_SHEET, LAYOUTS } from './xlsx-layout';
import { workbookLosses } from './workbook-limits';
import { writeXlsx } from './xlsx-write';
import { readYaml, writeYaml } from './yaml-format';

/** A stored version whose content does not fit the file structure cannot be laid out as a workbook. */
export class NotExportableError extends Error {
  constructor(readonly problems: InterchangeProblem[]) {
    super('the content does not fit the file structure');
  }
}

/**
 * The bytes of a file in one format; the document is first put in canonical form, so what is written reads back the
 * same. A stored draft whose content does not fit the structure is still written as JSON or YAML, as it is, so it can
 * be repaired elsewhere; as a workbook it cannot be, and NotExportableError lists why.
 */
export async function writeDocument(document: FrameworkDocument, format: FileFormat): Promise<Buffer> {
  const canonical = parseDocument(document);
  if (!canonical.ok && format === 'xlsx') throw new NotExportableError(capped(canonical.problems));
  if (canonical.ok && format === 'xlsx' && workbookLosses(canonical.value).length > 0) throw new NotExportableError(workbookLosses(canonical.value));
  const value = canonical.ok ? canonical.value : document;
  switch (format) {
    case 'json':
      return writeJson(value);
    case 'yaml':
      return writeYaml(value);
    case 'xlsx':
      return writeXlsx(value);
  }
}

export function readFile(bytes: Buffer, format: FileFormat): Promise<ReadResult> | ReadResult {
  switch (format) {
    case 'json':
      return readJson(bytes);
    case 'yaml':
      return readYaml(bytes);
    case 'xlsx':
      return readXlsx(bytes);
  }
}

const SHEET_ORDER = [FRAMEWORK_SHEET.name, ...Object.values(LAYOUTS).flatMap((layout) => layout.sheets.slice(1).map((sheet) => sheet.name))];

function columnIndex(letters: string | undefined): number {
  return letters ? [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) : 0;
}

/** Spreadsheet problems in reading order: sheet by sheet as the layout lists them, then row, then column. */
function inReadingOrder(problems: InterchangeProblem[]): InterchangeProblem[] {
  const sheetRank = (name: string | undefined) => {
    const rank = name === undefined ? -1 : SHEET_ORDER.indexOf(name);
    return rank < 0 ? SHEET_ORDER.length : rank;
  };
  return problems
    .map((found, index) => ({ found, index }))
    .sort(
      (a, b) =>
        sheetRank(a.found.cell?.sheet) - sheetRank(b.found.cell?.sheet) ||
        (a.found.cell?.row ?? 0) - (b.found.cell?.row ?? 0) ||
        columnIndex(a.found.cell?.column) - columnIndex(b.found.cell?.column) ||
        a.index - b.index,
    )
    .map(({ found }) => found);
}

/** A "required" from the structural check where the reader already said what is wrong (e.g. an unreadable cell). */
function isRepeated(found: InterchangeProblem, cell: CellLocation | undefined, flagged: ReadonlySet<string> | undefined): boolean {
  if (found.code !== 'REQUIRED' || found.cell || !flagged) return false;
  return (found.path !== undefined && flagged.has(found.path)) || (cell?.column !== undefined && flagged.has(cellReference(cell)));
}

export interface ReadOptions {
  /** The version number the document would get, for the domain's checks. */
  version?: number;
  /** Structure only, without the domain's checks (e.g. to test that every format carries every document). */
  structureOnly?: boolean;
  /** The programme and framework code the file must have (when it replaces an existing draft). */
  expect?: { programme: Programme; frameworkCode: string };
}

function mismatches(document: FrameworkDocument, expected: NonNullable<ReadOptions['expect']>): InterchangeProblem[] {
  const found: InterchangeProblem[] = [];
  if (document.programme !== expected.programme) {
    found.push(
      problem('PROGRAMME_MISMATCH', `Berkas ini untuk program ${document.programme}, sedangkan draf untuk program ${expected.programme}.`, `This file is for programme ${document.programme}, the draft for ${expected.programme}.`, {
        path: 'programme',
      }),
    );
  }
  if (document.frameworkCode !== expected.frameworkCode) {
    found.push(
      problem(
        'FRAMEWORK_CODE_MISMATCH',
        `Berkas ini untuk kerangka ${document.frameworkCode}, sedangkan draf untuk kerangka ${expected.frameworkCode}.`,
        `This file is for framework ${document.frameworkCode}, the draft for ${expected.frameworkCode}.`,
        { path: 'frameworkCode' },
      ),
    );
  }
  return found;
}

/**
 * Reads a framework file completely: the format's own checks, the document structure, then the domain rules. Every
 * problem of every stage is reported together (the domain rules only run on a sound structure), each with its document
 * path and, for a spreadsheet, its sheet, row and column.
 */
export async function readDocument(bytes: Buffer, format: FileFormat, options: ReadOptions = {}): Promise<Outcome<FrameworkDocument>> {
  const read = await readFile(bytes, format);
  const problems = [...read.problems];
  let document: FrameworkDocument | undefined;
  if (read.value !== undefined) {
    const structure = parseDocument(read.value);
    if (structure.ok) {
      document = structure.value;
      if (options.expect) problems.push(...mismatches(document, options.expect));
      if (!options.structureOnly) problems.push(...semanticProblems(document, options.version));
    } else {
      problems.push(...structure.problems);
    }
  }
  if (problems.length === 0 && document) return { ok: true, value: document };
  if (!read.locate) return { ok: false, problems: capped(problems.filter((found) => !isRepeated(found, undefined, read.flagged))) };
  const located: InterchangeProblem[] = [];
  for (const found of problems) {
    const cell = found.cell ?? (found.path !== undefined ? read.locate(found.path) : undefined);
    if (isRepeated(found, cell, read.flagged)) continue;
    located.push(cell ? { ...found, cell } : found);
  }
  return { ok: false, problems: capped(inReadingOrder(located)) };
}
