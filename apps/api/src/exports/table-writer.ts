import { Logger } from '@nestjs/common';
import type { Bilingual, Locale } from '@peduli/domain';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../common/exceljs';
import type { Response } from 'express';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { MEDIA_TYPES } from '../frameworks/interchange/document';
import { escapeCellText } from '../frameworks/interchange/xlsx-write';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One cell: text, a number, yes/no (written in the reader's language), or empty. */
export type Cell = string | number | boolean | null;

export interface ExportColumn {
  /** Bilingual for the fixed columns; a plain code (e.g. a criterion "K3") reads the same in both languages. */
  header: Bilingual | string;
  /** Spreadsheet column width in characters. */
  width?: number;
}

/**
 * A table to export: its columns, and its rows in batches read one after the other, so only one batch is ever held.
 * Everything that can fail with a 4xx (parameters, scope, a missing cycle) is checked before a table is built.
 */
export interface ExportTable {
  /** The file name without extension: ASCII letters, digits, "." "_" "-". */
  fileName: Bilingual;
  sheetName: Bilingual;
  columns: ExportColumn[];
  batches: AsyncIterable<Cell[][]>;
}

const YES_NO: Readonly<Record<Locale, [string, string]>> = { id: ['Ya', 'Tidak'], en: ['Yes', 'No'] };

/**
 * Spreadsheet programs evaluate a cell that starts with = + - or @ as a formula (a leading tab or carriage return can
 * carry one past a naive check): a value such as `=HYPERLINK("http://…","klik")` typed into a unit's name or an audit
 * reason would run on the computer of whoever opens the export, e.g. to send the sheet's data elsewhere (CSV or
 * formula injection, as OWASP describes it). A leading apostrophe makes the program read the cell as plain text. Only text is neutralised: numbers are written as numbers. The same
 * rule applies to XLSX, whose text cells are inert, so that both formats carry the same values and a workbook saved
 * again as CSV stays safe.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function textOf(cell: Cell, locale: Locale): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return YES_NO[locale][cell ? 0 : 1];
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return neutraliseFormula(cell);
}

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Characters XML 1.0 forbids (control characters other than tab, LF, CR); a workbook holding one will not open. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Excel refuses longer text in one cell. */
const XLSX_CELL_LIMIT = 32_767;

function xlsxValue(value: string | number | null): ExcelJS.CellValue {
  if (typeof value !== 'string') return value;
  let text = escapeCellText(value.replace(XML_FORBIDDEN, ''));
  // Long audit snapshots (e.g. a whole framework version) are cut to what Excel can show; the CSV keeps them whole.
  if (text.length > XLSX_CELL_LIMIT) text = `${text.slice(0, XLSX_CELL_LIMIT - 1)}…`;
  return text;
}

/** Raised when the caller went away mid-export: the rest is not produced. */
class ClientGone extends Error {}

/**
 * Waits until a stream asks for more (its 'drain'), or fails if the response is closed first (the client left), so an
 * export never queues more than about one batch in memory while a slow client reads.
 */
function drained(emitter: NodeJS.EventEmitter, response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      emitter.off('drain', onDrain);
      response.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ClientGone());
    emitter.once('drain', onDrain);
    response.once('close', onClose);
  });
}

/** Resolves once the whole response has been handed to the network; fails if the client left before. */
function ended(response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    response.once('finish', () => resolve());
    response.once('close', () => (response.writableFinished ? resolve() : reject(new ClientGone())));
  });
}

