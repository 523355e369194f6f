import type ExcelJS from 'exceljs';
import { loadExcel } from '../../common/exceljs';
import { KkpFrameworkContent, Programme, RanhamFrameworkContent } from '@peduli/domain';
import type { FrameworkDocument } from './document';
import { REPORTER_LEVELS } from './structure';
import { CellKind, KKP_SHEETS, KeyDef, LAYOUTS, LIST_SEPARATORS, RANHAM_SHEETS, SheetDef, FRAMEWORK_SHEET } from './xlsx-layout';

type Row = readonly unknown[];

/**
 * Spreadsheet text may hold "_xHHHH_", which readers decode as the character HHHH. A literal one is kept by escaping
 * its underscore as "_x005F_", the way Excel itself writes it.
 */
export function escapeCellText(text: string): string {
  return text.replace(/_(?=x[0-9A-F]{4}_)/g, '_x005F_');
}

function cellValue(value: unknown, kind: CellKind): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (kind === 'codes' || kind === 'names') return escapeCellText((value as readonly string[]).join(`${LIST_SEPARATORS[kind]} `));
  if (typeof value === 'string') return escapeCellText(value);
  return value as number;
}

function valueAt(document: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], document);
}

function kerangkaRows(document: FrameworkDocument, keys: readonly KeyDef[]): Row[] {
  return keys.map((key) => [key.key, valueAt(document, key.path), key.note]);
}

function kkpRows(content: KkpFrameworkContent): Map<SheetDef, Row[]> {
  const { criteria, indicators, rules } = content;
  return new Map<SheetDef, Row[]>([
    [KKP_SHEETS.criteria, criteria.map((c) => [c.code, c.name, c.rightsGroup])],
    [KKP_SHEETS.subGroups, criteria.flatMap((c) => (c.subGroups ?? []).map((s) => [c.code, s.code, s.name]))],
    [
      KKP_SHEETS.indicators,
      indicators.map((i) => [
        i.code,
        i.criterionCode,
        i.subGroupCode,
        i.text,
        i.type,
        i.answerType,
        i.unit,
        i.points,
        i.evidence.allowedDocumentTypes,
        i.evidence.minCount,
        i.helpText,
        i.target?.value,
        i.target?.cap,
        i.target?.rounding,
      ]),
    ],
    [KKP_SHEETS.bands, indicators.flatMap((i) => (i.bands ?? []).map((b) => [i.code, b.min, b.points]))],
    [KKP_SHEETS.choices, indicators.flatMap((i) => (i.choices ?? []).map((c) => [i.code, c.value, c.points]))],
    [KKP_SHEETS.scoreBands, rules.bands.map((b) => [b.band, b.min])],
    [KKP_SHEETS.adjustments, rules.adjustments.map((a) => [a.code, a.name, a.kind, a.cap, a.perUnit])],
  ]);
}

function ranhamRows(content: RanhamFrameworkContent): Map<SheetDef, Row[]> {
  const { targetGroups, actions, rules } = content;
  return new Map<SheetDef, Row[]>([
    [RANHAM_SHEETS.targetGroups, targetGroups.map((g) => [g.code, g.name])],
    [RANHAM_SHEETS.actions, actions.map((a) => [a.code, a.year, a.title, a.targetGroupCode, a.reporterLevels, a.responsibleUnits])],
    [RANHAM_SHEETS.successMeasures, actions.flatMap((a) => a.successMeasures.map((m) => [a.code, m.periodCode, m.measure, m.code, m.answerType, m.target]))],
    [
      RANHAM_SHEETS.measureDocuments,
      actions.flatMap((a) => a.successMeasures.flatMap((m) => (m.requiredDocuments ?? []).map((rule) => [m.code, rule.documentTypes, rule.minCount]))),
    ],
    [RANHAM_SHEETS.periods, rules.periods.map((p) => [p.code, p.fromMonth, p.toMonth])],
    [RANHAM_SHEETS.targets, REPORTER_LEVELS.map((level) => [level, rules.targets[level]])],
  ]);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetDef, rows: readonly Row[], kinds: (row: Row, index: number) => CellKind): void {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width }));
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const row of rows) worksheet.addRow(row.map((value, index) => cellValue(value, kinds(row, index))));
  sheet.columns.forEach((column, index) => {
    if (column.width >= 40) worksheet.getColumn(index + 1).alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Writes a document (in canonical form) as a workbook with one sheet per level; reading it back gives the same document. */
export async function writeXlsx(document: FrameworkDocument): Promise<Buffer> {
  const layout = LAYOUTS[document.programme];
  const workbook = new (loadExcel().Workbook)();
  workbook.creator = 'Peduli';
  const keyKinds = new Map(layout.keys.map((key) => [key.key, key.kind]));
  addSheet(workbook, FRAMEWORK_SHEET, kerangkaRows(document, layout.keys), (row, index) => (index === 1 ? keyKinds.get(row[0] as string)! : 'text'));
  const rows = document.programme === Programme.RANHAM ? ranhamRows(document.content) : kkpRows(document.content);
  for (const [sheet, sheetRows] of rows) addSheet(workbook, sheet, sheetRows, (_row, index) => sheet.columns[index].kind);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
