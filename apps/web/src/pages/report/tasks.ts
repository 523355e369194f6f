/**
 * A report as a GOV.UK task list: the framework version's content (untyped in the API's view) read into tasks,
 * KKP HAM indicators grouped by criterion, RANHAM success measures of this period grouped by action. Answers are
 * keyed by indicator code (KKP HAM) or measure code (RANHAM).
 */
export type AnswerKind = 'YES_NO' | 'NUMBER' | 'PERCENT' | 'CHOICE' | 'TEXT' | 'DOCUMENT_ONLY';
export type AnswerValue = boolean | number | string | null;

export interface ReportTask {
  /** The answer key: an indicator code or a success measure code. */
  code: string;
  text: string;
  kind: AnswerKind;
  unit?: string;
  choices: string[];
  helpText?: string;
  /** The documents this task needs, e.g. "SK (min. 1)". */
  documents: { types: string[]; minCount: number }[];
}

export interface TaskGroup {
  code: string;
  title: string;
  tasks: ReportTask[];
}

export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The domain's answer types, folded into the inputs the page has (BANDED is a number; the old RANHAM shape a percent). */
function kindOf(answerType: string): AnswerKind {
  switch (answerType) {
    case 'YES_NO':
    case 'NUMBER':
    case 'PERCENT':
    case 'CHOICE':
    case 'DOCUMENT_ONLY':
      return answerType;
    case 'BANDED':
      return 'NUMBER';
    case 'YES_NO_OR_PERCENT':
      return 'PERCENT';
    default:
      return 'TEXT';
  }
}

function kkpGroups(content: Json): TaskGroup[] {
  const indicators = list(content.indicators);
  return list(content.criteria).map((criterion) => ({
    code: text(criterion.code),
    title: text(criterion.name),
    tasks: indicators
      .filter((indicator) => indicator.criterionCode === criterion.code)
      .map((indicator) => {
        const evidence = (indicator.evidence ?? {}) as Json;
        return {
          code: text(indicator.code),
          text: text(indicator.text),
          kind: kindOf(text(indicator.answerType)),
          unit: typeof indicator.unit === 'string' ? indicator.unit : undefined,
          choices: list(indicator.choices).map((choice) => text(choice.value)),
          helpText: typeof indicator.helpText === 'string' ? indicator.helpText : undefined,
          documents: Number(evidence.minCount) > 0 ? [{ types: (evidence.allowedDocumentTypes as string[]) ?? [], minCount: Number(evidence.minCount) }] : [],
        };
      }),
  }));
}

/** The period code of a period key: "2026-B08" is period B08. */
export const periodCodeOf = (periodKey: string): string => periodKey.slice(periodKey.indexOf('-') + 1);

function ranhamGroups(content: Json, periodKey: string, reporterLevel: string | null): TaskGroup[] {
  const periodCode = periodCodeOf(periodKey);
  const year = Number(periodKey.slice(0, 4));
  // Only this year's actions that this reporter's level carries out count, as the API scores them.
  const applies = (action: Json) =>
    (typeof action.year !== 'number' || action.year === year) && (!reporterLevel || !Array.isArray(action.reporterLevels) || action.reporterLevels.includes(reporterLevel));
  return list(content.actions)
    .filter(applies)
    .map((action) => ({
      code: text(action.code),
      title: text(action.title),
      tasks: list(action.successMeasures)
        .filter((measure) => measure.periodCode === periodCode)
        .map((measure) => ({
          // The old shape has no measure code: its one measure per period is keyed by the action's code.
          code: text(measure.code) || text(action.code),
          text: text(measure.measure),
          kind: kindOf(text(measure.answerType) || 'YES_NO_OR_PERCENT'),
          choices: [],
          documents: list(measure.requiredDocuments).map((rule) => ({ types: (rule.documentTypes as string[]) ?? [], minCount: Number(rule.minCount) || 1 })),
        })),
    }))
    .filter((group) => group.tasks.length > 0);
}

export function taskGroupsOf(programme: 'KKP_HAM' | 'RANHAM', content: unknown, periodKey: string, reporterLevel: string | null = null): TaskGroup[] {
  const json = (content ?? {}) as Json;
  return programme === 'KKP_HAM' ? kkpGroups(json) : ranhamGroups(json, periodKey, reporterLevel);
}

/** Done once answered validly; in progress when something was typed that is not an answer yet (or is refused). */
export function taskStatus(answer: AnswerValue | undefined, draft: string | undefined, problem: boolean): TaskStatus {
  if (problem) return 'IN_PROGRESS';
  if (answer !== undefined && answer !== null && answer !== '') return 'DONE';
  return draft !== undefined && draft.trim() !== '' ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** The tasks still without an answer, in the order the task list shows them ("Periksa jawaban Anda"). */
export function missingTasks(groups: TaskGroup[], answers: Record<string, AnswerValue>): ReportTask[] {
  return groups.flatMap((group) => group.tasks).filter((task) => task.kind !== 'DOCUMENT_ONLY' && taskStatus(answers[task.code], undefined, false) !== 'DONE');
}

/**
 * A unit's input covers only what its reporter assigned to it (the submission's assignedCodes); null means every
 * task. Groups left without a task are dropped, so the list shows nothing the unit may not answer.
 */
export function assignedGroups(groups: TaskGroup[], assignedCodes: readonly string[] | null | undefined): TaskGroup[] {
  if (!assignedCodes) return groups;
  const assigned = new Set(assignedCodes);
  return groups.map((group) => ({ ...group, tasks: group.tasks.filter((task) => assigned.has(task.code)) })).filter((group) => group.tasks.length > 0);
}
