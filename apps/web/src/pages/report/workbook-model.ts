import { isApiErrorBody } from '@peduli/api-client';
import type { MessageKey } from '../../i18n/messages';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Why a workbook was not taken: the page's own check (no file, not .xlsx), the API's wrong cells (each problem
 * already names its cell, "Jawaban!E7: …"), or a refusal of the whole file with the page's explanation beside the
 * API's words.
 */
export type WorkbookRefusal =
  | { kind: 'local'; key: MessageKey }
  | { kind: 'cells'; message: string; problems: string[] }
  | { kind: 'api'; key: MessageKey | null; message: string };

/** A problem's words, led by where it is unless they already say so. */
function located(problem: { field: string; problem: string }): string {
  if (problem.field === 'file' || problem.problem.startsWith(problem.field)) return problem.problem;
  return `${problem.field}: ${problem.problem}`;
}

/** The two 409s a workbook upload gets, by the API's error code, and what the page says about each. */
const CONFLICT_KEYS: Readonly<Record<string, 'workbook.stale' | 'workbook.locked'>> = {
  // The workbook is older than the report: its version moved on since the download.
  'submission.versionConflict': 'workbook.stale',
  'submission.answersLocked': 'workbook.locked',
};

export function workbookRefusal(status: number, error: unknown): WorkbookRefusal {
  if (!isApiErrorBody(error)) return { kind: 'local', key: 'workbook.failed' };
  if (status === 400 && error.problems && error.problems.length > 0) return { kind: 'cells', message: error.message, problems: error.problems.map(located) };
  return { kind: 'api', key: (status === 409 && CONFLICT_KEYS[error.code]) || null, message: error.message };
}
