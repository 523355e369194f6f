import {
  AnswerCellSpec,
  asKkpVersion,
  asRanhamVersion,
  Bilingual,
  cellSpecOfIndicator,
  cellSpecOfMeasure,
  Locale,
  OrganisationKind,
  parsePeriodKey,
  Programme,
  ranhamLevelOf,
  StoredFrameworkVersion,
} from '@peduli/domain';

/*
 * The answer workbook's layout: its two sheets, the columns of "Jawaban", the identity keys of "Petunjuk", and the
 * rows a submission's input covers. Sheet names and identity keys are the same in both languages so that a file
 * downloaded in English can be uploaded by someone who reads Indonesian; headers are read in either language.
 */

export const ANSWER_SHEET = 'Jawaban';
export const GUIDE_SHEET = 'Petunjuk';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ColumnKey = 'code' | 'text' | 'answerType' | 'allowed' | 'answer' | 'unit' | 'help' | 'documents' | 'assignedTo';

export interface ColumnDef {
  key: ColumnKey;
  header: Bilingual;
  width: number;
}

/** In this order; the answer column is E, so a problem reads "Jawaban!E7". */
export const ANSWER_COLUMNS: readonly ColumnDef[] = [
  { key: 'code', header: { id: 'Kode', en: 'Code' }, width: 22 },
  { key: 'text', header: { id: 'Uraian', en: 'Description' }, width: 60 },
  { key: 'answerType', header: { id: 'Jenis jawaban', en: 'Answer type' }, width: 18 },
  { key: 'allowed', header: { id: 'Nilai yang diizinkan', en: 'Allowed values' }, width: 32 },
  { key: 'answer', header: { id: 'Jawaban', en: 'Answer' }, width: 24 },
  { key: 'unit', header: { id: 'Satuan', en: 'Unit' }, width: 14 },
  { key: 'help', header: { id: 'Petunjuk pengisian', en: 'Help' }, width: 48 },
  { key: 'documents', header: { id: 'Dokumen wajib', en: 'Required documents' }, width: 32 },
  { key: 'assignedTo', header: { id: 'Unit penanggung jawab', en: 'Assigned units' }, width: 32 },
];

export const headerOf = (key: ColumnKey, locale: Locale): string => ANSWER_COLUMNS.find((column) => column.key === key)!.header[locale];

/** The identity rows of "Petunjuk": a fixed key in column A, its value in B, its label in C. */
export const IDENTITY_KEYS = {
  submissionId: 'submission_id',
  version: 'version',
  framework: 'framework',
  programme: 'programme',
  period: 'period',
  reporter: 'reporter',
  downloadedAt: 'downloaded_at',
} as const;

/** One answerable item: a KKP HAM indicator or a RANHAM success measure. */
export interface WorkbookItem {
  code: string;
  text: string;
  spec: AnswerCellSpec;
  unit?: string;
  help?: string;
  documents: string;
}

/** A row of "Jawaban": a RANHAM action heading its measures, or an item. */
export type WorkbookRow = { kind: 'group'; code: string; text: string } | { kind: 'item'; item: WorkbookItem };

function kkpRows(version: StoredFrameworkVersion): WorkbookRow[] {
  return asKkpVersion(version).indicators.map((indicator) => ({
    kind: 'item',
    item: {
      code: indicator.code,
      text: indicator.text,
      spec: cellSpecOfIndicator(indicator),
      unit: indicator.unit,
      help: indicator.helpText,
      documents: indicator.evidence.minCount > 0 ? `min. ${indicator.evidence.minCount}: ${indicator.evidence.allowedDocumentTypes.join(', ')}` : '-',
    },
  }));
}

/** The measures of the period for the reporter's level, under their action (an old-shape measure is its action). */
function ranhamRows(version: StoredFrameworkVersion, periodKey: string, level: ReturnType<typeof ranhamLevelOf>): WorkbookRow[] {
  const period = parsePeriodKey(periodKey);
  const rows: WorkbookRow[] = [];
  for (const action of asRanhamVersion(version).actions) {
    if (!period || action.year !== period.year || !action.reporterLevels.includes(level)) continue;
    const measures = action.successMeasures.filter((measure) => measure.periodCode === period.code);
    if (measures.length === 0) continue;
    if (!measures.some((measure) => measure.code === action.code)) rows.push({ kind: 'group', code: action.code, text: action.title });
    for (const measure of measures) {
      const documents = measure.requiredDocuments.map((rule) => `min. ${rule.minCount}: ${rule.documentTypes.join(', ')}`).join('; ');
      rows.push({
        kind: 'item',
        item: {
          code: measure.code,
          text: measure.code === action.code ? `${action.title}: ${measure.measure}` : measure.measure,
          spec: cellSpecOfMeasure(measure),
          documents: documents === '' ? '-' : documents,
          ...(measure.target !== undefined ? { help: `Target: ${measure.target}` } : {}),
        },
      });
    }
  }
  return rows;
}

/**
 * The rows of a submission's workbook: every item of its period's framework version, or only those assigned to the
 * unit when `assigned` is given.
 */
export function workbookRows(
  version: StoredFrameworkVersion,
  subject: { periodKey: string; organisationKind: OrganisationKind | null; regionCode: string | null },
  assigned: ReadonlySet<string> | null,
): WorkbookRow[] {
  const rows =
    version.programme === Programme.RANHAM ? ranhamRows(version, subject.periodKey, ranhamLevelOf(subject.organisationKind, subject.regionCode)) : kkpRows(version);
  if (!assigned) return rows;
  // A group is kept only when at least one of its items is.
  const kept = rows.filter((row) => row.kind === 'group' || assigned.has(row.item.code));
  return kept.filter((row, index) => row.kind === 'item' || kept[index + 1]?.kind === 'item');
}
