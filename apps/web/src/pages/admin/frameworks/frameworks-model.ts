import { isApiErrorBody, type Schemas } from '@peduli/api-client';

/**
 * The framework administration pages' pure rules: who may use them, which file format a chosen file is, the import's
 * problem report in sheet/row/column order, an indicator's edit, the band changes as rows, and a recalculation's
 * progress. No React here, so each rule is tested on its own.
 */

export type VersionSummary = Schemas['VersionSummary'];
export type VersionDetail = Schemas['VersionDetail'];
export type FrameworkStatus = VersionSummary['status'];
export type CycleView = Schemas['CycleView'];
export type RunReport = Schemas['RunReport'];
export type BandChange = Schemas['BandChange'];
export type RoleName = Schemas['GrantView']['role'];

/** Publishing and recalculation belong to national admins; the API refuses everyone else (FRAMEWORKS_MANAGE). */
export const managesFrameworks = (roles: readonly { role: RoleName }[]): boolean => roles.some((grant) => grant.role === 'NATIONAL_ADMIN');

export type FileFormat = 'xlsx' | 'json' | 'yaml';

/** The Content-Type the import endpoint reads each format by. */
export const MEDIA_TYPE: Record<FileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  yaml: 'application/yaml',
};

/** What the file input offers: the three formats by extension, so a phone's picker shows them too. */
export const ACCEPTED_FILES = '.xlsx,.json,.yaml,.yml';

/** A file's format by its name (browsers give YAML no reliable media type); null for anything else. */
export function fileFormatOf(fileName: string): FileFormat | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'json') return 'json';
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  return null;
}

/** One reason the file was refused, where it is: a spreadsheet's sheet, row and column, or a path in a JSON/YAML file. */
export interface ImportProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  header: string | null;
  /** The API's field: a cell reference (Indikator!F5) or a document path (content.indicators[3].points). */
  field: string;
  message: string;
}

/** Column letters in sheet order: B before AA. */
const columnOrder = (column: string | null): number => (column === null ? -1 : [...column].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0));

/**
 * The import's refusal as rows of the problem report, by sheet (in the order the file first mentions them), then row,
 * then column; problems of the whole file (no sheet) first. Null when the error is not a report of the file's problems.
 */
export function importProblems(error: unknown): ImportProblem[] | null {
  if (!isApiErrorBody(error) || error.statusCode !== 400 || !error.problems?.length) return null;
  const rows = error.problems.map(
    (p): ImportProblem => ({
      sheet: p.sheet ?? null,
      row: p.row ?? null,
      column: p.column ?? null,
      header: p.header ?? null,
      field: p.field,
      message: p.problem,
    }),
  );
  const sheets = [...new Set(rows.map((row) => row.sheet))];
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        (a.row.sheet === null ? -1 : sheets.indexOf(a.row.sheet)) - (b.row.sheet === null ? -1 : sheets.indexOf(b.row.sheet)) ||
        (a.row.row ?? 0) - (b.row.row ?? 0) ||
        columnOrder(a.row.column) - columnOrder(b.row.column) ||
        a.index - b.index,
    )
    .map(({ row }) => row);
}

/** The rows of one sheet together, for a report grouped by sheet. */
export function groupBySheet(problems: readonly ImportProblem[]): { sheet: string | null; problems: ImportProblem[] }[] {
  const groups: { sheet: string | null; problems: ImportProblem[] }[] = [];
  for (const problem of problems) {
    const group = groups.find((g) => g.sheet === problem.sheet);
    if (group) group.problems.push(problem);
    else groups.push({ sheet: problem.sheet, problems: [problem] });
  }
  return groups;
}

/** A KKP HAM indicator as the pages read and edit it; other fields pass through untouched. */
export interface IndicatorContent {
  code: string;
  criterionCode: string;
  text: string;
  type: string;
  answerType: string;
  points: number;
}

export interface CriterionContent {
  code: string;
  name: string;
}

export interface ActionContent {
  code: string;
  title: string;
  targetGroupCode?: string;
}

export interface BandEdge {
  band: string;
  min: number;
}

/** A version's content in the shape the pages show: KKP HAM criteria with their indicators, or RANHAM actions. */
export type ContentOutline =
  | { kind: 'KKP_HAM'; criteria: { criterion: CriterionContent; indicators: IndicatorContent[] }[]; bands: BandEdge[] }
  | { kind: 'RANHAM'; actions: ActionContent[] };

const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function outlineOf(content: object): ContentOutline {
  const record = content as Record<string, unknown>;
  if ('criteria' in record) {
    const indicators = listOf<IndicatorContent>(record.indicators);
    const rules = (record.rules ?? {}) as { bands?: unknown };
    return {
      kind: 'KKP_HAM',
      criteria: listOf<CriterionContent>(record.criteria).map((criterion) => ({
        criterion,
        indicators: indicators.filter((indicator) => indicator.criterionCode === criterion.code),
      })),
      bands: listOf<BandEdge>(rules.bands).slice().sort((a, b) => b.min - a.min),
    };
  }
  return { kind: 'RANHAM', actions: listOf<ActionContent>(record.actions) };
}

export type IndicatorField = 'indicator-text' | 'indicator-points';

export interface IndicatorEdit {
  text: string;
  /** As typed: "7,5" or "7.5". */
  points: string;
}

