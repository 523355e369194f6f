import type ExcelJS from 'exceljs';
import { CellLocation, cellReference, formatPath, InterchangeProblem, problem, Segment } from './problems';
import { CellKind, columnLetter, FRAMEWORK_SHEET, KeyDef, LIST_SEPARATORS, ProgrammeLayout, SheetDef } from './xlsx-layout';

/*
 * Reading cells and sheets: values by column kind, header rows, rows that name their parent, the Kerangka keys, and
 * the map from document paths to the cells they came from.
 */

/** More rows than any framework needs (the official KKP HAM list has 120 indicators). */
export const MAX_ROWS_PER_SHEET = 20_000;

export interface TableRow {
  row: number;
  values: Map<string, unknown>;
  cells: Map<string, CellLocation>;
  location: CellLocation;
}

type Plain = { value?: unknown; error?: { id: string; en: string } };

/** A cell's value as plain data: rich text joined, hyperlinks as their text, formulas as their computed result. */
function plainValue(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) {
    const iso = value.toISOString();
    return { value: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if ('richText' in value) return { value: value.richText.map((part) => part.text).join('') };
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return { error: { id: `Sel berisi galat ${value.error}.`, en: `The cell holds the error ${value.error}.` } };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      return {
        error: {
          id: 'Rumus di sel ini belum memiliki hasil; buka dan simpan berkas di program lembar kerja, atau ganti rumus dengan nilainya.',
          en: 'The formula in this cell has no computed result; open and save the file in a spreadsheet program, or replace the formula with its value.',
        },
      };
    }
    return plainValue(result as ExcelJS.CellValue);
  }
  return { error: { id: 'Jenis isi sel tidak didukung.', en: 'Unsupported cell content.' } };
}

const NUMERIC_TEXT = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;

/**
 * Converts a cell by its column's kind. Whatever does not fit is kept as it is, so that the structural check reports it
 * (e.g. "must be a number, not the text 'sepuluh'") at this cell.
 */
function byKind(value: unknown, kind: CellKind): unknown {
  if (typeof value === 'string' && value.trim() === '') value = undefined;
  switch (kind) {
    case 'text':
      return typeof value === 'number' ? String(value) : value;
    case 'number':
      return typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value;
    case 'codes':
    case 'names':
      if (value === undefined) return [];
      if (typeof value !== 'string') return [typeof value === 'number' ? String(value) : value];
      return value
        .split(LIST_SEPARATORS[kind])
        .map((item) => item.trim())
        .filter((item) => item !== '');
  }
}

