import type ExcelJS from 'exceljs';

/**
 * exceljs is loaded on first use: only spreadsheet exports and framework files need it, and loaded at start it would
 * add about 27 MB to the resident memory of every API process.
 */
export function loadExcel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}
