import type { Bilingual } from '@peduli/domain';

/** One segment of a path into a document: a key or an array index. */
export type Segment = string | number;

/** Where a problem sits in a spreadsheet: sheet name, 1-based row, column letter and that column's header. */
export interface CellLocation {
  sheet: string;
  row?: number;
  column?: string;
  header?: string;
}

/**
 * One reason a framework file cannot be imported. `path` points into the document (e.g.
 * `content.indicators[3].points`); spreadsheet problems also carry their cell.
 */
export interface InterchangeProblem {
  code: string;
  message: Bilingual;
  path?: string;
  cell?: CellLocation;
}

/** `['content', 'indicators', 3, 'points']` → `content.indicators[3].points`. */
export function formatPath(segments: readonly Segment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** A readable reference to a cell, row or sheet: `Indikator!F5`, `Indikator!5:5` or `Indikator`. */
export function cellReference(cell: CellLocation): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(cell.sheet) ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  if (cell.row === undefined) return sheet;
  if (cell.column === undefined) return `${sheet}!${cell.row}:${cell.row}`;
  return `${sheet}!${cell.column}${cell.row}`;
}

export function problem(code: string, id: string, en: string, where: { path?: string; cell?: CellLocation } = {}): InterchangeProblem {
  return { code, message: { id, en }, ...(where.path !== undefined ? { path: where.path } : {}), ...(where.cell ? { cell: where.cell } : {}) };
}

/** Either the value or every problem found on the way to it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: InterchangeProblem[] };

/** Keys that name Object.prototype members ("__proto__", "constructor", ...) never mean anything in a document. */
export function isBuiltInKey(key: string): boolean {
  return key in Object.prototype;
}

/**
 * A report stops growing at this many problems: enough to fix any real file, and a bound on the answer's size for a
 * file that is wrong in every one of its thousands of cells.
 */
export const MAX_REPORTED_PROBLEMS = 1000;

export function capped(problems: InterchangeProblem[]): InterchangeProblem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    problem('MORE_PROBLEMS', `Dan ${more} masalah lain yang tidak ditampilkan.`, `And ${more} more problems not shown.`),
  ];
}

/**
 * What a reader made of a file: the value to check further (absent when the file could not be read at all) and the
 * problems found while reading. A spreadsheet reader also says which cell each document path came from.
 */
export interface ReadResult {
  value?: unknown;
  problems: InterchangeProblem[];
  locate?: (path: string) => CellLocation | undefined;
  /**
   * Cells (see cellReference) and document paths already reported by the reader (an unreadable cell, a missing column,
   * a YAML alias), where a "required" problem from the structural check would only repeat it.
   */
  flagged?: ReadonlySet<string>;
}