function setAt(target: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.slice(0, -1).forEach((key, index) => {
    if (node[key] === undefined) node[key] = typeof path[index + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[path[path.length - 1]] = value;
}

export const normalise = (name: string) => name.trim().toLowerCase();

/** Reads a workbook into a document-shaped value, remembering which cell every document path came from. */
export class WorkbookReader {
  readonly problems: InterchangeProblem[] = [];
  readonly flagged = new Set<string>();
  private readonly locations = new Map<string, CellLocation>();

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  report(cell: CellLocation, code: string, id: string, en: string): void {
    this.problems.push(problem(code, id, en, { cell }));
    if (cell.column) this.flagged.add(cellReference(cell));
  }

  /** A document path whose absence the reader has already explained. */
  flag(path: readonly Segment[]): void {
    this.flagged.add(formatPath(path));
  }

  register(path: readonly Segment[], location: CellLocation | undefined): void {
    if (location) this.locations.set(formatPath(path), location);
  }

  registerDefault(path: readonly Segment[], location: CellLocation): void {
    const key = formatPath(path);
    if (!this.locations.has(key)) this.locations.set(key, location);
  }

  /** The cell of a path, or of the nearest enclosing path that has one (a row, then a sheet). */
  locate = (path: string): CellLocation | undefined => {
    for (let key = path; ; ) {
      const found = this.locations.get(key);
      if (found) return found;
      const shorter = key.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      if (shorter === key) return undefined;
      key = shorter;
    }
  };

  /** Finds the sheets a layout knows, reporting unknown, repeated and missing ones. */
  sheets(layout: ProgrammeLayout | undefined): Map<SheetDef, ExcelJS.Worksheet> {
    const found = new Map<SheetDef, ExcelJS.Worksheet>();
    const known = layout?.sheets ?? [FRAMEWORK_SHEET];
    for (const worksheet of this.workbook.worksheets) {
      const def = known.find((sheet) => normalise(sheet.name) === normalise(worksheet.name));
      if (!def) {
        if (layout) {
          const names = known.map((sheet) => sheet.name).join(', ');
          this.report(
            { sheet: worksheet.name },
            'UNKNOWN_SHEET',
            `Lembar "${worksheet.name}" tidak dikenal; lembar yang dikenal: ${names}.`,
            `Unknown sheet "${worksheet.name}"; known sheets: ${names}.`,
          );
        }
      } else if (found.has(def)) {
        this.report({ sheet: worksheet.name }, 'DUPLICATE_SHEET', `Lembar "${def.name}" ada lebih dari sekali.`, `The sheet "${def.name}" appears more than once.`);
      } else {
        found.set(def, worksheet);
      }
    }
    for (const def of known) {
      if (def.required && !found.has(def)) {
        this.report({ sheet: def.name }, 'MISSING_SHEET', `Lembar wajib "${def.name}" tidak ada.`, `The required sheet "${def.name}" is missing.`);
      }
    }
    return found;
  }

  /** The data rows of a sheet, each value converted by its column's kind; row 1 must hold the headers. */
  table(def: SheetDef, worksheet: ExcelJS.Worksheet | undefined): TableRow[] {
    if (!worksheet) return [];
    const sheet = worksheet.name;
    const columns = new Map<string, number>();
    const strayColumns = new Set<number>();
    const headerRow = worksheet.getRow(1);
    const knownHeaders = def.columns.map((column) => column.header).join(', ');
    headerRow.eachCell({ includeEmpty: false }, (cell, index) => {
      const plain = plainValue(cell.value).value;
      if (plain === undefined || String(plain).trim() === '') return;
      const header = normalise(String(plain));
      const at: CellLocation = { sheet, row: 1, column: columnLetter(index) };
      const column = def.columns.find((candidate) => candidate.header === header);
      if (!column) {
        strayColumns.add(index);
        this.report(at, 'UNKNOWN_COLUMN', `Kolom "${String(plain)}" tidak dikenal; kolom yang dikenal: ${knownHeaders}.`, `Unknown column "${String(plain)}"; known columns: ${knownHeaders}.`);
      } else if (columns.has(column.header)) {
        this.report(at, 'DUPLICATE_COLUMN', `Kolom "${column.header}" ada lebih dari sekali.`, `The column "${column.header}" appears more than once.`);
      } else {
        columns.set(column.header, index);
      }
    });
    for (const column of def.columns) {
      if (!column.optional && !columns.has(column.header)) {
        this.report(
          { sheet, row: 1 },
          'MISSING_COLUMN',
          `Kolom wajib "${column.header}" tidak ada di baris judul.`,
          `The required column "${column.header}" is missing from the header row.`,
        );
      }
    }
    const knownIndexes = new Set(columns.values());
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1 || rows.length > MAX_ROWS_PER_SHEET) return;
      const values = new Map<string, unknown>();
      const cells = new Map<string, CellLocation>();
      let filled = false;
      row.eachCell({ includeEmpty: false }, (cell, index) => {
        if (knownIndexes.has(index) || strayColumns.has(index)) return;
        const plain = plainValue(cell.value);
        if (plain.error || (plain.value !== undefined && String(plain.value).trim() !== '')) {
          strayColumns.add(index);
          this.report(
            { sheet, row: rowNumber, column: columnLetter(index) },
            'CELL_OUTSIDE_COLUMNS',
            'Sel ini berisi data di kolom tanpa judul yang dikenal.',
            'This cell holds data in a column without a known header.',
          );
        }
      });
      for (const column of def.columns) {
        const index = columns.get(column.header);
        if (index === undefined) {
          cells.set(column.header, { sheet, row: rowNumber, header: column.header });
          continue;
        }
        const at: CellLocation = { sheet, row: rowNumber, column: columnLetter(index), header: column.header };
        cells.set(column.header, at);
        const plain = plainValue(row.getCell(index).value);
        if (plain.error) {
          this.report(at, 'CELL_UNREADABLE', plain.error.id, plain.error.en);
          filled = true;
          continue;
        }
        const value = byKind(plain.value, column.kind);
        if (value !== undefined && !(Array.isArray(value) && value.length === 0)) filled = true;
        values.set(column.header, value);
      }
      if (filled) rows.push({ row: rowNumber, values, cells, location: { sheet, row: rowNumber } });
    });
    if (rows.length > MAX_ROWS_PER_SHEET) {
      rows.length = MAX_ROWS_PER_SHEET;
      this.report({ sheet }, 'TOO_MANY_ROWS', `Lembar ini memiliki lebih dari ${MAX_ROWS_PER_SHEET} baris.`, `This sheet has more than ${MAX_ROWS_PER_SHEET} rows.`);
    }
    return rows;
  }

  /** Copies a row's cells into an entry, registering each field's cell (also for empty cells, to place "required"). */
  fill(entry: Record<string, unknown>, path: readonly Segment[], row: TableRow, fields: readonly (readonly [string, readonly Segment[]])[]): void {
    this.register(path, row.location);
    for (const [header, field] of fields) {
      const cell = row.cells.get(header);
      this.register([...path, ...field], cell);
      // A missing column is reported once, not as a missing value on every row.
      if (cell?.column === undefined) this.flag([...path, ...field]);
      const value = row.values.get(header);
      if (value !== undefined) setAt(entry, field, value);
    }
  }

  /** Index of the first entry with each code, for child rows that name their parent. */
  static byCode(entries: readonly Record<string, unknown>[], field = 'code'): Map<string, number> {
    const index = new Map<string, number>();
    entries.forEach((entry, position) => {
      const code = entry[field];
      if (typeof code === 'string' && !index.has(code)) index.set(code, position);
    });
    return index;
  }

  /** The parent's position for a child row, or a problem at the child's parent-code cell. */
  parentOf(row: TableRow, header: string, parents: Map<string, number>, parentSheet: string, what: { id: string; en: string }): number | undefined {
    const code = row.values.get(header);
    const at = row.cells.get(header)!;
    if (code === undefined) {
      this.report(at, 'REQUIRED', 'Wajib diisi.', 'Required.');
      return undefined;
    }
    const position = typeof code === 'string' ? parents.get(code) : undefined;
    if (position === undefined) {
      this.report(
        at,
        'UNKNOWN_PARENT',
        `${what.id} dengan kode "${String(code)}" tidak ada di lembar ${parentSheet}.`,
        `No ${what.en} with code "${String(code)}" on sheet ${parentSheet}.`,
      );
    }
    return position;
  }

  /** The Kerangka sheet: one key and its value per row. */
  header(worksheet: ExcelJS.Worksheet | undefined, keys: readonly KeyDef[], document: Record<string, unknown>, reportUnknown = true): void {
    const seen = new Set<string>();
    for (const row of this.table(FRAMEWORK_SHEET, worksheet)) {
      const keyCell = row.cells.get('kunci')!;
      const rawKey = row.values.get('kunci');
      const key = typeof rawKey === 'string' ? rawKey.trim() : rawKey;
      if (key === undefined) {
        if (row.values.get('nilai') !== undefined) this.report(keyCell, 'REQUIRED', 'Kunci wajib diisi.', 'The key is required.');
        continue;
      }
      const def = keys.find((candidate) => candidate.key === key);
      if (!def) {
        if (reportUnknown) {
          const known = keys.map((candidate) => candidate.key).join(', ');
          this.report(keyCell, 'UNKNOWN_KEY', `Kunci "${String(key)}" tidak dikenal; kunci yang dikenal: ${known}.`, `Unknown key "${String(key)}"; known keys: ${known}.`);
        }
        continue;
      }
      if (seen.has(def.key)) {
        this.report(keyCell, 'DUPLICATE_KEY', `Kunci "${def.key}" muncul lebih dari sekali.`, `The key "${def.key}" appears more than once.`);
        continue;
      }
      seen.add(def.key);
      const valueCell = row.cells.get('nilai')!;
      this.register(def.path, valueCell);
      const value = byKind(row.values.get('nilai'), def.kind);
      if (value !== undefined) setAt(document, def.path, value);
    }
    for (const def of keys) {
      this.registerDefault(def.path, { sheet: FRAMEWORK_SHEET.name });
      if (seen.has(def.key)) continue;
      this.flag(def.path);
      if (worksheet && reportUnknown && !def.optional) {
        this.report({ sheet: worksheet.name }, 'MISSING_KEY', `Baris dengan kunci "${def.key}" tidak ada.`, `The row with key "${def.key}" is missing.`);
      }
    }
  }
}