interface TableWriter {
  /** Writes a batch and resolves once the response can take more. */
  write(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
  /** Stops after an error or when the client left; the response is destroyed, never ended as if complete. */
  abort(): void;
}

/**
 * Where a CSV export's text goes: a gzip stream piped to the response when the client accepts gzip, else the response.
 * The export compresses itself rather than through the compression middleware, which hands a waiting writer's 'drain'
 * listener to its own zlib stream where the writer cannot remove it again: one stray listener per wait, hundreds in a
 * national export. The header says no-transform so the middleware leaves the body alone.
 */
function csvSink(response: Response): Writable {
  if (response.req.acceptsEncodings('gzip', 'identity') !== 'gzip') return response;
  response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Cache-Control', 'no-store, no-transform');
  response.vary('Accept-Encoding');
  const gzip = createGzip();
  gzip.pipe(response);
  response.once('close', () => gzip.destroy());
  return gzip;
}

function csvWriter(response: Response, columns: ExportColumn[], locale: Locale): TableWriter {
  const line = (cells: (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;
  const sink = csvSink(response);
  const send = async (chunk: string) => {
    if (response.destroyed) throw new ClientGone();
    if (!sink.write(chunk, 'utf8')) await drained(sink, response);
  };
  // The byte order mark tells Excel the file is UTF-8: without it, anything beyond ASCII in names and reasons (curly
  // quotes pasted from a letter, dashes, accented letters) would show as mojibake.
  let head = `\uFEFF${line(columns.map((column) => textOf(headerText(column, locale), locale)))}`;
  return {
    write: async (rows) => {
      const chunk = head + rows.map((row) => line(row.map((cell) => textOf(cell, locale)))).join('');
      head = '';
      await send(chunk);
    },
    end: async () => {
      if (head) await send(head);
      const done = ended(response);
      // A gzip sink ends the response when it has flushed its last bytes through the pipe.
      sink.end();
      await done;
    },
    abort: () => {
      sink.destroy();
      response.destroy();
    },
  };
}

interface BufferedStream {
  _writableState?: { needDrain?: boolean };
}

/**
 * The streams a worksheet feeds without waiting. exceljs writes each committed row's XML into a buffer of its own,
 * which hands it on to a pass-through of archiver (the zip) without heeding that stream's backpressure. The zip does
 * wait for the response, so with a slow client the XML piles up in that pass-through, unseen by the response's
 * 'drain': watching only the response would let a whole export gather there. These are internals of the pinned
 * exceljs 4.4.0, read defensively: if their shape changes, only the response is watched, and the large-export test
 * (which bounds memory while the client stalls) fails.
 */
function sheetPipes(worksheet: ExcelJS.Worksheet): (NodeJS.EventEmitter & BufferedStream)[] {
  const pipes = (worksheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) return [];
  return pipes.filter(
    (pipe): pipe is NodeJS.EventEmitter & BufferedStream =>
      typeof (pipe as { once?: unknown }).once === 'function' && typeof (pipe as BufferedStream)._writableState === 'object',
  );
}

function xlsxWriter(response: Response, columns: ExportColumn[], locale: Locale, sheetName: string): TableWriter {
  // Shared strings would keep every distinct text in memory until the end; styles are not needed.
  const workbook = new (loadExcel().stream.xlsx.WorkbookWriter)({ stream: response, useStyles: false, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((column) => ({ width: column.width ?? 16 }));
  worksheet.addRow(columns.map((column) => xlsxValue(textOf(headerText(column, locale), locale)))).commit();
  return {
    write: async (rows) => {
      if (response.destroyed) throw new ClientGone();
      for (const row of rows) worksheet.addRow(row.map((cell) => xlsxValue(textOf(cell, locale)))).commit();
      for (;;) {
        const waiting = [...sheetPipes(worksheet), response].find((stream) =>
          stream === response ? response.writableNeedDrain : (stream as BufferedStream)._writableState?.needDrain === true,
        );
        if (!waiting) return;
        await drained(waiting, response);
      }
    },
    end: async () => {
      worksheet.commit();
      // Committing waits for the zip to take the sheet, which never happens if the client has left: `ended` ends that wait.
      await Promise.all([workbook.commit(), ended(response)]);
    },
    abort: () => response.destroy(),
  };
}

function headerText(column: ExportColumn, locale: Locale): string {
  return typeof column.header === 'string' ? column.header : column.header[locale];
}

/**
 * Streams a table as CSV or XLSX. The first batch is read before anything is sent, so a failing query still answers
 * with a proper error; after that, each batch is written as it comes and the next is read only once the response has
 * room for it. A failure half-way destroys the response, so the client sees a broken download rather than a file that
 * looks complete.
 */
export async function streamTable(response: Response, table: ExportTable, format: ExportFormat, locale: Locale, logger: Logger): Promise<void> {
  const batches = table.batches[Symbol.asyncIterator]();
  const first = await batches.next();
  const fileName = `${table.fileName[locale]}.${format}`;
  response.status(200);
  response.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : MEDIA_TYPES.xlsx);
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // Writes into a response whose client has left may fail; the export notices the 'close' and stops.
  response.on('error', () => undefined);
  const writer =
    format === 'csv' ? csvWriter(response, table.columns, locale) : xlsxWriter(response, table.columns, locale, table.sheetName[locale]);
  try {
    if (!first.done) await writer.write(first.value);
    for (let next = await batches.next(); !next.done; next = await batches.next()) await writer.write(next.value);
    await writer.end();
  } catch (error) {
    writer.abort();
    await batches.return?.();
    if (error instanceof ClientGone) return;
    logger.error({ err: error instanceof Error ? error.stack : String(error), fileName }, 'export failed after it started streaming');
  }
}