/** A number as Indonesians type it (comma decimals) or as English speakers do; null when it is not one. */
export function parseDecimal(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** The edit form's own checks, before anything is sent: text present, points a number above 0. */
export function checkIndicatorEdit(edit: IndicatorEdit): { field: IndicatorField; key: 'frameworks.edit.textRequired' | 'frameworks.edit.pointsInvalid' }[] {
  const problems: { field: IndicatorField; key: 'frameworks.edit.textRequired' | 'frameworks.edit.pointsInvalid' }[] = [];
  if (!edit.text.trim()) problems.push({ field: 'indicator-text', key: 'frameworks.edit.textRequired' });
  const points = parseDecimal(edit.points);
  if (points === null || points <= 0) problems.push({ field: 'indicator-points', key: 'frameworks.edit.pointsInvalid' });
  return problems;
}

/** The draft's content with one indicator's text and points replaced; everything else, the indicator's other fields too, kept. */
export function withIndicatorEdit(content: object, code: string, edit: IndicatorEdit): Record<string, unknown> {
  const record = content as Record<string, unknown>;
  const points = parseDecimal(edit.points);
  if (points === null) throw new Error(`points "${edit.points}" is not a number`);
  const indicators = listOf<IndicatorContent>(record.indicators);
  if (!indicators.some((indicator) => indicator.code === code)) throw new Error(`no indicator ${code}`);
  return {
    ...record,
    indicators: indicators.map((indicator) => (indicator.code === code ? { ...indicator, text: edit.text.trim(), points } : indicator)),
  };
}

/** The cycles a version may be published into: its programme's, whose results are not yet made final by a decree. */
export const adoptableCycles = (cycles: readonly CycleView[], programme: VersionSummary['programme']): CycleView[] =>
  cycles.filter((cycle) => cycle.programme === programme && cycle.decree === null);

/** The cycle a what-if scores against by default: the programme's newest one still open to change. */
export function defaultWhatIfCycle(cycles: readonly CycleView[], programme: VersionSummary['programme']): CycleView | undefined {
  const own = cycles.filter((cycle) => cycle.programme === programme).sort((a, b) => b.year - a.year);
  return own.find((cycle) => cycle.decree === null) ?? own[0];
}

/** KKP HAM bands from lowest to highest, so a change reads as up or down. */
const BAND_ORDER = ['KURANG_PEDULI', 'MULAI_PEDULI', 'CUKUP_PEDULI', 'PEDULI'];

export type Direction = 'up' | 'down' | 'new' | 'other';

export interface BandChangeRow {
  submissionId: string;
  regionCode: string;
  regionName: string | null;
  periodKey: string;
  before: { band: string; total: number } | null;
  after: { band: string; total: number };
  direction: Direction;
}

function directionOf(change: BandChange): Direction {
  if (!change.from) return 'new';
  const from = BAND_ORDER.indexOf(change.from.band);
  const to = BAND_ORDER.indexOf(change.to.band);
  if (from < 0 || to < 0) return 'other';
  return to > from ? 'up' : 'down';
}

/** Band changes as the report's rows, with each region's name when known, by region code then period. */
export function bandChangeRows(changes: readonly BandChange[], regionNames: ReadonlyMap<string, string>): BandChangeRow[] {
  return changes
    .map((change) => ({
      submissionId: change.submissionId,
      regionCode: change.regionCode,
      regionName: regionNames.get(change.regionCode) ?? null,
      periodKey: change.periodKey,
      before: change.from,
      after: change.to,
      direction: directionOf(change),
    }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.periodKey.localeCompare(b.periodKey));
}

/** The provinces whose regions a report names: region names are looked up a province at a time. */
export const provincesOf = (changes: readonly { regionCode: string }[]): string[] => [...new Set(changes.map((change) => change.regionCode.slice(0, 2)))].sort();

export interface RunProgress {
  finished: boolean;
  /** 0–100, whole. */
  percent: number;
  processed: number;
  total: number;
}

/** How far a run is: finished or not, and the share of its submissions scored or failed. */
export function runProgress(run: Pick<RunReport, 'status' | 'total' | 'done' | 'failed'>): RunProgress {
  const finished = run.status === 'FINISHED';
  const processed = Math.min(run.done + run.failed, run.total);
  const percent = run.total === 0 ? (finished ? 100 : 0) : Math.floor((processed / run.total) * 100);
  return { finished, percent: finished ? 100 : Math.min(percent, 99), processed, total: run.total };
}

/** How often the recalculation page asks for progress: every second while running, never once finished. */
export const pollInterval = (run: Pick<RunReport, 'status'> | undefined): number | false => (run?.status === 'FINISHED' ? false : 1000);

/** The runs a publication started (a cycle already on the version starts none). */
export const startedRuns = (published: Schemas['PublishedVersion']): string[] =>
  published.adoptedBy.flatMap((change) => (change.recalculation ? [change.recalculation.id] : []));

/** Versions for the list: by framework, then newest version first. */
export const sortVersions = (versions: readonly VersionSummary[]): VersionSummary[] =>
  [...versions].sort((a, b) => a.programme.localeCompare(b.programme) || a.frameworkCode.localeCompare(b.frameworkCode) || b.version - a.version);

/** "75,50" in Indonesian, "75.50" in English: totals as people read them. */
export const formatTotal = (total: number, language: 'id' | 'en'): string =>
  new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(total);
